// The officers' API bodies and answers as zod schemas; the named ones are components of the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { TicketStatus } from '../../domain/complaint.js';
import { DeadlineStage, LadderLevel } from '../../domain/deadline.js';
import { InboxQuery } from '../../officers/inbox-query.js';

export const ErrorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error');

export const Agency = z
  .object({ id: z.string(), name: z.string(), kabkota: z.string().nullable(), level: z.string() })
  .openapi('Agency');

const Event = z
  .object({
    at: z.number().int().openapi({ description: 'milliseconds since 1970 (UTC)' }),
    actor: z.enum(['citizen', 'system', 'officer']),
    type: z.string(),
    from: TicketStatus.nullable(),
    to: TicketStatus.nullable(),
    reason: z.string().nullable(),
    text: z.string().nullable(),
  })
  .openapi('TicketEvent');

const LadderStep = z
  .object({
    level: LadderLevel,
    at: z.number().int().openapi({ description: 'milliseconds since 1970 (UTC)' }),
    /** reminder: the missed stage */
    stage: DeadlineStage.nullable(),
    agency: z
      .object({ id: z.string().nullable(), name: z.string().nullable() })
      .openapi({ description: 'the agency reminded, the coordinator watching, or Ombudsman' }),
    why: z.enum(['deadline', 'citizen']).nullable().openapi({ description: 'ombudsman: why the copy' }),
    identity: z.enum(['given', 'withheld', 'asked']).nullable().openapi({
      description: 'ombudsman: with the reporter’s identity, without, or held while the reporter is asked',
    }),
  })
  .openapi('LadderStep');

export const Summary = z
  .object({
    number: z.string(),
    status: TicketStatus,
    category: z.string(),
    kabkota: z.string(),
    agency: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
    createdAt: z.number().int(),
    dueDate: z.string(),
    newReply: z.boolean(),
    unreceived: z.boolean(),
    rating: z.number().int().nullable(),
    assignee: z
      .object({ id: z.number().int(), name: z.string() })
      .nullable()
      .openapi({ description: 'the account working the ticket ("ditugaskan ke")' }),
  })
  .openapi('TicketSummary');

export const Ticket = Summary.omit({
  rating: true,
  newReply: true,
  unreceived: true,
  category: true,
  kabkota: true,
})
  .extend({
    category: z.string(),
    kabkota: z.string(),
    story: z.string(),
    expectation: z.string(),
    address: z.string().nullable(),
    reporter: z.object({
      identityMode: z.enum(['biasa', 'rahasia', 'anonim']),
      name: z.string().nullable(),
      phone: z.string().nullable(),
      nik: z.string().nullable().openapi({ description: 'always masked' }),
    }),
    rating: z.object({ score: z.number().int(), comment: z.string().nullable() }).nullable(),
    events: z.array(Event),
    deadline: z
      .object({
        stage: DeadlineStage,
        dueOn: z.string().openapi({ description: 'the WITA date (YYYY-MM-DD) it is due by' }),
        paused: z.boolean().openapi({ description: 'the clock stands still while the reporter is asked' }),
        reason: z.string().nullable().openapi({ description: 'a field check: why (the citizen was told)' }),
      })
      .nullable()
      .openapi({ description: 'what the agency owes now and by when; null when nothing' }),
    ladder: z.array(LadderStep).openapi({ description: 'the escalation ladder’s steps on missed deadlines' }),
  })
  .openapi('Ticket');

/** The inbox's filters, a page size and the two flags (`1` or absent). */
export const TicketsQuery = InboxQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  newReply: z.enum(['1']).optional(),
  unreceived: z.enum(['1']).optional(),
});

export const NumberParam = z.object({
  number: z
    .string()
    .regex(/^ADU-\d{4}-[A-Z0-9]{4}$/)
    .openapi({ param: { name: 'number', in: 'path' }, example: 'ADU-2612-4K7Q' }),
});

export const StatusBody = z
  .object({
    status: TicketStatus,
    message: z.string().max(2000).optional().openapi({ description: 'told to the citizen with the change' }),
    reason: z.string().max(500).optional().openapi({ description: 'required for ditolak' }),
  })
  .openapi('StatusChange');

export const ReassignBody = z
  .object({ agency: z.string().max(100), reason: z.string().min(1).max(500) })
  .openapi('Reassign');

export const AssignBody = z
  .object({
    officerId: z
      .number()
      .int()
      .positive()
      .nullable()
      .openapi({ description: 'an enabled account of the ticket’s agency, or null for nobody' }),
  })
  .openapi('Assign');

export const TextBody = z.object({ text: z.string().min(1).max(2000) }).openapi('Text');
