// The web chat page: one self-contained HTML document (inline CSS and vanilla JS, no external resources).
// Every word a citizen reads comes from the locale files; the script talks to /api/chat with the session cookie.
// The CSS and the script are the files of ./page/, read once when this module loads.
import { readFileSync } from 'node:fs';
import type { Lang } from '../../domain/reply.js';
import { localeKeys, t } from '../../i18n/locales.js';

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

/** A file of ./page/ to inline: it must not end its own <style> or <script> element. */
function asset(name: string): string {
  const text = readFileSync(new URL(`./page/${name}`, import.meta.url), 'utf8');
  if (/<\/(style|script)/i.test(text)) throw new Error(`page/${name} would end its element early`);
  return text;
}

const CSS = ['page.css', 'messages.css', 'composer.css', 'panel.css'].map(asset).join('');

// The page's script: the folder's scripts in one strict function, main.js last (see its first lines).
const SCRIPT_FILES = ['text.js', 'chat-log.js', 'outbox.js', 'composer.js', 'complaints-panel.js', 'main.js'];
const SCRIPT = `(function () {\n'use strict';\n${SCRIPT_FILES.map(asset).join('\n')}})();\n`;

const ICON_CLIP =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" d="M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9"/></svg>';
const ICON_PIN =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5" fill="none" stroke="currentColor" stroke-width="2"/></svg>';

const ICON_SEND =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M3.4 20.4l17.45-7.48a1 1 0 0 0 0-1.84L3.4 3.6a.99.99 0 0 0-1.39.91L2 9.12c0 .5.37.93.87.99L17 12 2.87 13.88c-.5.07-.87.5-.87 1l.01 4.61c0 .71.73 1.2 1.39.91z"/></svg>';

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
