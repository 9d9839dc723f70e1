// What an account is shown of a ticket and of the inbox's choices: the reporter per role and mode, which files the
// page shows in place, and the kab/kota and agencies the filter form offers within the account's scope.
import { KABKOTA } from '../../data/regions-data.js';
import { CATEGORY_IDS } from '../../domain/categories.js';
import type { TicketScope } from '../../domain/officer.js';
import type { Directory } from '../../routing/directory.js';
import { maskNik } from '../../understand/nik.js';
import type { FilterOptions } from './filter-selects.js';
import type { Reporter } from './ticket-page.js';

/**
 * What an account may see of the reporter: nothing of an anonim one; of a rahasia one, only admins and supervisors
 * see who it is, and (`given`) the agency the reporter gave their name and NIK for (Ombudsman's copy), never the
 * phone; the NIK is masked unless an admin or supervisor asked to reveal it.
 */
export function reporterFor(
  c: {
    identityMode: string;
    name: string | null;
    phone: string | null;
    nik: string | null;
    identityErased?: 'citizen' | 'retention';
  },
  privileged: boolean,
  revealNik: boolean,
  given = false,
): Reporter {
  // Erased ("hapus data saya", or retention): nothing is left, and the page says why.
  if (c.identityErased) return { kind: 'erased', why: c.identityErased };
  if (c.identityMode === 'anonim') return { kind: 'anonim' };
  const nik = c.nik ? (revealNik ? c.nik : maskNik(c.nik)) : null;
  if (c.identityMode === 'rahasia' && !privileged)
    return given ? { kind: 'shown', name: c.name, phone: null, nik } : { kind: 'hidden' };
  return { kind: 'shown', name: c.name, phone: c.phone, nik };
}

/** Pictures the ticket page shows in place; every other type is downloaded, never rendered by the browser. */
export const INLINE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

/** What the filter form offers an account: the kab/kota and agencies its scope reaches. */
export function filterOptions(scope: TicketScope, directory: Directory): FilterOptions {
  const agencies = directory
    .all()
    .filter((a) =>
      scope.kind === 'all'
        ? true
        : scope.kind === 'agencies'
          ? scope.agencyIds.includes(a.id)
          : a.region !== null && scope.codes.includes(a.region),
    );
  const codes =
    scope.kind === 'kabkota'
      ? new Set(scope.codes)
      : scope.kind === 'agencies'
        ? new Set(agencies.map((a) => a.region).filter((r): r is string => r !== null))
        : new Set(KABKOTA.map((k) => k.code));
  return {
    categories: CATEGORY_IDS,
    kabkota: KABKOTA.filter((k) => codes.has(k.code)).map((k) => ({ code: k.code, name: k.name })),
    agencies: agencies.map((a) => ({ id: a.id, name: a.shortName })),
  };
}
