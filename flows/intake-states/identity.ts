// The escalation ladder in the chat: its news in any state, and, at rest, whether the reporter's identity may go to
// Ombudsman with a copy of their ticket; then (an anonim ticket) their name, and their NIK. No, silence at the question
// or three answers not understood: the copy goes without it. The agency acting on the stage first lapses the question.
import { and, assign, or, stateIn } from 'xstate';
import type { Paragraph, ReplyEffect } from '../../src/domain/reply.js';
import type { Effect } from '../effects.js';
import type { IntakeContext } from '../intake-context.js';
import type { IntakeEvent } from '../intake-events.js';
import {
  identityNameQuestion,
  identityNikQuestion,
  identityQuestion,
  readConsent,
  readName,
  readNik,
} from '../intake-identity.js';
import { body } from '../intake-message.js';
import { reAsk } from '../intake-replies.js';
import { intake } from '../intake-setup.js';
import { newsThen } from './officer-news.js';

/** A ladder step as the citizen reads it: the agency reminded, the coordinator watching, Ombudsman given a copy. */
function ladderNotice(event: IntakeEvent): Paragraph[] {
  if (event.type !== 'ticket.ladder') return [];
  const { ticket, agency } = event;
  if (event.level === 'reminder') {
    const stage = { key: `ladder.stage.${event.stage}` };
    return [
      { key: 'ladder.reminder', vars: { ticket, agency, stage, due: { date: event.due, precision: 'day' } } },
    ];
  }
  if (event.level === 'coordinator') return [{ key: 'ladder.coordinator', vars: { ticket, agency } }];
  return [
    { key: 'ladder.ombudsman', vars: { ticket, agency } },
    ...(event.withheld ? [{ key: 'ladder.ombudsman.withheld' }] : []),
  ];
}

const askOf = (ctx: IntakeContext) =>
  ctx.identityAsk ?? { ticket: ctx.lastTicket ?? '', agency: '', needsName: false, name: null, nik: null };

/** The last word on the question: about the ticket, so a reply to it reaches that ticket. */
const closing = (key: string) => ({
  type: 'reply' as const,
  params: ({ context }: { context: IntakeContext }): ReplyEffect => {
    const { ticket, agency } = askOf(context);
    return { type: 'reply', key, vars: { ticket, agency }, expecting: 'none', ticket };
  },
});

/** No identity goes (refused, or not understood: `key` says which); the held copy goes without it. */
const withhold = (key: 'identity.refused' | 'identity.skipped') =>
  [
    {
      type: 'effect',
      params: ({ context }: { context: IntakeContext }): Effect => ({
        type: 'identity',
        ticket: askOf(context).ticket,
        given: null,
      }),
    },
    closing(key),
    intake.assign({ identityAsk: null }),
  ] as const;

/** The identity goes: the name (asked for an anonim ticket, else the ticket's own: null) and the NIK, as `read`. */
const give = (read: (context: IntakeContext, text: string, now: number) => IdentityParts) =>
  [
    {
      type: 'effect',
      params: ({ context, event }: { context: IntakeContext; event: IntakeEvent }): Effect => {
        const ask = askOf(context);
        const got = read(context, body(event).text, event.now);
        const nik = got.nik ?? ask.nik;
        const name = got.name ?? ask.name;
        return {
          type: 'identity',
          ticket: ask.ticket,
          given: nik ? { name: ask.needsName ? name : null, nik } : null,
        };
      },
    },
    closing('identity.given'),
    intake.assign({ identityAsk: null }),
  ] as const;

type IdentityParts = { name?: string | null; nik?: string | null };

const consentNik = (context: IntakeContext, text: string, now: number): string | null => {
  const read = context.identityAsk ? readConsent(context.identityAsk, text, now) : null;
  return read?.kind === 'nik' ? read.nik : null;
};
const typedNik = (text: string, now: number): string | null => {
  const read = readNik(text, now);
  return 'nik' in read ? read.nik : null;
};
const keepAsk = (ctx: IntakeContext, patch: IdentityParts) =>
  ctx.identityAsk ? { ...ctx.identityAsk, ...patch } : null;

const IN_QUESTION = or([stateIn('identityConsent'), stateIn('identityName'), stateIn('identityNik')]);

