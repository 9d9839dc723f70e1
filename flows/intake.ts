// The complaint-intake conversation as an XState machine: no I/O, no timers; effects leave as `reply`/`effect` actions.
import { and, assign, raise, setup } from 'xstate';
import type { Effect, ReplyEffect, Vars } from '../src/conversation/effects.js';
import {
  type CategoryId,
  USUAL_AGENCY,
  findAgencyMention,
  suggestCategories,
} from '../src/domain/categories.js';
import type { AttachmentRef } from '../src/domain/complaint.js';
import { parseChoice } from '../src/understand/choice.js';
import { findIncidentDate } from '../src/understand/dates.js';
import { emergencyNumbers } from '../src/understand/emergency.js';
import { normalize } from '../src/understand/normalize.js';
import { findRegion } from '../src/understand/regions.js';
import { parseYesNo } from '../src/understand/yes-no.js';
import {
  type Draft,
  type IntakeContext,
  type IntakeInput,
  LIMITS,
  type ResumeTarget,
  emptyDraft,
  initialContext,
} from './intake-context.js';
import type { IntakeEvent, MessageBody } from './intake-events.js';
import { answerField, askField, nextMissing, parseEditRequest, skipField } from './intake-fields.js';
import {
  CONSENT_VERSION,
  afterSubmitQuestion,
  buildComplaint,
  consentQuestion,
  currentQuestion,
  duplicateQuestion,
  editPickQuestion,
  guessQuestion,
  storyPrompt,
  summaryMessage,
  withNotices,
} from './intake-questions.js';

export const INTAKE_VERSION = 2;

/** Quiet time after a story fragment before the flow moves on by itself. */
export const STORY_QUIET_MS = 90_000;
export const REMINDER_MS = 20 * 3600_000;
export const EXPIRY_MS = 72 * 3600_000;

type Msg = Extract<IntakeEvent, { type: 'message' }>;

const msg = (event: IntakeEvent): Msg | null => (event.type === 'message' ? event : null);
const body = (event: IntakeEvent): MessageBody =>
  event.type === 'message' || event.type === 'emergency'
    ? event
    : { text: '', attachments: [], location: null, contactPhone: null, channelPhone: null };

const DONE_WORDS = [
  'selesai',
  'sudah',
  'udah',
  'sdh',
  'cukup',
  'itu saja',
  'itu aja',
  'sudah itu saja',
  'done',
  'lanjut',
  'sudah selesai',
  'beres',
  'ok selesai',
  'sudah cukup',
];
const isDone = (text: string) =>
  DONE_WORDS.includes(
    normalize(text)
      .replace(/[^\p{L}\s]/gu, '')
      .trim(),
  );

function addAttachments(d: Draft, files: AttachmentRef[]): Draft {
  if (files.length === 0) return d;
  const known = new Set(d.attachments.map((a) => a.sha256));
  const fresh = files.filter((f) => !known.has(f.sha256) && f.kind !== 'sticker');
  return { ...d, attachments: [...d.attachments, ...fresh].slice(0, LIMITS.attachments) };
}

/** Files and a pin are kept as evidence whatever the question. */
function keepExtras(d: Draft, b: MessageBody): Draft {
  const withFiles = addAttachments(d, b.attachments);
  return b.location && !withFiles.location ? { ...withFiles, location: b.location } : withFiles;
}

/** A message with only a voice note or a sticker: ask for a short text. */
function mediaOnlyReply(b: MessageBody): 'error.voice' | 'error.sticker' | 'ack.media' | null {
  if (b.text.trim() || b.attachments.length === 0) return null;
  if (b.attachments.every((a) => a.kind === 'sticker')) return 'error.sticker';
  if (b.attachments.every((a) => a.kind === 'voice')) return 'error.voice';
  return 'ack.media';
}

/** Category scores are points of evidence: 2 is a confident guess; a runner-up within 60 % of it is close. */
const CONFIDENT = 2;
const CLOSE = 0.6;

/** Facts the story already gives: suggested to the citizen in one confirmation question. */
function guessFromStory(d: Draft, now: number): Draft {
  const story = d.story.join('\n');
  const guessed = [...d.guessed];
  let draft = d;
  if (!draft.category) {
    const [top, ...rest] = suggestCategories(story);
    if (top && top.score >= CONFIDENT) {
      // Runners-up close to the guess are offered beside it: the story may be about either.
      const alternatives = rest
        .filter((s) => s.category !== 'lainnya' && s.score >= CONFIDENT && s.score >= top.score * CLOSE)
        .slice(0, 2)
        .map((s) => s.category);
      draft = {
        ...draft,
        category: top.category,
        categoryReasons: top.reasons,
        categoryAlternatives: alternatives,
      };
      guessed.push('category');
    }
  }
  if (!draft.agency && !draft.answered.includes('agency')) {
    const agency = findAgencyFromStory(story, draft);
    if (agency) {
      draft = { ...draft, agency };
      guessed.push('agency');
    }
  }
  if (!draft.kabkotaCode) {
    const region = findRegion(story);
    if (region.kind === 'found') {
      draft = {
        ...draft,
        kabkotaCode: region.match.kabkotaCode,
        kecamatanCode: region.match.kecamatanCode ?? null,
      };
      guessed.push('region');
    } else if (region.kind === 'ambiguous') {
      draft = { ...draft, regionCandidates: [...new Set(region.candidates.map((c) => c.kabkotaCode))] };
    }
  }
  if (!draft.incidentDate) {
    const date = findIncidentDate(story, new Date(now));
    if (date?.ok) {
      draft = { ...draft, incidentDate: { ...date.value, tooOld: date.tooOld } };
      guessed.push('incident_date');
    }
  }
  return { ...draft, guessed };
}

