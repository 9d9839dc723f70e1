// Aduan ↔ Open311 GeoReport v2, one table for the forwarder and the server: categories ↔ service codes, ticket
// states ↔ open/closed, the attributes Aduan's services take, and the spec's limit on a description.
import { CATEGORY_IDS, type CategoryId, isCategoryId } from './categories.js';
import type { TicketStatus } from './complaint.js';

/** GeoReport v2 limits a description to 4,000 characters. */
export const DESCRIPTION_MAX = 4000;

/**
 * A category's service_code: its own id, unless an endpoint names it otherwise (an agency destination's
 * `serviceCodes`, for the forwarder). Aduan's own server always uses the ids.
 */
export function serviceCodeOf(category: string, overrides: Readonly<Record<string, string>> = {}): string {
  return overrides[category] ?? category;
}

/** The category a service_code of Aduan's server names, or null. */
export function categoryOfServiceCode(code: string): CategoryId | null {
  return isCategoryId(code) ? code : null;
}

/** Every service Aduan's server offers: one per category, in the categories' order. */
export const SERVICE_CODES: readonly CategoryId[] = CATEGORY_IDS;

/**
 * `closed` (resolved, in the spec's words): the agency called it done (selesai, which the citizen may still reopen),
 * rejected it, closed it, or the citizen withdrew it. Every other state is `open`.
 */
const CLOSED: ReadonlySet<TicketStatus> = new Set(['selesai', 'ditolak', 'ditutup', 'dicabut']);

export type Open311Status = 'open' | 'closed';

export function open311Status(status: TicketStatus): Open311Status {
  return CLOSED.has(status) ? 'closed' : 'open';
}

/** The ticket states an Open311 status stands for (the GET requests filter). */
export function statusesOf(status: Open311Status, all: readonly TicketStatus[]): TicketStatus[] {
  return all.filter((s) => open311Status(s) === status);
}

/** attribute[kabkota]: the kab/kota code (63.71) when neither the pin nor the address tells it. */
export const KABKOTA_ATTRIBUTE = 'kabkota';
/** attribute[identitas]: how the reporter's identity is kept (biasa, rahasia, anonim). */
export const IDENTITY_ATTRIBUTE = 'identitas';
