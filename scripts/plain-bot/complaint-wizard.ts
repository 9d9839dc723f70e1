// The plain bot's complaint: one telegraf WizardScene, a step per question in Aduan's order, saved as a ticket at "kirim".
import type Database from 'better-sqlite3';
import { Markup, Scenes } from 'telegraf';
import { message } from 'telegraf/filters';
import { saveTicket } from './database.js';
import {
  type Answers,
  CANCELLED,
  CATEGORIES,
  CATEGORY_QUESTION,
  NOT_UNDERSTOOD,
  QUESTIONS,
  REFUSED,
  WELCOME,
  submittedText,
  summaryText,
} from './texts.js';

export interface Draft extends Scenes.WizardSessionData, Partial<Answers> {
  needsNik?: boolean;
}

export type BotContext = Scenes.WizardContext<Draft>;

export const COMPLAINT_WIZARD = 'complaint';

const yesNo = Markup.keyboard([['Setuju', 'Tidak setuju']])
  .oneTime()
  .resize();
const priorKeyboard = Markup.keyboard([['Sudah', 'Belum']])
  .oneTime()
  .resize();
const skipKeyboard = Markup.keyboard([['Lewati']])
  .oneTime()
  .resize();
const identityKeyboard = Markup.keyboard([['1', '2', '3']])
  .oneTime()
  .resize();
const confirmKeyboard = Markup.keyboard([['Kirim', 'Batal']])
  .oneTime()
  .resize();
const noKeyboard = Markup.removeKeyboard();

const YES = /^(ya|iya|setuju|yes)$/i;
const NO = /^(tidak|tidak setuju|no)$/i;
const SKIP = /^lewati$/i;
const IDENTITIES = { '1': 'biasa', '2': 'rahasia', '3': 'anonim' } as const;

/** Step numbers of the steps other steps jump to. */
const STEP = { expectation: 8, nik: 12, phone: 13, confirm: 14 };

function textOf(ctx: BotContext): string | null {
  return ctx.has(message('text')) ? ctx.message.text.trim() : null;
}

function answers(d: Draft): Answers | null {
  if (!d.story || !d.category || !d.place || !d.incidentDate || !d.expectation || !d.identity) return null;
  return {
    story: d.story,
    category: d.category,
    place: d.place,
    incidentDate: d.incidentDate,
    priorReport: d.priorReport ?? null,
    expectation: d.expectation,
    photo: d.photo ?? null,
    identity: d.identity,
    name: d.name ?? null,
    nik: d.nik ?? null,
    phone: d.phone ?? null,
  };
}

async function askSummary(ctx: BotContext) {
  const a = answers(ctx.scene.session);
  if (!a) {
    await ctx.reply(CANCELLED, noKeyboard);
    return ctx.scene.leave();
  }
  await ctx.reply(summaryText(a), confirmKeyboard);
  return ctx.wizard.selectStep(STEP.confirm);
}

