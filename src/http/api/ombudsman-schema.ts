// The Ombudsman-ready document of one ticket (`aduan.ombudsman/1`): what Ombudsman RI's intake asks of a report (UU 37/2008
// art. 24 and its report form: the reporter, the agency reported, what happened and when, the earlier complaint and its
// result, the expectation, the evidence, the form of maladministration), with the ticket's history and its missed
// deadlines. The JSON answer of …/ombudsman.json, the content of …/ombudsman.pdf; part of the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { IdentityMode, TicketStatus } from '../../domain/complaint.js';
import { DeadlineStage } from '../../domain/deadline.js';
import { TicketEventType } from '../../domain/ticket-event.js';

export const OMBUDSMAN_SCHEMA = 'aduan.ombudsman/1';

/** Why the reporter's identity is not in the document. */
export const WithheldWhy = z.enum(['anonim', 'not_asked', 'asked', 'refused', 'lapsed']);
export type WithheldWhy = z.infer<typeof WithheldWhy>;

const Named = z.object({ id: z.string(), name: z.string() });
const Region = z.object({ code: z.string(), name: z.string() });
const instant = (what: string) => z.string().openapi({ description: `${what} (ISO 8601, UTC)` });

export const OmbudsmanReport = z
  .object({
    schema: z.literal(OMBUDSMAN_SCHEMA),
    generatedAt: instant('when the document was made'),
    preparedBy: z.string().openapi({ description: 'the account that made it (its name, else its username)' }),
    ticket: z.object({
      number: z.string(),
      status: TicketStatus,
      filedAt: instant('filed'),
      dueDate: z.string().openapi({ description: 'the running deadline’s WITA date (YYYY-MM-DD)' }),
      channel: z
        .string()
        .openapi({ description: 'where the citizen wrote: web, telegram, whatsapp, wacloud…' }),
    }),
    reporter: z
      .object({
        identityMode: IdentityMode,
        identity: z.enum(['given', 'withheld']).openapi({
          description:
            'whether the identity is in the document, by the rule Ombudsman’s copy follows: a biasa reporter’s ' +
            'always; a rahasia reporter’s name and NIK only when they gave them for Ombudsman; never an anonim one',
        }),
        withheldWhy: WithheldWhy.nullable().openapi({
          description:
            '`anonim`: none is kept; rahasia and `not_asked` (never asked for Ombudsman), `asked` (the question ' +
            'waits for the answer), `refused`, `lapsed` (the stage it was asked for was met or ended first)',
        }),
        name: z.string().nullable(),
        nik: z.string().nullable().openapi({ description: 'in full, as Ombudsman’s copy carries it' }),
        phone: z.string().nullable().openapi({ description: 'a biasa reporter’s only' }),
      })
      .openapi({ description: 'pelapor. Aduan does not ask for the reporter’s home address' }),
    reported: z
      .object({
        agency: Named.nullable().openapi({
          description: 'the agency the ticket is routed to (the directory)',
        }),
        named: z
          .string()
          .nullable()
          .openapi({ description: 'the office, unit or official as the citizen named it' }),
        why: z.string().nullable().openapi({ description: 'why the ticket went to that agency, in words' }),
      })
      .openapi({ description: 'terlapor' }),
    category: Named,
    maladministration: Named.nullable().openapi({ description: 'the suspected form of maladministration' }),
    story: z.string().openapi({ description: 'kronologi, in the citizen’s words' }),
    incident: z.object({
      date: z
        .object({
          date: z
            .string()
            .openapi({ description: 'YYYY-MM-DD: the day, or the first day of the week, month or year' }),
          precision: z.enum(['day', 'week', 'month', 'year']),
          ongoing: z.boolean().openapi({ description: 'it began then and still goes on' }),
          words: z.string().openapi({ description: 'the date as the document words it' }),
        })
        .nullable(),
      tooOld: z
        .boolean()
        .openapi({ description: 'more than two years ago (Ombudsman takes younger reports)' }),
      address: z.string().nullable(),
      kecamatan: Region.nullable(),
      kabkota: Region,
      location: z.object({ lat: z.number(), lon: z.number() }).nullable().openapi({ description: 'the pin' }),
    }),
    priorReport: z
      .object({ done: z.boolean(), to: z.string().nullable(), result: z.string().nullable() })
      .openapi({
        description: 'whether the citizen complained to the agency first, where, and what came of it',
      }),
    expectation: z.string().openapi({ description: 'harapan: what the citizen wants to happen' }),
    evidence: z.array(
      z.object({
        kind: z.string(),
        mime: z.string(),
        size: z.number().int(),
        sha256: z.string(),
        url: z
          .string()
          .nullable()
          .openapi({ description: 'a signed link that expires; null without PUBLIC_BASE_URL' }),
        expiresAt: z.string().nullable(),
      }),
    ),
    history: z.array(
      z.object({
        at: instant('when'),
        actor: z.enum(['citizen', 'system', 'officer']),
        officer: z
          .string()
          .nullable()
          .openapi({ description: 'the officer’s name as the ticket page shows it' }),
        type: TicketEventType,
        from: TicketStatus.nullable(),
        to: TicketStatus.nullable(),
        words: z.string().openapi({ description: 'the event as the ticket page words it' }),
        message: z
          .string()
          .nullable()
          .openapi({ description: 'what the officer told the citizen (never a note)' }),
      }),
    ),
    missedDeadlines: z.array(
      z.object({
        stage: DeadlineStage,
        agency: Named.nullable(),
        dueOn: z.string().openapi({ description: 'the WITA date it was due by' }),
        outcome: z.enum(['late', 'missed', 'running']).openapi({
          description: '`late`: met after its date; `missed`: ended unmet after it; `running`: still unmet',
        }),
        on: z
          .string()
          .nullable()
          .openapi({ description: 'the WITA date it was met or ended; null while running' }),
      }),
    ),
  })
  .openapi('OmbudsmanReport');
export type OmbudsmanReport = z.infer<typeof OmbudsmanReport>;
