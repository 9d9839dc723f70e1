// The messages the intake flow builds from its context: greeting, questions, guesses, summary, the complaint itself.

import { type Complaint, applyIdentityMode } from '../src/domain/complaint.js';
import type { Choice, Paragraph, ReplyEffect, VarValue } from '../src/domain/reply.js';
import { findMaladministration } from '../src/understand/maladministration.js';
import { FIELD_RECORDS } from './fields/index.js';
import { agencyValue, dateValue, regionValue } from './fields/shown-values.js';
import type { Draft, Field, IntakeContext } from './intake-context.js';
import { SUMMARY_FIELDS, askField } from './intake-fields.js';
import { whichTicketQuestion } from './intake-tickets.js';
import { asAgencyReads, maskedNotice } from './summary-privacy.js';

export const CONSENT_VERSION = 'privasi-v1-2026-11';

const YES_NO: Choice[] = [
  { id: 'yes', label: { key: 'choice.yes' } },
  { id: 'no', label: { key: 'choice.no' } },
];

export function consentQuestion(first: boolean): ReplyEffect {
  return {
    type: 'reply',
    key: first ? 'greeting' : 'ask.consent',
    ...(first ? { more: [{ key: 'privacy' }, { key: 'ask.consent' }] } : {}),
    choices: [
      { id: 'yes', label: { key: 'choice.agree' } },
      { id: 'no', label: { key: 'choice.disagree' } },
    ],
    expecting: 'consent',
  };
}

/** While consent is pending: the story sent so far was kept, and consent is asked again in one short line. */
export function consentKeptQuestion(): ReplyEffect {
  return { ...consentQuestion(false), key: 'ask.consent.kept' };
}

export function storyPrompt(d: Draft): ReplyEffect {
  return d.story.length === 0
    ? { type: 'reply', key: 'ask.story', expecting: 'story' }
    : {
        type: 'reply',
        key: 'ack.story',
        choices: [{ id: 'done', label: { key: 'choice.done' } }],
        expecting: 'story',
      };
}

/** Where the complaint goes: the routed agency, and Ombudsman Kalsel too when the citizen asked for it. */
function routeLabel(d: Draft): VarValue {
  if (!d.route) return { key: 'value.unknown' };
  return d.escalate && d.identityMode !== 'anonim'
    ? { key: 'value.route_escalated', vars: { agency: d.route.agencyName } }
    : d.route.agencyName;
}

export function duplicateQuestion(ticket: string): ReplyEffect {
  return {
    type: 'reply',
    key: 'ask.duplicate',
    vars: { ticket },
    choices: [
      { id: 'same', label: { key: 'choice.duplicate_same' } },
      { id: 'new', label: { key: 'choice.duplicate_new' } },
    ],
    expecting: 'duplicate',
  };
}

export function guessQuestion(d: Draft): ReplyEffect {
  const rows: Paragraph[] = [];
  if (d.guessed.includes('category') && d.category)
    rows.push({ key: 'guess.category', vars: { value: { key: `category.${d.category}` } } });
  // The routed agency names the office ("Disdukcapil Kota Banjarmasin"); an agency the story named stays as written.
  if (d.guessed.includes('agency') || d.route)
    rows.push({
      key: 'guess.agency',
      vars: { value: agencyValue(d) },
    });
  if (d.guessed.includes('region')) rows.push({ key: 'guess.region', vars: { value: regionValue(d) } });
  if (d.guessed.includes('location') && d.address)
    rows.push({ key: 'guess.location', vars: { value: d.address } });
  if (d.guessed.includes('incident_date') && d.incidentDate)
    rows.push({ key: 'guess.incident_date', vars: { value: dateValue(d.incidentDate) } });
  if (d.guessed.includes('expectation') && d.expectation)
    rows.push({ key: 'guess.expectation', vars: { value: d.expectation } });
  if (d.guessed.includes('prior_report') && d.priorReport !== null)
    rows.push({
      key: 'guess.prior_report',
      vars: { value: { key: d.priorReport ? 'choice.already' : 'choice.not_yet' } },
    });
  const alternatives: Choice[] = d.guessed.includes('category')
    ? d.categoryAlternatives.map((id) => ({
        id,
        label: { key: 'choice.category_instead', vars: { category: { key: `category.${id}` } } },
      }))
    : [];
  return {
    type: 'reply',
    key: 'ask.guess',
    rows,
    more: [
      { key: alternatives.length > 0 ? 'ask.guess.confirm_or_other' : 'ask.guess.confirm' },
      { key: 'ask.guess.more_story' },
    ],
    choices: [...YES_NO, ...alternatives],
    expecting: 'confirm_guess',
  };
}

