// A ticket's conversation as officers read it: what the citizen and Aduan said from the end of the chat's previous
// ticket to this one's filing. Never a chat id; a NIK always masked; for those who may not see who a rahasia reporter
// is, the identity answers hidden and every phone number, e-mail address and name in the words masked (src/privacy/).
import type { Complaint } from '../domain/complaint.js';
import type { Lang } from '../domain/reply.js';
import { hideStatusPin } from '../domain/status-pin.js';
import { maskText } from '../privacy/mask-free-text.js';
import type { Store } from '../storage/store.js';

export type TranscriptLine = { at: number; from: 'citizen' | 'bot'; text: string };

const MAX_LINES = 400;
const IDENTITY_FIELDS = new Set(['name', 'nik', 'phone']);

export function ticketTranscript(
  store: Store,
  ticket: { id: number; conversationId: number | null; createdAt: number; complaint: Complaint },
  showIdentity: boolean,
  hidden: string,
  lang: Lang = 'id',
): TranscriptLine[] | null {
  if (ticket.conversationId === null) return null;
  const from = chatStartBefore(store, ticket.conversationId, ticket.createdAt);
  const { name, nik, phone } = ticket.complaint;
  const redaction = { showIdentity, hidden, known: { name, nik, phone }, lang };
  return chatLines(store, ticket.conversationId, { from, to: ticket.createdAt }, redaction);
}

/**
 * Where a chat's part about one complaint begins: just after the chat's last ticket filed before `before` (0 when
 * none), so an earlier complaint (maybe another agency's, another identity mode) is never shown with this one.
 */
export function chatStartBefore(store: Store, conversationId: number, before: number): number {
  const earlier = store.tickets
    .listForChat(conversationId)
    .filter((t) => t.createdAt < before)
    .map((t) => t.createdAt);
  return earlier.length > 0 ? Math.max(...earlier) + 1 : 0;
}

/**
 * What the citizen and Aduan (the bot, and officers through it) said in a chat between two instants, oldest first:
 * NIKs masked, and without `showIdentity` the answers to the identity questions hidden and every NIK, phone number,
 * e-mail address and name in the words masked (the reporter's `known` identity wherever it is written).
 */
export function chatLines(
  store: Store,
  conversationId: number,
  { from, to }: { from: number; to: number },
  redaction: {
    showIdentity: boolean;
    hidden: string;
    known: { name: string | null; nik?: string | null; phone?: string | null };
    lang?: Lang;
  },
): TranscriptLine[] {
  const { showIdentity, hidden, known, lang } = redaction;
  const scope = showIdentity ? 'nik' : 'all';
  const redact = (text: string): string => maskText(text, known, { scope, lang }).text;
  const citizen: TranscriptLine[] = store.inbound
    .history(conversationId, from, MAX_LINES)
    .filter((m) => m.at <= to)
    .flatMap((m) => {
      const body = typeof m.body === 'object' && m.body !== null ? m.body : {};
      const text = 'text' in body && typeof body.text === 'string' ? body.text : '';
      const answers = 'answers' in body && typeof body.answers === 'string' ? body.answers : null;
      if (!text.trim()) return [];
      const shown = !showIdentity && answers !== null && IDENTITY_FIELDS.has(answers) ? hidden : redact(text);
      return [{ at: m.at, from: 'citizen' as const, text: shown }];
    });
  const bot: TranscriptLine[] = store.outbox
    .between(conversationId, from, to, MAX_LINES)
    .map((e) => ({ at: e.createdAt, from: 'bot' as const, text: hideStatusPin(redact(e.message.text)) }));
  return [...citizen, ...bot].sort((a, b) => a.at - b.at || (a.from === 'citizen' ? -1 : 1));
}