/** The agency the story names, else the one usually responsible for the guessed category. */
function findAgencyFromStory(story: string, d: Draft): string | null {
  return findAgencyMention(story) ?? (d.category ? USUAL_AGENCY[d.category] : null);
}

/** Yes/no questions always list the yes-like choice first, so "1" and "2" work as well as words. */
export function yesNoPick(text: string): 'yes' | 'no' | null {
  return (
    parseChoice(text, [
      { id: 'yes', words: ['ya', 'setuju', 'benar', 'ya batalkan', 'ya cabut'] },
      { id: 'no', words: ['tidak', 'tidak setuju', 'bukan', 'tolak', 'tidak lanjutkan', 'lanjutkan'] },
    ]) ?? parseYesNo(text)
  );
}

/** "3" or a category's name at the guess: one of the offered alternatives instead of the guessed category. */
function alternativePick(d: Draft, text: string): CategoryId | null {
  if (d.categoryAlternatives.length === 0) return null;
  const picked = parseChoice(text, [
    { id: 'yes', words: [] },
    { id: 'no', words: [] },
    ...d.categoryAlternatives.map((id) => ({ id, words: [id.replace(/_/g, ' ')] })),
  ]);
  return picked && picked !== 'yes' && picked !== 'no' ? picked : null;
}

const yesNoToDuplicate = (a: 'yes' | 'no' | null): 'same' | 'new' | null =>
  a === 'yes' ? 'same' : a === 'no' ? 'new' : null;

/** The effect asking the runtime's router where the draft goes (answered by a `routed` event). */
function routeEffect(ctx: IntakeContext): Effect {
  const d = ctx.draft;
  return {
    type: 'route',
    query: {
      category: d.category ?? 'lainnya',
      kabkotaCode: d.kabkotaCode,
      kecamatanCode: d.kecamatanCode,
      story: d.story.join('\n'),
      priorReport: { done: d.priorReport === true, result: d.priorResult },
      escalate: d.escalate === true && d.identityMode !== 'anonim',
    },
  };
}

const ACTIVE: ReadonlySet<ResumeTarget> = new Set([
  'consent',
  'story',
  'guess',
  'asking',
  'summary',
  'editPick',
]);

