// The agency directory file's shape (zod) and the agency and rule records it is validated into.
import { z } from 'zod';
import { WeeklyHours as WeeklyHoursSchema } from '../domain/agency-override.js';
import type { CategoryId } from '../domain/categories.js';
import type { StageDays } from '../domain/deadline.js';
import { Destination } from '../domain/destination.js';
import { DETAIL_KEYS, type DetailKey } from './details.js';

export const LEVELS = ['kabkota', 'provinsi', 'vertikal', 'bumn', 'bumd', 'ombudsman'] as const;
export type Level = (typeof LEVELS)[number];

export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

/** Monday–Thursday 08:00–16:00, Friday 08:00–11:00 WITA: used when a file gives no default hours. */
export const DEFAULT_HOURS: WeeklyHours = {
  mon: '08:00-16:00',
  tue: '08:00-16:00',
  wed: '08:00-16:00',
  thu: '08:00-16:00',
  fri: '08:00-11:00',
  sat: null,
  sun: null,
};

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'expected lowercase letters, digits and dashes');

const AgencyInput = z.object({
  id: Id,
  name: z.string().trim().min(3).max(200),
  shortName: z.string().trim().min(2).max(80),
  level: z.enum(LEVELS),
  /** The kind of office ("disdukcapil", "polres"): what "{kab}-<kind>" in a rule and "<kind> <place>" in a story find. */
  kind: z.string().min(2).max(40).optional(),
  /** The kab/kota the office belongs to; null for one serving the whole province. */
  region: z.string().nullable(),
  /** Kab/kota or kecamatan codes it serves; by default its region, or the whole province when region is null. */
  serves: z.array(z.string()).min(1).optional(),
  categories: z.array(z.string()).min(1),
  /** The pemda's complaint coordinator (SP4N-LAPOR! admin): gets what no rule routes. */
  coordinator: z.boolean().default(false),
  status: z.enum(['confirmed', 'unconfirmed']),
  statusNote: z.string().max(300).optional(),
  source: z.string().max(400),
  /** Names that identify this one office in a story ("ratu zalecha", "rsud ulin"). */
  aliases: z.array(z.string().min(2).max(100)).default([]),
  hours: WeeklyHoursSchema.optional(),
  destinations: z.array(Destination).default([]),
  /** Working days the agency has to answer, where it differs from the service default. */
  answerDays: z.number().int().min(1).max(60).optional(),
  /** Working days the agency has to verify a new ticket, where it differs from the service default. */
  verifyDays: z.number().int().min(1).max(60).optional(),
  /** Per category (its id), the agency's own stage days: they come before the agency's and the settings'. */
  deadlines: z
    .record(
      z.string(),
      z
        .object({
          verifyDays: z.number().int().min(1).max(60).optional(),
          answerDays: z.number().int().min(1).max(60).optional(),
        })
        .strict()
        .refine((d) => d.verifyDays !== undefined || d.answerDays !== undefined, {
          message: 'give verifyDays, answerDays or both',
        }),
    )
    .default({}),
});

export const RuleInput = z.object({
  id: Id,
  categories: z.array(z.string()).min(1).optional(),
  regions: z.array(z.string()).min(1).optional(),
  detail: z.enum(DETAIL_KEYS).optional(),
  /** An agency id, "{kab}-<kind>" or "{named}". */
  agency: z.string().min(2),
  note: z.string().optional(),
});

export const RulesFile = z.object({
  about: z.string().optional(),
  usualAbout: z.string().optional(),
  /** The generic office name per category the agency question suggests (read by the domain, checked here). */
  usual: z.record(z.string(), z.string().min(2)).optional(),
  rules: z.array(RuleInput),
});

export const DirectoryFile = z.object({
  about: z.string().optional(),
  defaults: z.object({ hours: WeeklyHoursSchema.optional() }).optional(),
  kinds: z.record(z.string(), z.array(z.string().min(2))).default({}),
  agencies: z.array(AgencyInput).min(1),
  /** Replaces the built-in routing rules when present. */
  rules: z.array(RuleInput).optional(),
});

export type Agency = {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly level: Level;
  readonly kind: string | null;
  readonly region: string | null;
  readonly serves: readonly string[];
  readonly categories: readonly CategoryId[];
  readonly coordinator: boolean;
  readonly status: 'confirmed' | 'unconfirmed';
  readonly statusNote: string | null;
  readonly source: string;
  readonly aliases: readonly string[];
  readonly hours: WeeklyHours;
  readonly destinations: readonly Destination[];
  readonly answerDays: number | null;
  readonly verifyDays: number | null;
  /** The agency's stage days for some categories (`deadlines` in the file). */
  readonly deadlines: Readonly<Partial<Record<CategoryId, Partial<StageDays>>>>;
};

/** Where a rule sends a complaint. */
export type RuleTarget = { type: 'id'; id: string } | { type: 'kind'; kind: string } | { type: 'named' };

export type Rule = {
  readonly id: string;
  readonly categories: readonly CategoryId[] | null;
  readonly regions: readonly string[] | null;
  readonly detail: DetailKey | null;
  readonly target: RuleTarget;
  readonly note: string | null;
};

/** Rule ids the router uses for its fallbacks; a rules file may not take them. */
export const FALLBACK_RULES = {
  coordinator: 'cadangan-koordinator',
  ombudsman: 'cadangan-ombudsman',
} as const;
