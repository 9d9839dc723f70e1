// The intake flow's context: the draft complaint being collected and the bookkeeping of the conversation.
import { z } from 'zod';
import { CATEGORY_IDS } from '../src/domain/categories.js';
import {
  AttachmentRef,
  GeoPoint,
  IdentityMode,
  IncidentDate,
  TicketStatus,
} from '../src/domain/complaint.js';
import { FIELDS } from '../src/domain/expecting.js';

export { FIELDS };
export const Field = z.enum(FIELDS);
export type Field = z.infer<typeof Field>;

export const Notice = z.object({
  key: z.string(),
  /** Literal values, or another locale text (a field's label). */
  vars: z.record(z.string(), z.union([z.string(), z.number(), z.object({ key: z.string() })])).optional(),
});
export type Notice = z.infer<typeof Notice>;

export const Draft = z.object({
  story: z.array(z.string()).max(200),
  category: z.enum(CATEGORY_IDS).nullable(),
  categoryReasons: z.array(z.string()),
  /** The next best categories when the story is not clear: offered as choices in the guess. */
  categoryAlternatives: z.array(z.enum(CATEGORY_IDS)).max(2),
  agency: z.string().nullable(),
  kabkotaCode: z.string().nullable(),
  kecamatanCode: z.string().nullable(),
  /** Kab/kota codes the citizen must choose between (an ambiguous name or pin). */
  regionCandidates: z.array(z.string()),
  address: z.string().nullable(),
  location: GeoPoint.nullable(),
  incidentDate: IncidentDate.nullable(),
  priorReport: z.boolean().nullable(),
  priorResult: z.string().nullable(),
  /** Where the earlier complaint went, as the citizen said it ("kelurahan"); absent in older drafts. */
  priorTo: z.string().nullable().optional(),
  expectation: z.string().nullable(),
  attachments: z.array(AttachmentRef).max(50),
  identityMode: IdentityMode.nullable(),
  name: z.string().nullable(),
  nik: z.string().nullable(),
  phone: z.string().nullable(),
  /** Where the complaint will be forwarded, as the runtime's router decided it from category, region and story. */
  route: z
    .object({
      agencyId: z.string(),
      agencyName: z.string(),
      reason: z.string(),
      offerEscalation: z.boolean(),
      fallback: z.boolean().optional(),
    })
    .nullable(),
  /** Also forward to Ombudsman RI Perwakilan Kalsel (offered when an earlier report to the agency got nowhere). */
  escalate: z.boolean().nullable(),
  /** Fields answered (or skipped, where optional) by the citizen. */
  answered: z.array(Field),
  /** Fields filled by guessing from the story, awaiting the citizen's confirmation. */
  guessed: z.array(Field),
});
export type Draft = z.infer<typeof Draft>;

export const Timers = z.object({
  storyQuiet: z.number().optional(),
  /** Story pieces kept without a word: say once that the bot waits, and how to go on. */
  storyNudge: z.number().optional(),
  reminder: z.number().optional(),
  expiry: z.number().optional(),
});

/** The states that ask for a complaint in progress, from consent to the summary (`batal` there asks "yakin?"). */
export const DRAFTING_STATES = ['consent', 'story', 'guess', 'asking', 'summary', 'editPick'] as const;
/** The states once "kirim" was said: the complaint is being filed or was filed. */
export const SUBMITTED_STATES = ['submitting', 'submitted', 'afterSubmit', 'withdrawConfirm'] as const;

/** Where the conversation stands, so that help, reminders and `batal` → "tidak" can repeat the right question. */
export const ResumeTarget = z.enum([...DRAFTING_STATES, 'afterSubmit', 'whichTicket']);
export type ResumeTarget = z.infer<typeof ResumeTarget>;

/** The states "hapus data saya" may be said in and return to when the citizen does not confirm it. */
export const ERASE_RETURNS = [
  'idle',
  'consent',
  'declined',
  'story',
  'guess',
  'guessFix',
  'asking',
  'summary',
  'editPick',
  'cancelConfirm',
  'duplicateConfirm',
  'submitted',
  'whichTicket',
  'afterSubmit',
  'withdrawConfirm',
  'rateResolved',
  'rateScore',
  'rateComment',
  'identityConsent',
  'identityName',
  'identityNik',
  'paused',
] as const;
const EraseReturn = z.enum(ERASE_RETURNS);

/** One of the chat's open tickets, as the citizen is offered it when a message could be about several. */
export const ChatTicket = z.object({
  number: z.string().max(40),
  category: z.string().max(60),
  status: TicketStatus,
});
export type ChatTicket = z.infer<typeof ChatTicket>;

