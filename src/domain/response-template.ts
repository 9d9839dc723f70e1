// Officers' response templates: what one is, its placeholders, and its text rendered for one ticket (pure).
import type { TicketStatus } from './complaint.js';

/**
 * The placeholders a template may use. None names the reporter (no name, NIK or phone): a template never leaks a
 * rahasia or anonim reporter, and no personal data is templated.
 */
export const TEMPLATE_PLACEHOLDERS = ['nomor', 'instansi', 'kategori', 'tanggal', 'petugas'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** What the officer fills in before sending: `{tanggal}` is rendered as this mark, left visible in the text. */
export const TO_BE_FILLED = '…';

export type TemplateDraft = {
  /** An agency id of the directory; null: for every agency. */
  agencyId: string | null;
  /** The status it suits; null: any answer. */
  status: TicketStatus | null;
  title: string;
  body: string;
};

export type ResponseTemplate = TemplateDraft & {
  id: number;
  /** Who last changed it; null for a template shipped with Aduan. */
  updatedBy: { id: number; name: string } | null;
  updatedAt: number;
};

const PLACEHOLDER = /\{(\w+)\}/g;
const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_PLACEHOLDERS);

/** The placeholders a body uses, each once, in order. */
export function placeholdersIn(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/** The placeholders of a body that Aduan does not know (`{nama}`, `{nik}`: refused when a template is saved). */
export function unknownPlaceholders(body: string): string[] {
  return placeholdersIn(body).filter((p) => !KNOWN.has(p));
}

/** The body with what the system knows filled in; `{tanggal}` becomes "…" for the officer to complete. */
export function renderTemplate(
  body: string,
  values: Record<Exclude<TemplatePlaceholder, 'tanggal'>, string>,
) {
  const filled: Record<string, string> = { ...values, tanggal: TO_BE_FILLED };
  return body.replace(PLACEHOLDER, (whole, name: string) => filled[name] ?? whole);
}