export const ladderNews = intake.createStateConfig({
  on: {
    // Ombudsman should get a copy: a chat at rest is asked (the ladder asks only then).
    'ticket.identity': {
      guard: or([stateIn('idle'), stateIn('submitted')]),
      target: '.identityConsent',
      actions: assign(({ context, event }) =>
        event.type === 'ticket.identity'
          ? {
              identityAsk: {
                ticket: event.ticket,
                agency: event.agency,
                needsName: event.needsName,
                name: null,
                nik: null,
              },
              lastTicket: event.ticket,
            }
          : { identityAsk: context.identityAsk },
      ),
    },
    // The question lapsed (the agency answered, moved or closed the ticket, or asks the citizen something itself):
    // the chat leaves it with one plain line, before the news of that change.
    'ticket.identity_dropped': [
      {
        guard: and(['askLapsed', IN_QUESTION]),
        target: '.submitted',
        actions: [closing('identity.dropped'), assign({ identityAsk: null })],
      },
      { guard: 'askLapsed', actions: assign({ identityAsk: null }) },
    ],
    'ticket.ladder': [
      {
        // The copy went without waiting longer for the answer: the question is closed.
        guard: and(['ladderEndsAsk', IN_QUESTION]),
        target: '.submitted',
        actions: [
          assign({ identityAsk: null }),
          { type: 'reply', params: ({ context, event }) => newsThen(context, ladderNotice(event), null) },
        ],
      },
      {
        actions: {
          type: 'reply',
          params: ({ context, event }) =>
            newsThen(context, ladderNotice(event), event.type === 'ticket.ladder' ? event.ticket : null),
        },
      },
    ],
  },
}).on;

export const identityConsent = intake.createStateConfig({
  entry: [
    assign({ at: null, fails: 0 }),
    { type: 'reply', params: ({ context }) => identityQuestion(askOf(context)) },
  ],
  on: {
    message: [
      {
        guard: { type: 'identityReply', params: 'no' },
        target: 'submitted',
        actions: withhold('identity.refused'),
      },
      {
        guard: and([{ type: 'identityReply', params: 'nik' } as const, 'identityNeedsName']),
        target: 'identityName',
        actions: assign(({ context, event }) => ({
          identityAsk: keepAsk(context, { nik: consentNik(context, body(event).text, event.now) }),
        })),
      },
      {
        guard: { type: 'identityReply', params: 'nik' },
        target: 'submitted',
        actions: give((context, text, now) => ({ nik: consentNik(context, text, now) })),
      },
      {
        guard: and([{ type: 'identityReply', params: 'yes' } as const, 'identityNeedsName']),
        target: 'identityName',
      },
      { guard: { type: 'identityReply', params: 'yes' }, target: 'identityNik' },
      { guard: 'failedTwice', target: 'submitted', actions: withhold('identity.skipped') },
      {
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          {
            type: 'reply',
            params: ({ context }) => reAsk(context, identityQuestion(askOf(context)), 'error.choice'),
          },
        ],
      },
    ],
    command: [
      {
        guard: { type: 'isCommand', params: 'cancel' },
        target: 'submitted',
        actions: withhold('identity.refused'),
      },
    ],
  },
});

export const identityName = intake.createStateConfig({
  entry: [assign({ fails: 0 }), { type: 'reply', params: () => identityNameQuestion() }],
  on: {
    message: [
      {
        guard: { type: 'identityRefuses', params: 'name' },
        target: 'submitted',
        actions: withhold('identity.refused'),
      },
      {
        guard: and(['identityName', 'identityHasNik']),
        target: 'submitted',
        actions: give((context, text, now) => ({ name: readName(context, text, now) })),
      },
      {
        guard: 'identityName',
        target: 'identityNik',
        actions: assign(({ context, event }) => ({
          identityAsk: keepAsk(context, { name: readName(context, body(event).text, event.now) }),
        })),
      },
      { guard: 'failedTwice', target: 'submitted', actions: withhold('identity.skipped') },
      {
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          { type: 'reply', params: ({ context }) => reAsk(context, identityNameQuestion(), 'error.name') },
        ],
      },
    ],
    command: [
      {
        guard: { type: 'isCommand', params: 'cancel' },
        target: 'submitted',
        actions: withhold('identity.refused'),
      },
    ],
  },
});

export const identityNik = intake.createStateConfig({
  entry: [assign({ fails: 0 }), { type: 'reply', params: () => identityNikQuestion() }],
  on: {
    message: [
      {
        guard: { type: 'identityRefuses', params: 'nik' },
        target: 'submitted',
        actions: withhold('identity.refused'),
      },
      {
        guard: 'identityNik',
        target: 'submitted',
        actions: give((_, text, now) => ({ nik: typedNik(text, now) })),
      },
      { guard: 'failedTwice', target: 'submitted', actions: withhold('identity.skipped') },
      {
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          {
            type: 'reply',
            params: ({ context, event }) => {
              const read = readNik(body(event).text, event.now);
              return reAsk(context, identityNikQuestion(), 'error' in read ? read.error : 'error.choice');
            },
          },
        ],
      },
    ],
    command: [
      {
        guard: { type: 'isCommand', params: 'cancel' },
        target: 'submitted',
        actions: withhold('identity.refused'),
      },
    ],
  },
});
