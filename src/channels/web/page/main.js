// The web chat page script's entry: it reads the page texts and wires the parts of this folder together.
// web-chat-page.ts inlines the folder's scripts, this one last, in one strict function: no build step, no globals.
// Plain ES2019 for older phones: no `?.` or `??` (biome's useOptionalChain is off for this folder).

const S = JSON.parse(document.getElementById('strings').textContent);
const LANG = document.documentElement.lang;
const API = '/api/chat';
const $ = (id) => document.getElementById(id);

const chatLog = createChatLog(S, $);
const outbox = createOutbox(S, LANG, API, $, chatLog);
wireComposer(S, $, chatLog, outbox);
wireComplaintsPanel(S, LANG, API, $, chatLog);

window.addEventListener('online', () => {
  if (!outbox.isBusy()) outbox.pump();
  outbox.poll();
});
document.addEventListener('visibilitychange', () => {
  if (!document.hidden) outbox.poll();
});

outbox.resume();