export const IntakeContext = z.object({
  lang: z.enum(['id', 'en']),
  consent: z.object({ at: z.string(), version: z.string() }).nullable(),
  draft: Draft,
  /** The question now asked in the `asking` state. */
  field: Field.nullable(),
  /** Failed answers to the current question. */
  fails: z.number().int().nonnegative(),
  /** Editing one field from the summary: return there after the answer. */
  editing: z.boolean(),
  /** Where `batal` → "no" or `lanjut` return to. */
  resume: ResumeTarget.nullable(),
  notices: z.array(Notice).max(10),
  at: ResumeTarget.nullable(),
  timers: Timers,
  lastActivity: z.number(),
  /** A phone number vouched for by the channel (WhatsApp). */
  channelPhone: z.string().nullable(),
  channel: z.enum(['web', 'terminal', 'simulate', 'telegram', 'whatsapp', 'wacloud']),
  /** The last ticket filed from this chat, for additions and withdrawal. */
  lastTicket: z.string().nullable(),
  /** The earlier ticket a just-confirmed complaint looks like (same chat, within a day). */
  duplicateOf: z.string().nullable(),
  /**
   * While consent is pending: messages kept without a reply since the bot last spoke, and whether it already said
   * the story is kept. A burst sent before reading gets one answer, not one per message.
   */
  quiet: z.number().int().nonnegative().optional(),
  storyAcked: z.boolean().optional(),
  /** The "I'm waiting, type selesai" line was said for this story. */
  nudged: z.boolean().optional(),
  /** More story came after the guess was shown and changed what it would show: "selesai" shows it again. */
  guessChanged: z.boolean().optional(),
  /** "Kirim, juga ke Ombudsman" was chosen before the NIK it needs: file as soon as the NIK question is answered. */
  sendWhenDone: z.boolean().optional(),
  /** A ticket the agency called done: asking whether it is solved, then a score (1–5), then a comment. */
  rating: z
    .object({ ticket: z.string(), score: z.number().int().min(1).max(5).nullable() })
    .nullable()
    .default(null),
  /**
   * Ombudsman should get a copy of `ticket` (`agency`): asking the reporter whether their identity may go with it,
   * then (`needsName`: an anonim ticket) their name, then their NIK, kept here until both are given.
   */
  identityAsk: z
    .object({
      ticket: z.string().max(40),
      agency: z.string().max(200),
      needsName: z.boolean(),
      name: z.string().max(120).nullable(),
      nik: z
        .string()
        .regex(/^\d{16}$/)
        .nullable(),
    })
    .nullable()
    .default(null),
  /** Several open tickets: the ones offered for a message, and what the pick is for (adding to it, withdrawing it). */
  ticketChoices: z.array(ChatTicket).max(9).nullable().default(null),
  whichFor: z.enum(['add', 'withdraw']).nullable().default(null),
  /** Text or files sent after submitting, waiting for "add to ticket or new complaint?". */
  pendingAfterSubmit: z
    .object({ text: z.string().nullable(), attachments: z.array(AttachmentRef) })
    .nullable(),
  /** "Hapus data saya" waits for its confirmation: the state it was said in, to return there on "tidak". */
  eraseFrom: EraseReturn.nullable().default(null),
});
export type IntakeContext = z.infer<typeof IntakeContext>;

export function emptyDraft(): Draft {
  return {
    story: [],
    category: null,
    categoryReasons: [],
    categoryAlternatives: [],
    agency: null,
    kabkotaCode: null,
    kecamatanCode: null,
    regionCandidates: [],
    address: null,
    location: null,
    incidentDate: null,
    priorReport: null,
    priorResult: null,
    expectation: null,
    attachments: [],
    identityMode: null,
    name: null,
    nik: null,
    phone: null,
    route: null,
    escalate: null,
    answered: [],
    guessed: [],
  };
}

export type IntakeInput = { channel: IntakeContext['channel']; now: number; lang?: 'id' | 'en' };

/** xstate also builds a throwaway initial state without input for each pure `transition`: defaults keep it cheap. */
export function initialContext(input: IntakeInput | undefined): IntakeContext {
  return {
    lang: input?.lang ?? 'id',
    consent: null,
    draft: emptyDraft(),
    field: null,
    fails: 0,
    editing: false,
    resume: null,
    notices: [],
    at: null,
    timers: {},
    lastActivity: input?.now ?? 0,
    channelPhone: null,
    channel: input?.channel ?? 'web',
    lastTicket: null,
    rating: null,
    identityAsk: null,
    duplicateOf: null,
    ticketChoices: null,
    whichFor: null,
    pendingAfterSubmit: null,
    eraseFrom: null,
  };
}

/** Limits that keep a stored conversation bounded whatever a citizen sends. */
export const LIMITS = {
  storyFragments: 60,
  storyChars: 8000,
  answerChars: 1000,
  attachments: 20,
} as const;