export const intakeMachine = setup({
  types: {
    context: {} as IntakeContext,
    events: {} as IntakeEvent,
    input: {} as IntakeInput,
  },
  actions: {
    /** Send a message to the citizen (rendered from locales by the runtime). */
    reply: (_, _params: ReplyEffect) => {},
    /** Any other effect: file, append, withdraw, status, forget. */
    effect: (_, _params: Effect) => {},
    clearNotices: assign({ notices: [] }),
    /** "ubah lokasi" / "5" at the summary: ask that one field again, then come back. */
    startEdit: assign(({ context, event }) => {
      const m = msg(event);
      const field = m ? parseEditRequest(m.text) : null;
      if (!field) return {};
      const d = context.draft;
      const cleared =
        field === 'region' ? { ...d, kabkotaCode: null, kecamatanCode: null, regionCandidates: [] } : d;
      return { field, editing: true, draft: cleared };
    }),
    appendStory: assign(({ context, event }) => {
      const m = msg(event);
      const text = (m?.text ?? '').trim();
      const used = context.draft.story.join(' ').length;
      const fragment = text.slice(0, Math.max(0, LIMITS.storyChars - used));
      const story = fragment
        ? [...context.draft.story, fragment].slice(0, LIMITS.storyFragments)
        : context.draft.story;
      return {
        draft: keepExtras({ ...context.draft, story }, body(event)),
        timers: { ...context.timers, storyQuiet: (m?.now ?? 0) + STORY_QUIET_MS },
      };
    }),
  },
  guards: {
    isYes: ({ event }) => {
      const m = msg(event);
      return !!m && yesNoPick(m.text) === 'yes';
    },
    isNo: ({ event }) => {
      const m = msg(event);
      return !!m && yesNoPick(m.text) === 'no';
    },
    storyEmpty: ({ context }) => context.draft.story.length === 0,
    mediaOnlyStory: ({ event }) => {
      const m = msg(event);
      return !!m && mediaOnlyReply(m) !== null;
    },
    noLetters: ({ event }) => {
      const m = msg(event);
      return !!m && !/\p{L}{2,}/u.test(m.text);
    },
    hasConsent: ({ context }) => context.consent !== null,
    storyDone: ({ context, event }) => {
      const m = msg(event);
      // "1" picks the one choice ("Selesai") offered under the acknowledgement.
      return !!m && context.draft.story.length > 0 && (isDone(m.text) || m.text.trim() === '1');
    },
    storyFull: ({ context }) =>
      context.draft.story.length >= LIMITS.storyFragments ||
      context.draft.story.join(' ').length >= LIMITS.storyChars,
    quietDue: ({ context, event }) =>
      event.type === 'timer' &&
      context.timers.storyQuiet !== undefined &&
      context.timers.storyQuiet <= event.now,
    reminderDue: ({ context, event }) =>
      event.type === 'timer' && context.timers.reminder !== undefined && context.timers.reminder <= event.now,
    expiryDue: ({ context, event }) =>
      event.type === 'timer' && context.timers.expiry !== undefined && context.timers.expiry <= event.now,
    hasGuesses: ({ context }) => context.draft.guessed.length > 0,
    pickedAlternative: ({ context, event }) => {
      const m = msg(event);
      return !!m && alternativePick(context.draft, m.text) !== null;
    },
    canRoute: ({ context }) => context.draft.category !== null && context.draft.kabkotaCode !== null,
    offerEscalation: ({ context, event }) =>
      // Ombudsman takes no anonymous reports: an anonim complaint is not offered what it cannot have.
      event.type === 'routed' &&
      event.route.offerEscalation &&
      context.draft.escalate === null &&
      context.draft.identityMode !== 'anonim',
    duplicatePick: ({ event }, id: 'same' | 'new') => {
      const m = msg(event);
      return (
        !!m &&
        (parseChoice(m.text, [
          { id: 'same', words: ['sama', 'ya sama', 'tambahkan', 'tambah ke tiket', 'ya'] },
          { id: 'new', words: ['baru', 'beda', 'berbeda', 'bukan', 'kirim baru', 'tidak'] },
        ]) ?? yesNoToDuplicate(parseYesNo(m.text))) === id
      );
    },
    complete: ({ context }) => nextMissing(context) === null,
    mediaOnly: ({ context, event }) =>
      !!msg(event) &&
      context.field !== 'evidence' &&
      context.field !== 'location' &&
      mediaOnlyReply(body(event)) !== null,
    answerOk: ({ context, event }) => {
      const m = msg(event);
      return !!m && !!context.field && answerField(context, context.field, m, m.now).ok;
    },
    answerSkip: ({ context, event }) => {
      const m = msg(event);
      if (!m || !context.field) return false;
      const a = answerField(context, context.field, m, m.now);
      return !a.ok && !!a.skip;
    },
    wantsEdit: ({ event }) => {
      const m = msg(event);
      return !!m && parseEditRequest(m.text) !== null;
    },
    wantsEditMenu: ({ event }) => {
      const m = msg(event);
      return (
        !!m &&
        parseChoice(m.text, [
          { id: 'edit', words: ['ubah', 'ganti', 'koreksi', 'perbaiki', 'edit', 'ralat'] },
        ]) === 'edit'
      );
    },
    wantsSend: ({ event }) => {
      const m = msg(event);
      if (!m) return false;
      return (
        parseYesNo(m.text) === 'yes' ||
        parseChoice(m.text, [
          { id: 'send', words: ['kirim', 'kirimkan', 'send', 'submit', 'benar', 'sudah benar', 'lapor'] },
        ]) === 'send'
      );
    },
    wantsCancelChoice: ({ event }) => {
      const m = msg(event);
      return (
        !!m && parseChoice(m.text, [{ id: 'cancel', words: ['batal', 'batalkan', 'cancel'] }]) === 'cancel'
      );
    },
    isActive: ({ context }) => context.at !== null && ACTIVE.has(context.at),
    resumeIs: ({ context }, target: ResumeTarget) => context.resume === target,
    isCommand: ({ event }, name: string) => event.type === 'command' && event.command.type === name,
    afterSubmitPick: ({ event }, id: 'add' | 'new' | 'withdraw') => {
      const m = msg(event);
      return (
        !!m &&
        parseChoice(m.text, [
          { id: 'add', words: ['tambah', 'tambahkan', 'tambahan', 'tambah ke tiket'] },
          { id: 'new', words: ['baru', 'pengaduan baru', 'aduan baru', 'lapor baru'] },
          { id: 'withdraw', words: ['cabut', 'tarik', 'cabut pengaduan', 'batalkan pengaduan'] },
        ]) === id
      );
    },
    pausedPick: ({ event }, id: 'resume' | 'new') => {
      const m = msg(event);
      return (
        !!m &&
        parseChoice(m.text, [
          { id: 'resume', words: ['lanjut', 'lanjutkan', 'teruskan'] },
          { id: 'new', words: ['baru', 'mulai baru', 'ulang'] },
        ]) === id
      );
    },
  },
}).createMachine({
  id: 'intake',
  context: ({ input }) => initialContext(input),
  initial: 'idle',
  on: {
    emergency: {
      actions: [
        {
          type: 'reply',
          params: ({ event }) => ({
            type: 'reply',
            key: `emergency.${event.type === 'emergency' ? event.kind : 'fire'}`,
            more: [
              {
                key: 'emergency.numbers',
                vars: {
                  numbers: event.type === 'emergency' ? emergencyNumbers(event.kind).join(', ') : '112',
                },
              },
              { key: 'emergency.then' },
            ],
            expecting: 'none',
          }),
        },
        raise(({ event }) => ({ ...body(event), type: 'message' as const, now: event.now })),
      ],
    },
    timer: [
      {
        guard: 'expiryDue',
        target: '.paused',
        actions: [
          assign(({ context }) => ({ resume: context.at, timers: {} })),
          { type: 'reply', params: { type: 'reply', key: 'expired', expecting: 'none' } },
        ],
      },
      {
        guard: 'reminderDue',
        actions: [
          assign(({ context }) => ({
            timers: { ...context.timers, reminder: undefined, expiry: context.lastActivity + EXPIRY_MS },
          })),
          {
            type: 'reply',
            params: ({ context }) =>
              withNotices(
                { ...context, notices: [] },
                currentQuestion(context) ?? { type: 'reply', key: 'reminder', expecting: 'none' },
                [{ key: 'reminder' }],
              ),
          },
        ],
      },
    ],
    command: [
      {
        guard: { type: 'isCommand', params: 'help' },
        actions: {
          type: 'reply',
          params: ({ context }) => {
            const q = currentQuestion(context);
            return q
              ? { ...q, before: [{ key: 'help' }] }
              : { type: 'reply', key: 'help', expecting: 'none' };
          },
        },
      },
      {
        guard: { type: 'isCommand', params: 'lang' },
        actions: [
          assign({
            lang: ({ event }) =>
              event.type === 'command' && event.command.type === 'lang' ? event.command.lang : 'id',
          }),
          {
            type: 'reply',
            params: ({ context }) => {
              const q = currentQuestion(context);
              return q
                ? { ...q, before: [{ key: 'lang.changed' }] }
                : { type: 'reply', key: 'lang.changed', expecting: 'none' };
            },
          },
        ],
      },
      {
        guard: { type: 'isCommand', params: 'status' },
        actions: {
          type: 'effect',
          params: ({ context, event }) => ({
            type: 'status',
            ticket:
              event.type === 'command' && event.command.type === 'status'
                ? (event.command.ticket ?? null)
                : null,
            lang: context.lang,
          }),
        },
      },
      {
        guard: and([{ type: 'isCommand', params: 'cancel' }, 'isActive']),
        target: '.cancelConfirm',
        actions: assign(({ context }) => ({ resume: context.at })),
      },
      {
        guard: { type: 'isCommand', params: 'cancel' },
        actions: { type: 'reply', params: { type: 'reply', key: 'cancel.nothing', expecting: 'none' } },
      },
      {
        guard: { type: 'isCommand', params: 'restart' },
        target: '.start',
        actions: assign({ draft: () => emptyDraft() }),
      },
      {
        actions: {
          type: 'reply',
          params: ({ context }) =>
            currentQuestion(context) ?? { type: 'reply', key: 'help', expecting: 'none' },
        },
      },
    ],
  },
  states: {
    idle: {
      entry: assign({ at: null }),
      on: {
        message: {
          target: 'start',
          actions: assign(({ context, event }) => {
            const m = msg(event);
            const text = m?.text.trim() ?? '';
            const story =
              m && /\p{L}{2,}/u.test(text) && text.split(/\s+/).length >= 4
                ? [text.slice(0, LIMITS.storyChars)]
                : [];
            return {
              draft: keepExtras({ ...emptyDraft(), story }, body(event)),
              channelPhone: m?.channelPhone ?? context.channelPhone,
            };
          }),
        },
        command: [
          { guard: { type: 'isCommand', params: 'start' }, target: 'start' },
          { guard: { type: 'isCommand', params: 'resume' }, target: 'start' },
        ],
      },
    },
    /** Where a new complaint begins: consent once per chat, then the story. */
    start: {
      always: [{ guard: 'hasConsent', target: 'story' }, { target: 'consent' }],
    },
    consent: {
      entry: [assign({ at: 'consent', fails: 0 }), { type: 'reply', params: () => consentQuestion(true) }],
      on: {
        message: [
          {
            guard: 'isYes',
            target: 'story',
            actions: assign({
              consent: ({ event }) => ({ at: new Date(event.now).toISOString(), version: CONSENT_VERSION }),
            }),
          },
          {
            guard: 'isNo',
            target: 'declined',
            actions: [
              assign({ draft: () => emptyDraft() }),
              { type: 'effect', params: { type: 'forget' } },
              { type: 'reply', params: { type: 'reply', key: 'consent.refused', expecting: 'none' } },
            ],
          },
          {
            actions: [
              assign(({ context, event }) => ({
                fails: context.fails + 1,
                draft: keepExtras(context.draft, body(event)),
              })),
              { type: 'reply', params: { ...consentQuestion(false), before: [{ key: 'error.consent' }] } },
            ],
          },
        ],
        command: [
          {
            guard: { type: 'isCommand', params: 'cancel' },
            target: 'declined',
            actions: [
              assign({ draft: () => emptyDraft() }),
              { type: 'reply', params: { type: 'reply', key: 'consent.refused', expecting: 'none' } },
            ],
          },
        ],
      },
    },
    declined: {
      entry: assign({ at: null }),
      on: {
        message: { target: 'consent' },
        command: [{ guard: { type: 'isCommand', params: 'start' }, target: 'consent' }],
      },
    },
    story: {
      entry: [
        assign({ at: 'story', fails: 0 }),
        { type: 'reply', params: ({ context }) => withNotices(context, storyPrompt(context.draft)) },
        'clearNotices',
      ],
      on: {
        message: [
          { guard: 'storyDone', target: 'analyze' },
          {
            guard: 'mediaOnlyStory',
            actions: [
              assign(({ context, event }) => ({ draft: keepExtras(context.draft, body(event)) })),
              {
                type: 'reply',
                params: ({ event }) => ({
                  type: 'reply',
                  key: mediaOnlyReply(body(event)) ?? 'ack.media',
                  expecting: 'story',
                }),
              },
            ],
          },
          {
            guard: 'noLetters',
            actions: [
              assign(({ context, event }) => ({ draft: keepExtras(context.draft, body(event)) })),
              { type: 'reply', params: { type: 'reply', key: 'error.need_text', expecting: 'story' } },
            ],
          },
          {
            guard: 'storyEmpty',
            actions: ['appendStory', { type: 'reply', params: ({ context }) => storyPrompt(context.draft) }],
          },
          { actions: 'appendStory' },
        ],
        timer: { guard: 'quietDue', target: 'analyze' },
        command: [{ guard: { type: 'isCommand', params: 'resume' }, target: 'analyze' }],
      },
      always: {
        guard: 'storyFull',
        target: 'analyze',
        actions: assign({ notices: [{ key: 'notice.story_full' }] }),
      },
      exit: assign(({ context }) => ({ timers: { ...context.timers, storyQuiet: undefined } })),
    },
    analyze: {
      entry: assign(({ context, event }) => ({ draft: guessFromStory(context.draft, event.now) })),
      always: [
        { guard: and(['hasGuesses', 'canRoute']), target: 'routeGuess' },
        { guard: 'hasGuesses', target: 'guess' },
        { target: 'next' },
      ],
    },
    /** The guess names the agency the complaint would go to: the runtime's router answers at once. */
    routeGuess: {
      entry: { type: 'effect', params: ({ context }) => routeEffect(context) },
      on: {
        routed: {
          target: 'guess',
          actions: assign(({ context, event }) => {
            const d = context.draft;
            // A generic guess ("Disdukcapil") becomes the office itself; an agency the story named stays as written.
            const generic =
              d.guessed.includes('agency') && d.category && d.agency === USUAL_AGENCY[d.category];
            return {
              draft: { ...d, route: event.route, agency: generic ? event.route.agencyName : d.agency },
            };
          }),
        },
      },
    },
    guess: {
      entry: [
        assign({ at: 'guess', fails: 0 }),
        { type: 'reply', params: ({ context }) => withNotices(context, guessQuestion(context.draft)) },
        'clearNotices',
      ],
      on: {
        message: [
          {
            // Another category: the rest of the guess stands; the agency follows the new category.
            guard: 'pickedAlternative',
            target: 'next',
            actions: assign(({ context, event }) => {
              const d = context.draft;
              const category = alternativePick(d, msg(event)?.text ?? '') ?? d.category;
              const generic = d.route && d.agency === d.route.agencyName;
              return {
                draft: {
                  ...d,
                  category,
                  categoryReasons: [],
                  categoryAlternatives: [],
                  agency: generic || (d.category && d.agency === USUAL_AGENCY[d.category]) ? null : d.agency,
                  route: null,
                  answered: [...new Set([...d.answered, ...d.guessed, 'agency' as const])],
                  guessed: [],
                },
              };
            }),
          },
          {
            guard: 'isYes',
            target: 'next',
            actions: assign(({ context }) => ({
              draft: {
                ...context.draft,
                answered: [...new Set([...context.draft.answered, ...context.draft.guessed])],
                guessed: [],
              },
            })),
          },
          {
            guard: 'isNo',
            target: 'next',
            actions: assign(({ context }) => {
              const d = context.draft;
              const g = new Set(d.guessed);
              return {
                draft: {
                  ...d,
                  category: g.has('category') ? null : d.category,
                  categoryReasons: g.has('category') ? [] : d.categoryReasons,
                  categoryAlternatives: [],
                  agency: g.has('agency') ? null : d.agency,
                  kabkotaCode: g.has('region') ? null : d.kabkotaCode,
                  kecamatanCode: g.has('region') ? null : d.kecamatanCode,
                  incidentDate: g.has('incident_date') ? null : d.incidentDate,
                  route: null,
                  guessed: [],
                },
              };
            }),
          },
          {
            actions: [
              assign(({ context, event }) => ({
                fails: context.fails + 1,
                draft: keepExtras(context.draft, body(event)),
              })),
              {
                type: 'reply',
                params: ({ context }) => ({
                  ...guessQuestion(context.draft),
                  before: [{ key: 'error.yes_no' }],
                }),
              },
            ],
          },
        ],
      },
    },
    /** Decides what to ask next. */
    next: {
      always: [{ guard: 'complete', target: 'routeSummary' }, { target: 'asking' }],
    },
    /** Routes the finished draft; an earlier report that got nowhere brings the offer to involve Ombudsman. */
    routeSummary: {
      entry: { type: 'effect', params: ({ context }) => routeEffect(context) },
      on: {
        routed: [
          {
            guard: 'offerEscalation',
            target: 'asking',
            actions: assign(({ context, event }) => ({
              draft: { ...context.draft, route: event.route },
              field: 'escalate' as const,
              editing: true,
            })),
          },
          {
            target: 'summary',
            actions: assign(({ context, event }) => ({ draft: { ...context.draft, route: event.route } })),
          },
        ],
      },
    },
    asking: {
      entry: [
        assign(({ context }) => ({
          at: 'asking' as const,
          field: context.editing ? context.field : nextMissing(context),
          fails: 0,
          editing: false,
        })),
        {
          type: 'reply',
          params: ({ context }) => withNotices(context, askField(context, context.field ?? 'story')),
        },
        'clearNotices',
      ],
      on: {
        message: [
          {
            guard: 'mediaOnly',
            actions: [
              assign(({ context, event }) => ({ draft: keepExtras(context.draft, body(event)) })),
              {
                type: 'reply',
                params: ({ context, event }) =>
                  withNotices(context, askField(context, context.field ?? 'story'), [
                    { key: mediaOnlyReply(body(event)) ?? 'ack.media' },
                  ]),
              },
            ],
          },
          {
            guard: 'answerOk',
            target: 'next',
            actions: assign(({ context, event }) => {
              const m = msg(event);
              if (!m || !context.field) return {};
              const a = answerField(context, context.field, m, m.now);
              if (!a.ok) return {};
              const draft =
                context.field === 'evidence' || context.field === 'location'
                  ? addAttachments(a.draft, m.attachments)
                  : keepExtras(a.draft, m);
              return { draft, notices: [...context.notices, ...a.notices] };
            }),
          },
          {
            guard: 'answerSkip',
            target: 'next',
            actions: assign(({ context, event }) => {
              const m = msg(event);
              if (!m || !context.field) return {};
              const a = answerField(context, context.field, m, m.now);
              return {
                draft: skipField(keepExtras(context.draft, m), context.field),
                notices: !a.ok && a.skip ? [...context.notices, a.skip] : context.notices,
              };
            }),
          },
          {
            actions: [
              assign(({ context, event }) => ({
                fails: context.fails + 1,
                draft: keepExtras(context.draft, body(event)),
              })),
              {
                type: 'reply',
                params: ({ context, event }) => {
                  const m = msg(event);
                  const a =
                    m && context.field
                      ? answerField({ ...context, fails: context.fails - 1 }, context.field, m, m.now)
                      : null;
                  const error = a && !a.ok ? a.error : 'error.generic';
                  return withNotices(context, askField(context, context.field ?? 'story'), [{ key: error }]);
                },
              },
              'clearNotices',
            ],
          },
        ],
      },
    },
    summary: {
      entry: [
        assign({ at: 'summary', fails: 0 }),
        { type: 'reply', params: ({ context }) => withNotices(context, summaryMessage(context)) },
        'clearNotices',
      ],
      on: {
        message: [
          { guard: 'wantsEdit', target: 'asking', actions: 'startEdit' },
          { guard: 'wantsEditMenu', target: 'editPick' },
          {
            guard: 'wantsCancelChoice',
            target: 'cancelConfirm',
            actions: assign({ resume: 'summary' as const }),
          },
          {
            guard: 'wantsSend',
            target: 'submitting',
            actions: {
              type: 'effect',
              params: ({ context }) => {
                const complaint = buildComplaint(context);
                return complaint ? { type: 'submit', complaint, allowDuplicate: false } : { type: 'forget' };
              },
            },
          },
          {
            actions: [
              assign(({ context, event }) => ({ draft: keepExtras(context.draft, body(event)) })),
              {
                type: 'reply',
                params: {
                  type: 'reply',
                  key: 'ask.confirm',
                  before: [{ key: 'error.confirm' }],
                  choices: [
                    { id: 'send', label: { key: 'choice.send' } },
                    { id: 'edit', label: { key: 'choice.edit' } },
                    { id: 'cancel', label: { key: 'choice.cancel' } },
                  ],
                  wordChoices: true,
                  expecting: 'confirm',
                },
              },
            ],
          },
        ],
      },
    },
    editPick: {
      entry: [assign({ at: 'editPick' }), { type: 'reply', params: () => editPickQuestion() }],
      on: {
        message: [
          { guard: 'wantsEdit', target: 'asking', actions: 'startEdit' },
          {
            actions: {
              type: 'reply',
              params: () => ({ ...editPickQuestion(), before: [{ key: 'error.choice' }] }),
            },
          },
        ],
      },
    },
    cancelConfirm: {
      entry: {
        type: 'reply',
        params: {
          type: 'reply',
          key: 'ask.cancel_confirm',
          choices: [
            { id: 'yes', label: { key: 'choice.yes_cancel' } },
            { id: 'no', label: { key: 'choice.no_continue' } },
          ],
          expecting: 'cancel_confirm',
        },
      },
      on: {
        message: [
          {
            guard: 'isYes',
            target: 'idle',
            actions: [
              assign({ draft: () => emptyDraft(), timers: {}, field: null }),
              { type: 'reply', params: { type: 'reply', key: 'cancel.done', expecting: 'none' } },
            ],
          },
          { guard: { type: 'resumeIs', params: 'consent' }, target: 'consent' },
          { guard: { type: 'resumeIs', params: 'story' }, target: 'story' },
          { guard: { type: 'resumeIs', params: 'guess' }, target: 'guess' },
          { guard: { type: 'resumeIs', params: 'summary' }, target: 'summary' },
          { guard: { type: 'resumeIs', params: 'editPick' }, target: 'editPick' },
          { target: 'asking', actions: assign({ editing: true }) },
        ],
        command: [
          {
            guard: { type: 'isCommand', params: 'cancel' },
            target: 'idle',
            actions: [
              assign({ draft: () => emptyDraft(), timers: {}, field: null }),
              { type: 'reply', params: { type: 'reply', key: 'cancel.done', expecting: 'none' } },
            ],
          },
        ],
      },
    },
    submitting: {
      entry: assign({ at: null, timers: {} }),
      on: {
        'ticket.duplicate': {
          target: 'duplicateConfirm',
          actions: assign(({ event }) => ({ duplicateOf: event.ticket })),
        },
        'ticket.created': {
          target: 'submitted',
          actions: [
            assign(({ context, event }) => ({
              lastTicket: event.type === 'ticket.created' ? event.ticket : context.lastTicket,
              draft: emptyDraft(),
              field: null,
            })),
            {
              type: 'reply',
              params: ({ event }): ReplyEffect => {
                const vars: Vars =
                  event.type === 'ticket.created'
                    ? {
                        ticket: event.ticket,
                        due: { date: event.due, precision: 'day' as const },
                        days: event.days,
                        agency: event.agency ?? '',
                      }
                    : {};
                const routed = event.type === 'ticket.created' && event.agency;
                return {
                  type: 'reply',
                  key: 'submitted',
                  vars,
                  more: [
                    ...(routed ? [{ key: 'submitted.agency', vars }] : []),
                    { key: 'submitted.next', vars },
                  ],
                  expecting: 'none',
                };
              },
            },
          ],
        },
      },
    },
    /** A similar complaint from this chat within a day: the same one (add to it) or a new one? */
    duplicateConfirm: {
      entry: { type: 'reply', params: ({ context }) => duplicateQuestion(context.duplicateOf ?? '') },
      on: {
        message: [
          {
            guard: { type: 'duplicatePick', params: 'same' },
            target: 'submitted',
            actions: [
              {
                type: 'effect',
                params: ({ context }) => ({
                  type: 'append',
                  ticket: context.duplicateOf ?? '',
                  text: context.draft.story.join('\n'),
                  attachments: context.draft.attachments,
                }),
              },
              {
                type: 'reply',
                params: ({ context }) => ({
                  type: 'reply',
                  key: 'ack.duplicate_appended',
                  vars: { ticket: context.duplicateOf ?? '' },
                  expecting: 'none',
                }),
              },
              assign(({ context }) => ({
                lastTicket: context.duplicateOf,
                duplicateOf: null,
                draft: emptyDraft(),
                field: null,
              })),
            ],
          },
          {
            guard: { type: 'duplicatePick', params: 'new' },
            target: 'submitting',
            actions: [
              {
                type: 'effect',
                params: ({ context }) => {
                  const complaint = buildComplaint(context);
                  return complaint ? { type: 'submit', complaint, allowDuplicate: true } : { type: 'forget' };
                },
              },
              assign({ duplicateOf: null }),
            ],
          },
          {
            actions: {
              type: 'reply',
              params: ({ context }) => ({
                ...duplicateQuestion(context.duplicateOf ?? ''),
                before: [{ key: 'error.choice' }],
              }),
            },
          },
        ],
      },
    },
    submitted: {
      entry: assign({ at: null }),
      on: {
        message: [
          {
            guard: ({ event }) => {
              const m = msg(event);
              return !!m && !m.text.trim() && m.attachments.some((a) => a.kind !== 'sticker');
            },
            actions: [
              {
                type: 'effect',
                params: ({ context, event }) => ({
                  type: 'append',
                  ticket: context.lastTicket ?? '',
                  text: null,
                  attachments: body(event).attachments.filter((a) => a.kind !== 'sticker'),
                }),
              },
              {
                type: 'reply',
                params: ({ context }) => ({
                  type: 'reply',
                  key: 'ack.appended',
                  vars: { ticket: context.lastTicket ?? '' },
                  expecting: 'none',
                }),
              },
            ],
          },
          {
            target: 'afterSubmit',
            actions: assign(({ event }) => ({
              pendingAfterSubmit: {
                text: body(event).text.trim().slice(0, LIMITS.storyChars) || null,
                attachments: body(event).attachments,
              },
            })),
          },
        ],
        command: [
          {
            guard: { type: 'isCommand', params: 'start' },
            target: 'start',
            actions: assign({ draft: () => emptyDraft() }),
          },
        ],
      },
    },
    afterSubmit: {
      entry: [
        assign({ at: 'afterSubmit' }),
        { type: 'reply', params: ({ context }) => afterSubmitQuestion(context.lastTicket ?? '') },
      ],
      on: {
        message: [
          {
            guard: { type: 'afterSubmitPick', params: 'add' },
            target: 'submitted',
            actions: [
              {
                type: 'effect',
                params: ({ context }) => ({
                  type: 'append',
                  ticket: context.lastTicket ?? '',
                  text: context.pendingAfterSubmit?.text ?? null,
                  attachments: context.pendingAfterSubmit?.attachments ?? [],
                }),
              },
              {
                type: 'reply',
                params: ({ context }) => ({
                  type: 'reply',
                  key: 'ack.appended',
                  vars: { ticket: context.lastTicket ?? '' },
                  expecting: 'none',
                }),
              },
              assign({ pendingAfterSubmit: null }),
            ],
          },
          {
            guard: { type: 'afterSubmitPick', params: 'new' },
            target: 'start',
            actions: assign(({ context }) => ({
              draft: {
                ...emptyDraft(),
                story: context.pendingAfterSubmit?.text ? [context.pendingAfterSubmit.text] : [],
              },
              pendingAfterSubmit: null,
            })),
          },
          {
            guard: { type: 'afterSubmitPick', params: 'withdraw' },
            target: 'withdrawConfirm',
          },
          {
            actions: {
              type: 'reply',
              params: ({ context }) => ({
                ...afterSubmitQuestion(context.lastTicket ?? ''),
                before: [{ key: 'error.choice' }],
              }),
            },
          },
        ],
      },
    },
    withdrawConfirm: {
      entry: {
        type: 'reply',
        params: ({ context }) => ({
          type: 'reply',
          key: 'ask.withdraw_confirm',
          vars: { ticket: context.lastTicket ?? '' },
          choices: [
            { id: 'yes', label: { key: 'choice.yes' } },
            { id: 'no', label: { key: 'choice.no' } },
          ],
          expecting: 'cancel_confirm',
        }),
      },
      on: {
        message: [
          {
            guard: 'isYes',
            target: 'submitted',
            actions: [
              {
                type: 'effect',
                params: ({ context }) => ({ type: 'withdraw', ticket: context.lastTicket ?? '' }),
              },
              {
                type: 'reply',
                params: ({ context }) => ({
                  type: 'reply',
                  key: 'withdrawn',
                  vars: { ticket: context.lastTicket ?? '' },
                  expecting: 'none',
                }),
              },
              assign({ pendingAfterSubmit: null }),
            ],
          },
          {
            target: 'submitted',
            actions: [
              assign({ pendingAfterSubmit: null }),
              { type: 'reply', params: { type: 'reply', key: 'withdraw.kept', expecting: 'none' } },
            ],
          },
        ],
      },
    },
    /** Expired after 72 idle hours: the draft is kept until the citizen resumes or starts anew. */
    paused: {
      entry: assign({ at: null }),
      on: {
        message: [
          {
            guard: { type: 'pausedPick', params: 'new' },
            target: 'start',
            actions: assign({ draft: () => emptyDraft() }),
          },
          { guard: { type: 'pausedPick', params: 'resume' }, target: 'resuming' },
          {
            actions: {
              type: 'reply',
              params: {
                type: 'reply',
                key: 'paused.ask',
                choices: [
                  { id: 'resume', label: { key: 'choice.resume' } },
                  { id: 'new', label: { key: 'choice.new_complaint' } },
                ],
                expecting: 'none',
              },
            },
          },
        ],
        command: [
          { guard: { type: 'isCommand', params: 'resume' }, target: 'resuming' },
          { guard: { type: 'isCommand', params: 'start' }, target: 'resuming' },
        ],
      },
    },
    resuming: {
      always: [
        { guard: { type: 'resumeIs', params: 'consent' }, target: 'consent' },
        { guard: { type: 'resumeIs', params: 'story' }, target: 'story' },
        { guard: { type: 'resumeIs', params: 'guess' }, target: 'guess' },
        { guard: { type: 'resumeIs', params: 'summary' }, target: 'next' },
        { guard: { type: 'resumeIs', params: 'editPick' }, target: 'next' },
        { target: 'next' },
      ],
    },
  },
});
