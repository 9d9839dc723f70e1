// The fake Bot API of `npm run compare` as its own process (so its CPU is neither the driver's nor the bot's): the
// drills' FakeBotApi, reporting every sendMessage (chat, text, arrival time) and, when asked, its call counts to the
// parent over IPC. Ends when the parent disconnects or on SIGTERM.
import { FakeBotApi } from '../lib/fake-bot-api.js';
import { BOT_TOKEN } from '../lib/setup.js';

const send = (msg: unknown): void => {
  if (process.connected) process.send?.(msg);
};

const fake = await new FakeBotApi({
  token: BOT_TOKEN,
  onSend: (m) => send({ type: 'send', chatId: m.chatId, text: m.text, at: m.at }),
}).start();

process.on('message', () => send({ type: 'calls', calls: Object.fromEntries(fake.calls) }));

const stop = () => {
  void fake.close().finally(() => process.exit(0));
};
process.once('disconnect', stop);
process.once('SIGTERM', stop);
send({ type: 'ready', apiRoot: fake.apiRoot });
