// The plain bot itself: telegraf with sessions in SQLite, the stage with the complaint wizard, /start to begin.
import type Database from 'better-sqlite3';
import { Scenes, Telegraf, session } from 'telegraf';
import { type BotContext, COMPLAINT_WIZARD, type Draft, complaintWizard } from './complaint-wizard.js';
import { sqliteSessionStore } from './sqlite-session-store.js';
import { OUTSIDE } from './texts.js';

export function createBot(db: Database.Database, token: string, apiRoot: string): Telegraf<BotContext> {
  // webhookReply off: every reply is a Bot API call (as Aduan's channel sends), not the webhook's response body.
  const bot = new Telegraf<BotContext>(token, { telegram: { apiRoot, webhookReply: false } });
  const stage = new Scenes.Stage<BotContext>([complaintWizard(db)]);
  bot.use(session({ store: sqliteSessionStore<Scenes.WizardSession<Draft>>(db) }));
  bot.use(stage.middleware());
  bot.start((ctx) => ctx.scene.enter(COMPLAINT_WIZARD));
  bot.on('message', (ctx) => ctx.reply(OUTSIDE));
  bot.catch((err, ctx) => {
    console.error(
      `update ${ctx.update.update_id} failed: ${err instanceof Error ? err.message : String(err)}`,
    );
  });
  return bot;
}
