// The web chat's "my complaints" sheet: the citizen's tickets with their status and date, from /api/chat.

/** Wires the "my complaints" button and the sheet it opens; `log` tells when the list could not be loaded. */
function wireComplaintsPanel(S, LANG, API, $, log) {
  const panel = $('panel');
  const panelList = $('panel-list');

  function complaintItem(c) {
    const li = document.createElement('li');
    const b = document.createElement('b');
    b.textContent = c.ticket;
    li.appendChild(b);
    li.appendChild(document.createTextNode(S['ticket.status.' + c.status] || c.status));
    const when = new Date(c.createdAt);
    if (!Number.isNaN(when.getTime())) {
      li.appendChild(document.createElement('br'));
      const small = document.createElement('small');
      const locale = LANG === 'en' ? 'en-GB' : 'id-ID';
      small.textContent = when.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
      li.appendChild(small);
    }
    return li;
  }

  $('mine').addEventListener('click', () => {
    panelList.textContent = '';
    panel.hidden = false;
    $('panel-close').focus();
    fetch(API + '/complaints', { credentials: 'same-origin', cache: 'no-store' })
      .then((res) => (res.ok ? res.json() : { complaints: [] }))
      .then(
        (body) => {
          const list = body.complaints || [];
          if (!list.length) {
            const li = document.createElement('li');
            li.textContent = S['status.none'];
            panelList.appendChild(li);
            return;
          }
          for (const c of list) panelList.appendChild(complaintItem(c));
        },
        () => {
          log.note(S['web.offline']);
        },
      );
  });
  function closePanel() {
    panel.hidden = true;
    $('mine').focus();
  }
  $('panel-close').addEventListener('click', closePanel);
  panel.addEventListener('click', (e) => {
    if (e.target === panel) closePanel();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) closePanel();
  });
}