/**
 * The earlier complaint to the agency got nowhere: the summary also offers to send it to Ombudsman RI Perwakilan
 * Kalsel (never for anonim reports, which Ombudsman does not take).
 */
export function escalationOffered(d: Draft): boolean {
  return d.route?.offerEscalation === true && d.escalate === null && d.identityMode !== 'anonim';
}

export function summaryMessage(ctx: IntakeContext): ReplyEffect {
  const anonim = ctx.draft.identityMode === 'anonim';
  const rows: Paragraph[] = SUMMARY_FIELDS.flatMap((field, i) => {
    const summary = FIELD_RECORDS[field].summary;
    return !summary || (anonim && (field === 'name' || field === 'nik' || field === 'phone'))
      ? []
      : [
          {
            key: `summary.${field}`,
            vars: { n: i + 1, value: asAgencyReads(ctx, field, summary.value(ctx)) },
          },
        ];
  });
  // "Diteruskan ke" only when it says more than the Instansi row: another office, or Ombudsman as well.
  const route = ctx.draft.route;
  if (route && (route.fallback || routeLabel(ctx.draft) !== route.agencyName))
    rows.push({ key: 'summary.route', vars: { value: routeLabel(ctx.draft) } });
  const flags: Paragraph[] = ctx.draft.incidentDate?.tooOld ? [{ key: 'notice.too_old' }] : [];
  const offer = escalationOffered(ctx.draft);
  return {
    type: 'reply',
    key: 'summary.title',
    rows,
    more: [
      ...flags,
      ...maskedNotice(ctx),
      ...(offer ? [{ key: 'summary.escalate_offer' }] : []),
      { key: 'ask.confirm' },
    ],
    choices: [
      { id: 'send', label: { key: 'choice.send' } },
      { id: 'edit', label: { key: 'choice.edit' } },
      { id: 'cancel', label: { key: 'choice.cancel' } },
      // Last, so that a bare number near the top never sends it to Ombudsman by mistake.
      ...(offer ? [{ id: 'send_ombudsman', label: { key: 'choice.send_ombudsman' } }] : []),
    ],
    wordChoices: true,
    expecting: 'confirm',
  };
}

/** "Which part is wrong?" after a bare "bukan" at the guess: the guessed parts, one tap each. */
export const GUESS_PARTS: readonly Field[] = [
  'category',
  'agency',
  'region',
  'location',
  'incident_date',
  'prior_report',
  'expectation',
];

/** After a bare "bukan" at the guess: which part is wrong, one tap each, or all of it. */
export function guessFixQuestion(d: Draft): ReplyEffect {
  const parts = GUESS_PARTS.filter((f) => d.guessed.includes(f) || (f === 'agency' && d.route !== null));
  return {
    type: 'reply',
    key: 'ask.guess_fix',
    choices: [
      ...parts.map((f) => ({ id: f, label: { key: `field.${f}` } })),
      { id: 'all', label: { key: 'choice.guess_all_wrong' } },
    ],
    expecting: 'edit_field',
  };
}

export function cancelQuestion(): ReplyEffect {
  return {
    type: 'reply',
    key: 'ask.cancel_confirm',
    choices: [
      { id: 'yes', label: { key: 'choice.yes_cancel' } },
      { id: 'no', label: { key: 'choice.no_continue' } },
    ],
    expecting: 'cancel_confirm',
  };
}

export function withdrawQuestion(ticket: string): ReplyEffect {
  return {
    type: 'reply',
    key: 'ask.withdraw_confirm',
    vars: { ticket },
    choices: [
      { id: 'yes', label: { key: 'choice.yes_withdraw' } },
      { id: 'no', label: { key: 'choice.no_keep' } },
    ],
    expecting: 'cancel_confirm',
  };
}

export function pausedQuestion(): ReplyEffect {
  return {
    type: 'reply',
    key: 'paused.ask',
    choices: [
      { id: 'resume', label: { key: 'choice.resume' } },
      { id: 'new', label: { key: 'choice.new_complaint' } },
    ],
    expecting: 'none',
  };
}

