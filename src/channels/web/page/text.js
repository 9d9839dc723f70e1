// The web chat's text helpers: message ids, placeholders, and bot text into DOM nodes (never parsed as HTML).
// Like every script of this folder, a part of the page's one inline script (see web-chat-page.ts).

/** The page text for `key` with its {name} placeholders filled from `vars` (unknown ones stay as they are). */
function translate(S, key, vars) {
  const s = S[key] || key;
  return s.replace(/\{(\w+)\}/g, (whole, name) => (vars && vars[name] != null ? String(vars[name]) : whole));
}

/** A random v4 UUID, also where crypto.randomUUID is missing (older browsers, plain http). */
function uuid() {
  if (window.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  const h = Array.prototype.map.call(b, (x) => (x + 256).toString(16).slice(1)).join('');
  return (
    h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20)
  );
}

/** Plain text, with ticket numbers (ADU-2612-7K3M) kept on one line: they never break at a hyphen. */
function appendPlain(el, text) {
  const re = /ADU-\d{4}-[A-Z0-9]+/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) el.appendChild(document.createTextNode(text.slice(at, m.index)));
    const span = document.createElement('span');
    span.className = 'nowrap';
    span.textContent = m[0];
    el.appendChild(span);
    at = m.index + m[0].length;
  }
  if (at < text.length) el.appendChild(document.createTextNode(text.slice(at)));
}

/** Text into DOM nodes: *bold* becomes <b>, newlines become <br>; never parsed as HTML. */
function appendRichText(el, text) {
  String(text)
    .split('\n')
    .forEach((line, i) => {
      if (i > 0) el.appendChild(document.createElement('br'));
      const re = /\*([^*\n]+)\*/g;
      let at = 0;
      for (let m = re.exec(line); m; m = re.exec(line)) {
        if (m.index > at) appendPlain(el, line.slice(at, m.index));
        const b = document.createElement('b');
        appendPlain(b, m[1]);
        el.appendChild(b);
        at = m.index + m[0].length;
      }
      if (at < line.length) appendPlain(el, line.slice(at));
    });
}
