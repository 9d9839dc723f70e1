// Why a complaint went to an agency, as data (the rule and the facts it used): stored with the ticket and put into
// words only when shown, in the reader's language.
import { z } from 'zod';

export const RouteWhy = z.discriminatedUnion('kind', [
  /** A rule of the directory took it: the category, where, and the story's words that decided a detail. */
  z.object({
    kind: z.literal('rule'),
    rule: z.string(),
    category: z.string(),
    kabkota: z.string().nullable(),
    detail: z.string().nullable(),
    words: z.string().nullable(),
    agency: z.string(),
  }),
  /** No rule took it: the pemda's complaint coordinator passes it on, or Ombudsman Kalsel triages it. */
  z.object({
    kind: z.enum(['coordinator', 'ombudsman']),
    rule: z.string(),
    category: z.string(),
    kabkota: z.string().nullable(),
    agency: z.string(),
  }),
  /** The citizen asked for the Ombudsman too: their earlier complaint to the agency got nowhere. */
  z.object({ kind: z.literal('escalation'), agency: z.string() }),
  /** The ladder copied Ombudsman: the agency let its deadline pass after a reminder and the coordinator's watch. */
  z.object({ kind: z.literal('deadline'), agency: z.string() }),
  /** Words as they were written: an officer's reason for moving a ticket, or a reason stored before migration 019. */
  z.object({ kind: z.literal('text'), text: z.string() }),
]);
export type RouteWhy = z.infer<typeof RouteWhy>;
