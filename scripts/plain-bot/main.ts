// A plain telegraf 4 complaint bot, the baseline of `npm run compare`: a WizardScene, sessions in SQLite, and
// `bot.webhookCallback` on node:http. Settings from the environment: PORT, DATA_DIR, BOT_TOKEN, API_ROOT,
// WEBHOOK_PATH, WEBHOOK_SECRET.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { z } from 'zod';
import { createBot } from './bot.js';
import { openDatabase } from './database.js';

const env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535),
    DATA_DIR: z.string().min(1),
    BOT_TOKEN: z.string().min(1),
    API_ROOT: z.url().default('https://api.telegram.org'),
    WEBHOOK_PATH: z.string().startsWith('/').default('/telegram/webhook'),
    WEBHOOK_SECRET: z.string().min(1),
  })
  .parse(process.env);

const db = openDatabase(join(env.DATA_DIR, 'plain-bot.db'));
const bot = createBot(db, env.BOT_TOKEN, env.API_ROOT);
const webhook = bot.webhookCallback(env.WEBHOOK_PATH, { secretToken: env.WEBHOOK_SECRET });

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') {
    res.end('ok');
    return;
  }
  void webhook(req, res, () => {
    res.statusCode = 404;
    res.end();
  });
});
server.listen(env.PORT, '127.0.0.1', () => console.log(`plain bot listening on ${env.PORT}`));

const stop = () => {
  server.close(() => {
    db.close();
    process.exit(0);
  });
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