export function editPickQuestion(): ReplyEffect {
  return {
    type: 'reply',
    key: 'ask.edit_field',
    choices: SUMMARY_FIELDS.map((f) => ({ id: f, label: { key: `field.${f}` } })),
    expecting: 'edit_field',
  };
}

/** After the agency says a ticket is done: is it really solved? */
export function resolvedQuestion(ticket: string): ReplyEffect {
  return {
    type: 'reply',
    key: 'ask.resolved',
    vars: { ticket },
    choices: [
      { id: 'yes', label: { key: 'choice.resolved_yes' } },
      { id: 'no', label: { key: 'choice.resolved_no' } },
    ],
    expecting: 'resolved',
  };
}

/** The citizen's score of how the agency handled it, 1 (bad) to 5 (very good). */
export function ratingQuestion(): ReplyEffect {
  return {
    type: 'reply',
    key: 'ask.rating',
    choices: [1, 2, 3, 4, 5].map((n) => ({ id: String(n), label: { key: `choice.rating_${n}` } })),
    expecting: 'rating',
  };
}

export function ratingCommentQuestion(): ReplyEffect {
  return {
    type: 'reply',
    key: 'ask.rating_comment',
    choices: [{ id: 'skip', label: { key: 'choice.skip_comment' } }],
    expecting: 'rating_comment',
  };
}

export function afterSubmitQuestion(ticket: string): ReplyEffect {
  return {
    type: 'reply',
    key: 'ask.after_submit',
    vars: { ticket },
    choices: [
      { id: 'add', label: { key: 'choice.add_to_ticket' } },
      { id: 'new', label: { key: 'choice.new_complaint' } },
      { id: 'withdraw', label: { key: 'choice.withdraw' } },
    ],
    expecting: 'after_submit',
  };
}

/** The question the conversation is waiting on, repeated after help, a reminder, or "tidak" to `batal`. */
export function currentQuestion(ctx: IntakeContext): ReplyEffect | null {
  switch (ctx.at) {
    case 'consent':
      return consentQuestion(false);
    case 'story':
      return storyPrompt(ctx.draft);
    case 'guess':
      return guessQuestion(ctx.draft);
    case 'asking':
      return ctx.field ? askField(ctx, ctx.field) : null;
    case 'summary':
      return summaryMessage(ctx);
    case 'editPick':
      return editPickQuestion();
    case 'afterSubmit':
      return ctx.lastTicket ? afterSubmitQuestion(ctx.lastTicket) : null;
    case 'whichTicket':
      return ctx.ticketChoices ? whichTicketQuestion(ctx) : null;
    default:
      return null;
  }
}

/** The reply with the pending notices put before it. */
export function withNotices(ctx: IntakeContext, reply: ReplyEffect, extra: Paragraph[] = []): ReplyEffect {
  const before = [...ctx.notices, ...extra, ...(reply.before ?? [])];
  return before.length > 0 ? { ...reply, before } : reply;
}

/** The finished complaint, as stored; identity follows the chosen mode. */
export function buildComplaint(ctx: IntakeContext): Complaint | null {
  const d = ctx.draft;
  if (!ctx.consent || !d.category || !d.kabkotaCode || !d.expectation || !d.identityMode) return null;
  return applyIdentityMode({
    story: d.story.join('\n'),
    category: d.category,
    categoryReasons: d.categoryReasons.slice(0, 30),
    maladministration: findMaladministration(d.story.join('\n'))?.form ?? null,
    agency: d.agency,
    kabkotaCode: d.kabkotaCode,
    kecamatanCode: d.kecamatanCode,
    address: d.address,
    location: d.location,
    incidentDate: d.incidentDate,
    priorReport: {
      done: d.priorReport === true,
      result: d.priorResult,
      ...(d.priorReport && d.priorTo ? { to: d.priorTo } : {}),
    },
    expectation: d.expectation,
    attachments: d.attachments,
    identityMode: d.identityMode,
    escalate: d.escalate === true && d.identityMode !== 'anonim',
    name: d.name,
    nik: d.nik,
    phone: d.phone ?? ctx.channelPhone,
    consent: ctx.consent,
    channel: ctx.channel,
    lang: ctx.lang,
  });
}
