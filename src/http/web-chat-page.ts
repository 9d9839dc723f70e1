// The web chat page: one self-contained HTML document (inline CSS and vanilla JS, no external resources).
// Every word a citizen reads comes from the locale files; the script talks to /api/chat with the session cookie.
import type { Lang } from '../domain/reply.js';
import { localeKeys, t } from '../i18n/locales.js';

/** The texts the page's script needs: the page's own `web.*` keys plus the ticket status names. */
function pageStrings(lang: Lang): Record<string, string> {
  const keys = localeKeys('id').filter(
    (k) => k.startsWith('web.') || k.startsWith('ticket.status.') || k === 'status.none',
  );
  return Object.fromEntries(keys.map((k) => [k, t(lang, k)]));
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** JSON that is safe inside an inline <script>: no `</script>`, no `<!--`, no line separators. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const CSS = `
:root{--bg:#eef2f1;--panel:#fff;--ink:#17211f;--muted:#55625f;--brand:#0b6e4f;--brand-ink:#fff;--brand-soft:#e3f1eb;
--user:#0b6e4f;--user-ink:#fff;--bot:#fff;--bot-ink:#17211f;--line:#d5dedb;--warn:#8a4b00;--warn-bg:#fff4e0;--focus:#f5a623;
--radius:18px;color-scheme:light}
*,*::before,*::after{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif,"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji";color:var(--ink);background:var(--bg);
display:flex;flex-direction:column;height:100vh;height:100dvh;overflow:hidden;-webkit-text-size-adjust:100%}
button,input,textarea{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.sr-only{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
header{flex:none;background:var(--brand);color:var(--brand-ink);padding:8px 12px;display:flex;gap:8px;align-items:flex-start}
header .titles{flex:1;min-width:0}
header h1{font-size:1rem;margin:0;line-height:1.25;overflow-wrap:anywhere}
header p{margin:2px 0 0;font-size:.8rem;line-height:1.3;opacity:.92;overflow-wrap:anywhere}
@media (max-width:480px){body.started header p{display:none}}
header nav{flex:none;display:flex;flex-direction:column;gap:4px;align-items:flex-end}
header nav a,header nav button{color:var(--brand-ink);background:rgba(255,255,255,.14);border:1px solid rgba(255,255,255,.35);
border-radius:999px;padding:2px 10px;font-size:.75rem;text-decoration:none;white-space:nowrap;min-height:28px;display:inline-flex;align-items:center}
header nav a:hover,header nav button:hover{background:rgba(255,255,255,.24)}
main{flex:1;min-height:0;overflow-y:auto;overflow-x:hidden;padding:12px 10px 8px;-webkit-overflow-scrolling:touch;overscroll-behavior:contain}
.welcome{text-align:center;padding:18vh 12px 24px}
.welcome[hidden]{display:none}
.start{background:var(--brand);color:var(--brand-ink);border:0;border-radius:999px;padding:12px 36px;font-size:1.1rem;font-weight:600;
min-height:48px;box-shadow:0 2px 6px rgba(0,0,0,.15)}
.start:hover{filter:brightness(1.08)}
.log{display:flex;flex-direction:column;gap:8px;margin:0;padding:0;list-style:none}
.msg{position:relative;max-width:86%;padding:9px 13px;border-radius:var(--radius);overflow-wrap:anywhere;word-break:break-word;white-space:normal;
box-shadow:0 1px 1.5px rgba(0,0,0,.12);animation:pop .16s ease-out}
.msg.bot{align-self:flex-start;background:var(--bot);color:var(--bot-ink);border-bottom-left-radius:6px}
.msg.user{align-self:flex-end;background:var(--user);color:var(--user-ink);border-bottom-right-radius:6px}
.msg.user.pending{opacity:.75}
.msg::before{content:attr(data-who) ": ";position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.msg img{display:block;max-width:100%;max-height:180px;border-radius:10px;margin-bottom:4px}
.note{align-self:center;max-width:92%;text-align:center;font-size:.85rem;color:var(--warn);background:var(--warn-bg);border-radius:999px;padding:5px 12px;overflow-wrap:anywhere}
.typing{align-self:flex-start;background:var(--bot);border-radius:var(--radius);padding:10px 14px;display:flex;gap:4px}
.typing i{width:7px;height:7px;border-radius:50%;background:var(--muted);opacity:.4;animation:blink 1s infinite}
.typing i:nth-child(2){animation-delay:.2s}.typing i:nth-child(3){animation-delay:.4s}
@keyframes blink{50%{opacity:1}}
@keyframes pop{from{transform:translateY(4px);opacity:0}to{transform:none;opacity:1}}
@media (prefers-reduced-motion:reduce){.msg,.typing i{animation:none}}
.choices{display:flex;flex-wrap:wrap;gap:8px;padding:10px 0 4px;justify-content:flex-start}
.choices[hidden]{display:none}
.choice{background:var(--panel);color:var(--brand);border:1.5px solid var(--brand);border-radius:999px;padding:7px 14px;min-height:40px;
font-weight:600;font-size:.95rem;max-width:100%;text-align:left;overflow-wrap:anywhere}
@media (hover:hover){.choice:hover:not(:disabled){background:var(--brand-soft)}}
.nowrap{white-space:nowrap}
.choice:disabled,.icon:disabled,.send:disabled{opacity:.55;cursor:default}
.composer{flex:none;background:var(--panel);border-top:1px solid var(--line);padding:8px;padding-bottom:max(8px,env(safe-area-inset-bottom));
display:flex;gap:6px;align-items:flex-end}
.icon{flex:none;width:44px;height:44px;border-radius:50%;border:0;background:transparent;color:var(--muted);display:inline-flex;align-items:center;justify-content:center;padding:0}
.icon:hover:not(:disabled){background:var(--bg);color:var(--brand)}
.icon svg{width:24px;height:24px}
.composer textarea{flex:1;min-width:0;resize:none;border:1.5px solid var(--line);border-radius:22px;padding:10px 14px;min-height:44px;max-height:140px;
line-height:1.35;background:#fafcfb;overflow-y:auto}
.composer textarea:focus{border-color:var(--brand);outline:none;box-shadow:0 0 0 3px rgba(11,110,79,.18)}
.send{flex:none;width:44px;height:44px;border:0;border-radius:50%;background:var(--brand);color:var(--brand-ink);padding:0;display:inline-flex;align-items:center;justify-content:center}
.send svg{width:22px;height:22px}
.send:hover:not(:disabled){filter:brightness(1.08)}
.panel{position:fixed;inset:0;background:rgba(0,0,0,.4);display:flex;align-items:flex-end;justify-content:center;z-index:10}
.panel[hidden]{display:none}
.panel .sheet{background:var(--panel);width:100%;max-width:560px;max-height:80vh;overflow-y:auto;border-radius:16px 16px 0 0;padding:14px 16px 20px}
.panel h2{font-size:1.05rem;margin:0 0 10px;display:flex;justify-content:space-between;align-items:center;gap:8px}
.panel h2 button{border:1px solid var(--line);background:var(--panel);border-radius:999px;padding:4px 12px;min-height:36px;font-size:.9rem}
.panel ul{list-style:none;margin:0;padding:0}
.panel li{border-top:1px solid var(--line);padding:10px 0;overflow-wrap:anywhere}
.panel li b{display:block}
.panel small{color:var(--muted)}
@media (min-width:700px){main{padding:16px calc(50% - 330px)}.composer{padding-left:calc(50% - 330px);padding-right:calc(50% - 330px)}}
`;

const ICON_CLIP =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" d="M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9"/></svg>';
const ICON_PIN =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5" fill="none" stroke="currentColor" stroke-width="2"/></svg>';

const ICON_SEND =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M3.4 20.4l17.45-7.48a1 1 0 0 0 0-1.84L3.4 3.6a.99.99 0 0 0-1.39.91L2 9.12c0 .5.37.93.87.99L17 12 2.87 13.88c-.5.07-.87.5-.87 1l.01 4.61c0 .71.73 1.2 1.39.91z"/></svg>';

// The page's script. Plain ES2019 in a string: no build step. S holds the texts, LANG the page language.
const SCRIPT = `
(function () {
  'use strict';
  var S = JSON.parse(document.getElementById('strings').textContent);
  var LANG = document.documentElement.lang;
  var API = '/api/chat';
  var $ = function (id) { return document.getElementById(id); };
  var scroller = $('scroller'), log = $('log'), choicesBox = $('choices'), welcome = $('welcome');
  var form = $('composer'), input = $('input'), sendBtn = $('send'), fileInput = $('file'), attachBtn = $('attach');
  var locBtn = $('location'), startBtn = $('start');
  var seen = Object.create(null);
  var lastId = 0;
  var queue = [];
  var busy = false;
  var offlineShown = false;
  var typingEl = null;

  function tr(key, vars) {
    var s = S[key] || key;
    return s.replace(/\\{(\\w+)\\}/g, function (whole, name) { return vars && vars[name] != null ? String(vars[name]) : whole; });
  }

  function uuid() {
    if (window.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  /** Plain text, with ticket numbers (ADU-2612-7K3M) kept on one line: they never break at a hyphen. */
  function plain(el, text) {
    var re = /ADU-\\d{4}-[A-Z0-9]+/g, at = 0, m;
    while ((m = re.exec(text))) {
      if (m.index > at) el.appendChild(document.createTextNode(text.slice(at, m.index)));
      var span = document.createElement('span');
      span.className = 'nowrap';
      span.textContent = m[0];
      el.appendChild(span);
      at = m.index + m[0].length;
    }
    if (at < text.length) el.appendChild(document.createTextNode(text.slice(at)));
  }

  /** Text into DOM nodes: *bold* becomes <b>, newlines become <br>; never parsed as HTML. */
  function richText(el, text) {
    var lines = String(text).split('\\n');
    lines.forEach(function (line, i) {
      if (i > 0) el.appendChild(document.createElement('br'));
      var re = /\\*([^*\\n]+)\\*/g, at = 0, m;
      while ((m = re.exec(line))) {
        if (m.index > at) plain(el, line.slice(at, m.index));
        var b = document.createElement('b');
        plain(b, m[1]);
        el.appendChild(b);
        at = m.index + m[0].length;
      }
      if (at < line.length) plain(el, line.slice(at));
    });
  }

  function nearBottom() { return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 120; }
  function toBottom() { scroller.scrollTop = scroller.scrollHeight; }

  function append(el) {
    var stick = nearBottom() || el.classList.contains('user');
    if (typingEl && typingEl.parentNode) log.insertBefore(el, typingEl); else log.appendChild(el);
    welcome.hidden = true;
    document.body.classList.add('started');
    if (stick) requestAnimationFrame(toBottom);
    return el;
  }

  function botBubble(reply) {
    var el = document.createElement('div');
    el.className = 'msg bot';
    el.setAttribute('data-testid', 'bot-msg');
    el.setAttribute('data-id', String(reply.id));
    el.setAttribute('data-who', S['web.bot_label']);
    richText(el, reply.text);
    return append(el);
  }

  function userBubble(text, imageUrl, sent) {
    var el = document.createElement('div');
    el.className = sent ? 'msg user' : 'msg user pending';
    el.setAttribute('data-testid', 'user-msg');
    el.setAttribute('data-who', S['web.user_label']);
    if (imageUrl) {
      var img = document.createElement('img');
      img.src = imageUrl;
      img.alt = '';
      el.appendChild(img);
    }
    var span = document.createElement('span');
    span.textContent = text;
    el.appendChild(span);
    return append(el);
  }

  function note(text) {
    var el = document.createElement('div');
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

  function showChoices(reply) {
    choicesBox.textContent = '';
    var list = reply && reply.choices ? reply.choices : [];
    list.forEach(function (c) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'choice';
      b.setAttribute('data-testid', 'choice');
      b.setAttribute('data-choice', c.id);
      b.textContent = c.label;
      b.disabled = busy;
      b.addEventListener('click', function () { b.blur(); send({ text: c.id }, c.label); });
      choicesBox.appendChild(b);
    });
    choicesBox.hidden = list.length === 0;
    if (list.length && nearBottom()) requestAnimationFrame(toBottom);
  }

  function receive(replies) {
    var fresh = (replies || []).filter(function (r) {
      return r && typeof r.id === 'number' && r.from !== 'citizen' && !seen[r.id];
    });
    fresh.sort(function (a, b) { return a.id - b.id; });
    var stick = nearBottom();
    var first = null;
    fresh.forEach(function (r) {
      seen[r.id] = true;
      if (r.id > lastId) lastId = r.id;
      var el = botBubble(r);
      if (!first) first = el;
    });
    if (fresh.length) showChoices(fresh[fresh.length - 1]);
    // The newest buttons should be in view, but a very long answer is read from its start: when scrolling to
    // the bottom would hide more than half a screen of it, scroll to its top instead.
    if (first && stick) {
      var top = first;
      requestAnimationFrame(function () {
        var at = top.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - 8;
        var bottom = scroller.scrollHeight - scroller.clientHeight;
        scroller.scrollTop = bottom - at > scroller.clientHeight / 2 ? at : bottom;
      });
    }
  }

  function skip(replies) {
    (replies || []).forEach(function (r) { if (r && typeof r.id === 'number') { seen[r.id] = true; if (r.id > lastId) lastId = r.id; } });
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
    Array.prototype.forEach.call(choicesBox.querySelectorAll('button'), function (b) { b.disabled = on; });
    setTyping(on);
  }

  /** Queues a message: shows the citizen's bubble at once, posts in order, retries with the same id. */
  function send(payload, shown, imageUrl) {
    syncLang(false);
    payload.id = uuid();
    queue.push({ payload: payload, bubble: userBubble(shown, imageUrl), tries: 0, quiet: false });
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
  var langKey = 'aduan.lang';
  var langSynced = false;
  try { langSynced = sessionStorage.getItem(langKey) === LANG; } catch (e) { /* storage blocked */ }
  var langChosen = /[?&]lang=/.test(location.search);
  function syncLang(ongoing) {
    if (langSynced) return;
    langSynced = true;
    try { sessionStorage.setItem(langKey, LANG); } catch (e) { /* storage blocked */ }
    if (ongoing ? langChosen : LANG !== 'id') command('/lang ' + LANG, !ongoing);
  }

  /** The conversation now speaks another language ("/lang en"): the page reloads in it, the conversation comes back. */
  function switchLang(lang) {
    try { sessionStorage.setItem(langKey, lang); } catch (e) { /* storage blocked */ }
    location.replace('/?lang=' + lang);
  }

  function pump() {
    if (busy || !queue.length) return;
    var item = queue[0];
    setBusy(true);
    fetch(API + '/messages', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(item.payload)
    }).then(function (res) {
      if (res.ok) return res.json().then(function (body) { return { ok: true, body: body }; });
      return { ok: false, retry: res.status >= 500 || res.status === 408 || res.status === 429, busy: res.status === 503 };
    }, function () {
      return { ok: false, retry: true };
    }).then(function (r) {
      if (r.ok) {
        queue.shift();
        if (item.bubble) item.bubble.classList.remove('pending');
        offlineShown = false;
        setBusy(false);
        if (item.quiet) skip(r.body && r.body.replies); else receive(r.body && r.body.replies);
        if (r.body && (r.body.lang === 'en' || r.body.lang === 'id') && r.body.lang !== LANG) switchLang(r.body.lang);
        pump();
      } else if (r.retry) {
        if (!offlineShown) { offlineShown = true; note(S[r.busy ? 'web.busy' : 'web.offline']); }
        item.tries += 1;
        var wait = Math.min(15000, 1000 * Math.pow(2, Math.min(item.tries - 1, 4)));
        setTimeout(function () { setBusy(false); pump(); }, wait);
      } else {
        queue.shift();
        if (item.bubble) item.bubble.classList.remove('pending');
        note(S['web.send_failed']);
        setBusy(false);
        pump();
      }
    });
  }

  var polling = false;
  function poll() {
    if (polling || document.hidden) return;
    polling = true;
    fetch(API + '/messages?after=' + lastId, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (body) { if (body) receive(body.replies); }, function () {})
      .then(function () { polling = false; });
  }

  /** After a reload: the conversation so far is on the server, both sides of it; shown again in order. */
  function resume() {
    fetch(API + '/messages?after=0', { credentials: 'same-origin', cache: 'no-store' })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (body) {
        var items = body && body.replies ? body.replies : [];
        if (!items.length) return;
        var last = null;
        items.forEach(function (r) {
          if (!r || typeof r.id !== 'number') return;
          if (r.from === 'citizen') {
            var shown = r.text || (r.location ? S['web.location_sent'] : S['web.attachment_sent']);
            userBubble(shown, null, true);
            last = null;
            return;
          }
          if (seen[r.id]) return;
          seen[r.id] = true;
          if (r.id > lastId) lastId = r.id;
          botBubble(r);
          last = r;
        });
        // Buttons only when the bot spoke last: a question the citizen already answered offers nothing.
        showChoices(last);
        requestAnimationFrame(toBottom);
        syncLang(true);
      }, function () {})
      .then(function () { setInterval(poll, 3000); });
  }

  function autosize() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 3, 140) + 'px';
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (busy) return;
    if (!text) { note(S['web.empty']); input.focus(); return; }
    input.value = '';
    autosize();
    send({ text: text }, text);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      if (typeof form.requestSubmit === 'function') form.requestSubmit(); else form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });
  input.addEventListener('input', autosize);

  startBtn.addEventListener('click', function () { send({ text: S['web.start_text'] }, S['web.start']); });

  attachBtn.addEventListener('click', function () { fileInput.click(); });
  fileInput.addEventListener('change', function () {
    var file = fileInput.files && fileInput.files[0];
    fileInput.value = '';
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var url = String(reader.result);
      var base64 = url.slice(url.indexOf(',') + 1);
      var mime = file.type || 'application/octet-stream';
      var preview = mime.indexOf('image/') === 0 ? URL.createObjectURL(file) : null;
      send({ media: { filename: file.name, mime: mime, base64: base64 } }, tr('web.attached', { name: file.name }), preview);
    };
    reader.onerror = function () { note(S['web.send_failed']); };
    reader.readAsDataURL(file);
  });

  locBtn.addEventListener('click', function () {
    if (!navigator.geolocation) { note(S['web.location_denied']); return; }
    locBtn.disabled = true;
    navigator.geolocation.getCurrentPosition(function (pos) {
      locBtn.disabled = busy;
      send({ location: { lat: pos.coords.latitude, lon: pos.coords.longitude } }, S['web.location_sent']);
    }, function () {
      locBtn.disabled = busy;
      note(S['web.location_denied']);
    }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
  });

  var panel = $('panel'), panelList = $('panel-list');
  $('mine').addEventListener('click', function () {
    panelList.textContent = '';
    panel.hidden = false;
    $('panel-close').focus();
    fetch(API + '/complaints', { credentials: 'same-origin', cache: 'no-store' })
      .then(function (res) { return res.ok ? res.json() : { complaints: [] }; })
      .then(function (body) {
        var list = body.complaints || [];
        if (!list.length) {
          var li = document.createElement('li');
          li.textContent = S['status.none'];
          panelList.appendChild(li);
          return;
        }
        list.forEach(function (c) {
          var li = document.createElement('li');
          var b = document.createElement('b');
          b.textContent = c.ticket;
          li.appendChild(b);
          li.appendChild(document.createTextNode(S['ticket.status.' + c.status] || c.status));
          var when = new Date(c.createdAt);
          if (!isNaN(when.getTime())) {
            li.appendChild(document.createElement('br'));
            var small = document.createElement('small');
            small.textContent = when.toLocaleDateString(LANG === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'long', year: 'numeric' });
            li.appendChild(small);
          }
          panelList.appendChild(li);
        });
      }, function () { note(S['web.offline']); });
  });
  function closePanel() { panel.hidden = true; $('mine').focus(); }
  $('panel-close').addEventListener('click', closePanel);
  panel.addEventListener('click', function (e) { if (e.target === panel) closePanel(); });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && !panel.hidden) closePanel(); });

  window.addEventListener('online', function () { if (!busy) pump(); poll(); });
  document.addEventListener('visibilitychange', function () { if (!document.hidden) poll(); });

  resume();
})();
`;

export function webChatPage(lang: Lang): string {
  const s = pageStrings(lang);
  const h = (key: string) => escapeHtml(s[key] ?? t(lang, key));
  const other: Lang = lang === 'en' ? 'id' : 'en';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0b6e4f">
<meta name="referrer" content="no-referrer">
<title>${h('web.title')}</title>
<style>${CSS}</style>
</head>
<body>
<header>
  <div class="titles">
    <h1>${h('web.title')}</h1>
    <p>${h('web.subtitle')}</p>
  </div>
  <nav>
    <a href="/?lang=${other}" hreflang="${other}" lang="${other}">${h('web.switch_lang')}</a>
    <button type="button" id="mine">${h('web.my_complaints')}</button>
  </nav>
</header>
<main id="scroller">
  <div class="welcome" id="welcome">
    <button type="button" class="start" id="start" data-testid="start">${h('web.start')}</button>
  </div>
  <div class="log" id="log" data-testid="messages" role="log" aria-live="polite" aria-relevant="additions" aria-label="${h('web.messages_label')}"></div>
  <div class="choices" id="choices" hidden></div>
</main>
<form class="composer" id="composer" autocomplete="off">
  <button type="button" class="icon" id="attach" aria-label="${h('web.attach')}" title="${h('web.attach')}">${ICON_CLIP}</button>
  <input type="file" id="file" data-testid="file" accept="image/*,application/pdf" class="sr-only" tabindex="-1" aria-hidden="true">
  <button type="button" class="icon" id="location" data-testid="location" aria-label="${h('web.location')}" title="${h('web.location')}">${ICON_PIN}</button>
  <textarea id="input" data-testid="input" rows="1" placeholder="${h('web.placeholder')}" aria-label="${h('web.placeholder')}" enterkeyhint="send" maxlength="20000"></textarea>
  <button type="submit" class="send" id="send" data-testid="send" aria-label="${h('web.send')}" title="${h('web.send')}">${ICON_SEND}</button>
</form>
<div class="panel" id="panel" hidden>
  <div class="sheet" role="dialog" aria-modal="true" aria-labelledby="panel-title">
    <h2><span id="panel-title">${h('web.my_complaints')}</span><button type="button" id="panel-close">${h('web.close')}</button></h2>
    <ul id="panel-list"></ul>
  </div>
</div>
<script type="application/json" id="strings">${scriptJson(s)}</script>
<script>${SCRIPT}</script>
</body>
</html>`;
}
