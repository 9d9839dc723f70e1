// The reporter's identity for Ombudsman's copy of a ticket: the questions (may it go? the name, the NIK) and how an
// answer reads: a choice shown, yes or no in any common form, or a NIK typed back ("nik saya 6371…"), checked as the
// intake checks it.
import type { ReplyEffect } from '../src/domain/reply.js';
import { parseNik } from '../src/understand/nik.js';
import { isNone, isSkip } from '../src/understand/skip-answers.js';
import { parseYesNo } from '../src/understand/yes-no.js';
import { nameField } from './fields/name.js';
import { type IntakeContext, emptyDraft } from './intake-context.js';
import { defineGuards } from './intake-guard.js';
import { msg } from './intake-message.js';
import { pickShown } from './intake-shown.js';

type Ask = NonNullable<IntakeContext['identityAsk']>;

const NO_CHOICE = { id: 'no', label: { key: 'choice.identity_no' } };

/** Why Ombudsman needs the reporter, that the agency will not see it, and: may it go? */
export function identityQuestion(ask: Pick<Ask, 'ticket' | 'agency'>): ReplyEffect {
  return {
    type: 'reply',
    key: 'ask.identity_consent',
    vars: { ticket: ask.ticket, agency: ask.agency },
    choices: [{ id: 'yes', label: { key: 'choice.identity_yes' } }, NO_CHOICE],
    expecting: 'identity_consent',
  };
}

export function identityNameQuestion(): ReplyEffect {
  return { type: 'reply', key: 'ask.identity_name', choices: [NO_CHOICE], expecting: 'name' };
}

export function identityNikQuestion(): ReplyEffect {
  return { type: 'reply', key: 'ask.identity_nik', choices: [NO_CHOICE], expecting: 'nik' };
}

/** What a reply to "may your identity go?" says: yes, no, or yes with the NIK itself; null when not understood. */
export type ConsentRead = { kind: 'yes' } | { kind: 'no' } | { kind: 'nik'; nik: string } | null;

export function readConsent(ask: Ask, text: string, now: number): ConsentRead {
  const shown = pickShown(identityQuestion(ask), text);
  if (shown === 'yes' || shown === 'no') return { kind: shown };
  const nik = parseNik(text, new Date(now));
  if (nik.ok) return { kind: 'nik', nik: nik.nik };
  const yesNo = parseYesNo(text);
  return yesNo ? { kind: yesNo } : null;
}

/** "Tidak usah", "kada", "ngga", "lewati": the reporter does not want to give it, at the name or NIK question. */
export function refuses(question: ReplyEffect, text: string): boolean {
  const shown = pickShown(question, text);
  if (shown !== null) return shown === 'no';
  return parseYesNo(text) === 'no' || isSkip(text) || isNone(text);
}

/** The name typed, read as the intake reads a name; null when it is not one. */
export function readName(ctx: IntakeContext, text: string, now: number): string | null {
  const body = { text, attachments: [], location: null, contactPhone: null, channelPhone: null };
  const answer = nameField.understand({ ...ctx, draft: emptyDraft() }, body, now);
  return answer.ok ? answer.draft.name : null;
}

/** The NIK typed, or why it is not one (the intake's `error.nik.*` reasons). */
export function readNik(text: string, now: number): { nik: string } | { error: string } {
  const nik = parseNik(text, new Date(now));
  return nik.ok ? { nik: nik.nik } : { error: `error.nik.${nik.reason}` };
}

export const identityGuards = defineGuards({
  /** The reply to "may your identity go?" reads as `want`. */
  identityReply: ({ context, event }, want: 'yes' | 'no' | 'nik') => {
    const m = msg(event);
    const ask = context.identityAsk;
    return !!m && !!ask && readConsent(ask, m.text, m.now)?.kind === want;
  },
  /** An anonim ticket: the name is still to be asked. */
  identityNeedsName: ({ context }) => !!context.identityAsk?.needsName && !context.identityAsk.name,
  /** The NIK is already known (typed with the consent). */
  identityHasNik: ({ context }) => !!context.identityAsk?.nik,
  identityRefuses: ({ event }, at: 'name' | 'nik') => {
    const m = msg(event);
    return !!m && refuses(at === 'name' ? identityNameQuestion() : identityNikQuestion(), m.text);
  },
  identityName: ({ context, event }) => {
    const m = msg(event);
    return !!m && readName(context, m.text, m.now) !== null;
  },
  identityNik: ({ event }) => {
    const m = msg(event);
    return !!m && 'nik' in readNik(m.text, m.now);
  },
  /** Ombudsman got the copy without waiting longer for this chat's answer: the question is closed. */
  /** The question about this chat's ticket lapsed: the agency acted on the stage, or asks the citizen itself. */
  askLapsed: ({ context, event }) =>
    event.type === 'ticket.identity_dropped' && context.identityAsk?.ticket === event.ticket,
  ladderEndsAsk: ({ context, event }) =>
    event.type === 'ticket.ladder' &&
    event.level === 'ombudsman' &&
    context.identityAsk?.ticket === event.ticket,
});
