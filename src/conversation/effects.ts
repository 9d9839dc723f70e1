// Effects are data: what a flow step asks the runtime to do, never done by the flow itself.
import type { CategoryId } from '../domain/categories.js';
import type { AttachmentRef, Complaint } from '../domain/complaint.js';
import type { Expecting } from './expecting.js';

/** A value in a message: literal text or a number, another locale text, or a date rendered in the reader's language. */
export type VarValue =
  | string
  | number
  | { key: string; vars?: Record<string, string | number> }
  | { date: string; precision: 'day' | 'week' | 'month' | 'year'; ongoing?: boolean };
export type Vars = Record<string, VarValue>;

export type Paragraph = { key: string; vars?: Vars };

/** A choice the citizen can pick: `id` is what comes back, the label is a locale key (or literal data). */
export type Choice = { id: string; label: { key: string; vars?: Vars } | { literal: string } };

export type ReplyEffect = {
  type: 'reply';
  key: string;
  vars?: Vars;
  /** Paragraphs before the main text (notices) and after it (details, examples), in the same message. */
  before?: Paragraph[];
  /** Rows shown one per line right after the main text (a summary, a list of guesses). */
  rows?: Paragraph[];
  more?: Paragraph[];
  choices?: Choice[];
  /** The choices are keywords to type, not numbers: the message accepts numbers for something else. */
  wordChoices?: boolean;
  expecting: Expecting;
};

export type Effect =
  | ReplyEffect
  /** File the complaint; the runtime answers with a `ticket.created` event in the same transaction. */
  | { type: 'submit'; complaint: Complaint; allowDuplicate: boolean }
  /** Find the agency for the draft; the runtime answers with a `routed` event in the same transaction. */
  | {
      type: 'route';
      query: {
        category: CategoryId;
        kabkotaCode: string | null;
        kecamatanCode: string | null;
        story: string;
        priorReport: { done: boolean; result: string | null };
        escalate: boolean;
      };
    }
  | { type: 'append'; ticket: string; text: string | null; attachments: AttachmentRef[] }
  | { type: 'withdraw'; ticket: string }
  /** List the sender's own tickets, or one of them. */
  | { type: 'status'; ticket: string | null; lang: 'id' | 'en' }
  /** Consent refused: forget what this chat sent so far. */
  | { type: 'forget' };
