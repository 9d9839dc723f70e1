// The web chat's traffic with /api/chat: messages go out one at a time, in order, retried with the same id; the
// bot's replies come back with each answer and by polling; after a reload the conversation is shown again.

/** The page's connection to the conversation; `API` is the chat API's base path, `log` the chat log. */
function createOutbox(S, LANG, API, $, log) {
  const sendBtn = $('send');
  const attachBtn = $('attach');
  const locBtn = $('location');
  const startBtn = $('start');
  const seen = Object.create(null);
  let lastId = 0;
  const queue = [];
  let busy = false;
  let offlineShown = false;

  const choose = (c) => send({ text: c.id }, c.label);

  function receive(replies) {
    const fresh = (replies || []).filter(
      (r) => r && typeof r.id === 'number' && r.from !== 'citizen' && !seen[r.id],
    );
    fresh.sort((a, b) => a.id - b.id);
    for (const r of fresh) {
      seen[r.id] = true;
      if (r.id > lastId) lastId = r.id;
    }
    log.showReplies(fresh, busy, choose);
  }

  function skip(replies) {
    for (const r of replies || []) {
      if (r && typeof r.id === 'number') {
        seen[r.id] = true;
        if (r.id > lastId) lastId = r.id;
      }
    }
  }

  function setBusy(on) {
    busy = on;
    sendBtn.disabled = on;
    sendBtn.setAttribute('aria-label', on ? S['web.sending'] : S['web.send']);
    sendBtn.title = on ? S['web.sending'] : S['web.send'];
    sendBtn.setAttribute('aria-busy', on ? 'true' : 'false');
    attachBtn.disabled = on;
    locBtn.disabled = on;
    startBtn.disabled = on;
    log.setBusy(on);
  }

  /** Queues a message: shows the citizen's bubble at once, posts in order, retries with the same id. */
  function send(payload, shown, imageUrl) {
    syncLang(false);
    payload.id = uuid();
    queue.push({ payload: payload, bubble: log.userBubble(shown, imageUrl), tries: 0, quiet: false });
    pump();
  }

  /** A command the citizen doesn't see typed (the conversation's language); quiet: its replies aren't shown. */
  function command(text, quiet) {
    // "q-": the server leaves these out when it shows the conversation again.
    queue.push({ payload: { id: 'q-' + uuid(), text: text }, bubble: null, tries: 0, quiet: quiet });
    pump();
  }

  // The conversation speaks the page's language: a fresh English conversation starts with "/lang en", and a
  // language picked with the toggle switches an ongoing one (the bot then repeats its question).
  const langKey = 'aduan.lang';
  let langSynced = false;
  try {
    langSynced = sessionStorage.getItem(langKey) === LANG;
  } catch (e) {
    /* storage blocked */
  }
  const langChosen = /[?&]lang=/.test(location.search);
  function syncLang(ongoing) {
    if (langSynced) return;
    langSynced = true;
    try {
      sessionStorage.setItem(langKey, LANG);
    } catch (e) {
      /* storage blocked */
    }
    if (ongoing ? langChosen : LANG !== 'id') command('/lang ' + LANG, !ongoing);
  }

  /** The conversation now speaks another language ("/lang en"): the page reloads in it, the conversation comes back. */
  function switchLang(lang) {
    try {
      sessionStorage.setItem(langKey, lang);
    } catch (e) {
      /* storage blocked */
    }
    location.replace('/?lang=' + lang);
  }

  function pump() {
    if (busy || !queue.length) return;
    const item = queue[0];
    setBusy(true);
    fetch(API + '/messages', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(item.payload),
    })
      .then(
        (res) => {
          if (res.ok) return res.json().then((body) => ({ ok: true, body: body }));
          return {
            ok: false,
            retry: res.status >= 500 || res.status === 408 || res.status === 429,
            busy: res.status === 503,
          };
        },
        () => ({ ok: false, retry: true }),
      )
      .then((r) => {
        if (r.ok) {
          queue.shift();
          if (item.bubble) item.bubble.classList.remove('pending');
          offlineShown = false;
          setBusy(false);
          if (item.quiet) skip(r.body && r.body.replies);
          else receive(r.body && r.body.replies);
          if (r.body && (r.body.lang === 'en' || r.body.lang === 'id') && r.body.lang !== LANG)
            switchLang(r.body.lang);
          pump();
        } else if (r.retry) {
          if (!offlineShown) {
            offlineShown = true;
            log.note(S[r.busy ? 'web.busy' : 'web.offline']);
          }
          item.tries += 1;
          const wait = Math.min(15000, 1000 * 2 ** Math.min(item.tries - 1, 4));
          setTimeout(() => {
            setBusy(false);
            pump();
          }, wait);
        } else {
          queue.shift();
          if (item.bubble) item.bubble.classList.remove('pending');
          log.note(S['web.send_failed']);
          setBusy(false);
          pump();
        }
      });
  }

  let polling = false;
  function poll() {
    if (polling || document.hidden) return;
    polling = true;
    fetch(API + '/messages?after=' + lastId, { credentials: 'same-origin', cache: 'no-store' })
      .then((res) => (res.ok ? res.json() : null))
      .then(
        (body) => {
          if (body) receive(body.replies);
        },
        () => {},
      )
      .then(() => {
        polling = false;
      });
  }

  /** After a reload: the conversation so far is on the server, both sides of it; shown again in order. */
  function resume() {
    fetch(API + '/messages?after=0', { credentials: 'same-origin', cache: 'no-store' })
      .then((res) => (res.ok ? res.json() : null))
      .then(
        (body) => {
          const items = body && body.replies ? body.replies : [];
          if (!items.length) return;
          let last = null;
          for (const r of items) {
            if (!r || typeof r.id !== 'number') continue;
            if (r.from === 'citizen') {
              const shown = r.text || (r.location ? S['web.location_sent'] : S['web.attachment_sent']);
              log.userBubble(shown, null, true);
              last = null;
              continue;
            }
            if (seen[r.id]) continue;
            seen[r.id] = true;
            if (r.id > lastId) lastId = r.id;
            log.botBubble(r);
            last = r;
          }
          // Buttons only when the bot spoke last: a question the citizen already answered offers nothing.
          log.showChoices(last, busy, choose);
          requestAnimationFrame(log.toBottom);
          syncLang(true);
        },
        () => {},
      )
      .then(() => {
        setInterval(poll, 3000);
      });
  }

  return { send, pump, poll, resume, isBusy: () => busy };
}