export function complaintWizard(db: Database.Database): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    COMPLAINT_WIZARD,
    // 0: entered with /start
    async (ctx) => {
      await ctx.reply(`${WELCOME}\n\n${QUESTIONS.consent}`, yesNo);
      return ctx.wizard.next();
    },
    // 1: consent
    async (ctx) => {
      const text = textOf(ctx) ?? '';
      if (NO.test(text)) {
        await ctx.reply(REFUSED, noKeyboard);
        return ctx.scene.leave();
      }
      if (!YES.test(text)) return ctx.reply(`${NOT_UNDERSTOOD}\n\n${QUESTIONS.consent}`, yesNo);
      await ctx.reply(QUESTIONS.story, noKeyboard);
      return ctx.wizard.next();
    },
    // 2: story
    async (ctx) => {
      const text = textOf(ctx);
      if (!text) return ctx.reply(QUESTIONS.story);
      ctx.scene.session.story = text;
      await ctx.reply(CATEGORY_QUESTION);
      return ctx.wizard.next();
    },
    // 3: category
    async (ctx) => {
      const category = CATEGORIES[Number(textOf(ctx)) - 1];
      if (!category) return ctx.reply(`${NOT_UNDERSTOOD}\n\n${CATEGORY_QUESTION}`);
      ctx.scene.session.category = category.label;
      ctx.scene.session.needsNik = category.nik;
      await ctx.reply(QUESTIONS.location);
      return ctx.wizard.next();
    },
    // 4: place
    async (ctx) => {
      const text = textOf(ctx);
      if (!text) return ctx.reply(QUESTIONS.location);
      ctx.scene.session.place = text;
      await ctx.reply(QUESTIONS.incident_date);
      return ctx.wizard.next();
    },
    // 5: date
    async (ctx) => {
      const text = textOf(ctx);
      if (!text) return ctx.reply(QUESTIONS.incident_date);
      ctx.scene.session.incidentDate = text;
      await ctx.reply(QUESTIONS.prior_report, priorKeyboard);
      return ctx.wizard.next();
    },
    // 6: reported to the agency before?
    async (ctx) => {
      const text = textOf(ctx) ?? '';
      if (/^sudah$/i.test(text)) {
        await ctx.reply(QUESTIONS.prior_result, noKeyboard);
        return ctx.wizard.next();
      }
      if (!/^belum$/i.test(text)) return ctx.reply(QUESTIONS.prior_report, priorKeyboard);
      await ctx.reply(QUESTIONS.expectation, noKeyboard);
      return ctx.wizard.selectStep(STEP.expectation);
    },
    // 7: what came of it
    async (ctx) => {
      const text = textOf(ctx);
      if (!text) return ctx.reply(QUESTIONS.prior_result);
      ctx.scene.session.priorReport = `sudah: ${text}`;
      await ctx.reply(QUESTIONS.expectation);
      return ctx.wizard.next();
    },
    // 8: expectation
    async (ctx) => {
      const text = textOf(ctx);
      if (!text) return ctx.reply(QUESTIONS.expectation);
      ctx.scene.session.expectation = text;
      await ctx.reply(QUESTIONS.evidence, skipKeyboard);
      return ctx.wizard.next();
    },
    // 9: photo or "lewati"
    async (ctx) => {
      if (ctx.has(message('photo'))) {
        ctx.scene.session.photo = ctx.message.photo.at(-1)?.file_id ?? null;
      } else if (!SKIP.test(textOf(ctx) ?? '')) {
        return ctx.reply(QUESTIONS.evidence, skipKeyboard);
      }
      await ctx.reply(QUESTIONS.identity_mode, identityKeyboard);
      return ctx.wizard.next();
    },
    // 10: identity mode
    async (ctx) => {
      const text = textOf(ctx) ?? '';
      const identity = text === '1' || text === '2' || text === '3' ? IDENTITIES[text] : null;
      if (!identity) return ctx.reply(QUESTIONS.identity_mode, identityKeyboard);
      ctx.scene.session.identity = identity;
      if (identity === 'anonim') return askSummary(ctx);
      await ctx.reply(QUESTIONS.name, noKeyboard);
      return ctx.wizard.next();
    },
    // 11: name
    async (ctx) => {
      const text = textOf(ctx);
      if (!text) return ctx.reply(QUESTIONS.name);
      ctx.scene.session.name = text;
      if (ctx.scene.session.needsNik) {
        await ctx.reply(QUESTIONS.nik, skipKeyboard);
        return ctx.wizard.selectStep(STEP.nik);
      }
      await ctx.reply(QUESTIONS.phone, skipKeyboard);
      return ctx.wizard.selectStep(STEP.phone);
    },
    // 12: NIK
    async (ctx) => {
      const text = (textOf(ctx) ?? '').replace(/\s/g, '');
      if (!SKIP.test(text) && !/^\d{16}$/.test(text)) return ctx.reply(QUESTIONS.nik, skipKeyboard);
      ctx.scene.session.nik = SKIP.test(text) ? null : text;
      await ctx.reply(QUESTIONS.phone, skipKeyboard);
      return ctx.wizard.next();
    },
    // 13: phone
    async (ctx) => {
      const text = textOf(ctx) ?? '';
      const digits = text.replace(/[\s.-]/g, '');
      if (!SKIP.test(text) && !/^(\+62|62|0)8\d{7,11}$/.test(digits)) {
        return ctx.reply(QUESTIONS.phone, skipKeyboard);
      }
      ctx.scene.session.phone = SKIP.test(text) ? null : digits;
      return askSummary(ctx);
    },
    // 14: kirim or batal
    async (ctx) => {
      const text = textOf(ctx) ?? '';
      const a = answers(ctx.scene.session);
      if (/^batal$/i.test(text) || !a) {
        await ctx.reply(CANCELLED, noKeyboard);
        return ctx.scene.leave();
      }
      if (!/^kirim$/i.test(text)) return askSummary(ctx);
      const number = saveTicket(db, String(ctx.chat?.id), a);
      await ctx.reply(submittedText(number), noKeyboard);
      return ctx.scene.leave();
    },
  );
}
