// A reply as data (a locale key with its values and choices) and as rendered text: the words shared by flows, i18n,
// channels and storage.
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
  /**
   * The ticket this message tells about (a receipt, a change, an officer's message): a citizen's platform reply to
   * it reaches that ticket. Never set on a question, whose buttons' answers belong to the question.
   */
  ticket?: string;
};

/** The languages a conversation can speak. */
export type Lang = 'id' | 'en';

/** A rendered message, channel-neutral: each channel adapter turns choices into buttons or numbered lines. */
export type RenderedMessage = {
  text: string;
  choices: { id: string; label: string }[];
  expecting: Expecting;
  /** Choices that must be typed as words (the message also accepts field numbers). */
  wordChoices?: boolean;
  /** Files an officer attached: references only, the sender reads the bytes from the file store when sending. */
  files?: OutboundFile[];
};

/** An officer's file sent with a message: the attachment's id, its content hash, type, name and size in bytes. */
export type OutboundFile = { id: string; sha256: string; mime: string; name: string; size: number };
