// The web chat's conversation on screen: the bubbles of both sides, notes, the typing dots and the choice buttons.
// It keeps the newest message in view while the citizen is reading at the bottom.

/** The message log of the page; `S` holds the page texts, `$` finds an element by id. */
function createChatLog(S, $) {
  const scroller = $('scroller');
  const log = $('log');
  const choicesBox = $('choices');
  const welcome = $('welcome');
  let typingEl = null;

  function nearBottom() {
    return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 120;
  }
  function toBottom() {
    scroller.scrollTop = scroller.scrollHeight;
  }

  function append(el) {
    const stick = nearBottom() || el.classList.contains('user');
    if (typingEl && typingEl.parentNode) log.insertBefore(el, typingEl);
    else log.appendChild(el);
    welcome.hidden = true;
    document.body.classList.add('started');
    if (stick) requestAnimationFrame(toBottom);
    return el;
  }

  function botBubble(reply) {
    const el = document.createElement('div');
    el.className = 'msg bot';
    el.setAttribute('data-testid', 'bot-msg');
    el.setAttribute('data-id', String(reply.id));
    el.setAttribute('data-who', S['web.bot_label']);
    appendRichText(el, reply.text);
    for (const file of reply.attachments || []) el.appendChild(fileLink(file));
    return append(el);
  }

  /** An officer's file under its message: a download through the chat's own cookie. */
  function fileLink(file) {
    const a = document.createElement('a');
    a.className = 'file';
    a.href = file.url;
    a.setAttribute('download', file.name);
    a.setAttribute('data-testid', 'bot-file');
    const kb = Math.max(1, Math.round(file.size / 1024));
    a.textContent = S['web.file_download'].replace('{name}', file.name).replace('{size}', String(kb));
    return a;
  }

  function userBubble(text, imageUrl, sent) {
    const el = document.createElement('div');
    el.className = sent ? 'msg user' : 'msg user pending';
    el.setAttribute('data-testid', 'user-msg');
    el.setAttribute('data-who', S['web.user_label']);
    if (imageUrl) {
      const img = document.createElement('img');
      img.src = imageUrl;
      img.alt = '';
      el.appendChild(img);
    }
    const span = document.createElement('span');
    span.textContent = text;
    el.appendChild(span);
    return append(el);
  }

  function note(text) {
    const el = document.createElement('div');
    el.className = 'note';
    el.setAttribute('data-testid', 'note');
    el.setAttribute('role', 'status');
    el.textContent = text;
    return append(el);
  }

  function setTyping(on) {
    if (on && !typingEl) {
      typingEl = document.createElement('div');
      typingEl.className = 'typing';
      typingEl.setAttribute('aria-hidden', 'true');
      typingEl.innerHTML = '<i></i><i></i><i></i>';
      log.appendChild(typingEl);
      if (nearBottom()) requestAnimationFrame(toBottom);
    } else if (!on && typingEl) {
      typingEl.remove();
      typingEl = null;
    }
  }

  /** The reply's choices as buttons (none for no reply); a tap calls `choose` with the choice. */
  function showChoices(reply, disabled, choose) {
    choicesBox.textContent = '';
    const list = reply && reply.choices ? reply.choices : [];
    for (const c of list) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'choice';
      b.setAttribute('data-testid', 'choice');
      b.setAttribute('data-choice', c.id);
      b.textContent = c.label;
      b.disabled = disabled;
      b.addEventListener('click', () => {
        b.blur();
        choose(c);
      });
      choicesBox.appendChild(b);
    }
    choicesBox.hidden = list.length === 0;
    if (list.length && nearBottom()) requestAnimationFrame(toBottom);
  }

  /** New bot replies, in order, with the last one's choices. */
  function showReplies(replies, disabled, choose) {
    const stick = nearBottom();
    let first = null;
    for (const r of replies) {
      const el = botBubble(r);
      if (!first) first = el;
    }
    if (replies.length) showChoices(replies[replies.length - 1], disabled, choose);
    // The newest buttons should be in view, but a very long answer is read from its start: when scrolling to
    // the bottom would hide more than half a screen of it, scroll to its top instead.
    if (first && stick) {
      const top = first;
      requestAnimationFrame(() => {
        const at =
          top.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - 8;
        const bottom = scroller.scrollHeight - scroller.clientHeight;
        scroller.scrollTop = bottom - at > scroller.clientHeight / 2 ? at : bottom;
      });
    }
  }

  /** While a message is on its way: the choices can't be tapped and the bot "types". */
  function setBusy(on) {
    for (const b of choicesBox.querySelectorAll('button')) b.disabled = on;
    setTyping(on);
  }

  return { toBottom, botBubble, userBubble, note, showChoices, showReplies, setBusy };
}
