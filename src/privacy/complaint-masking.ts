// A complaint's free text (story, expectation, place, earlier report, office named) as one reader may read it: all
// personal data masked for whoever may not know who reported (an agency, for a rahasia or anonim ticket), the NIK
// masked for everyone else. The identity fields themselves are left to the callers' own rules.
import type { Complaint, IdentityMode } from '../domain/complaint.js';
import type { Lang } from '../domain/reply.js';
import { type KnownIdentity, type MaskScope, maskText } from './mask-free-text.js';

/**
 * What a reader gets masked: everything personal when the ticket hides who reported from them (anonim always, rahasia
 * unless they may see the identity), else only the NIK.
 */
export function maskScopeFor(identityMode: IdentityMode, identityShown: boolean): MaskScope {
  if (identityMode === 'biasa') return 'nik';
  return identityMode === 'rahasia' && identityShown ? 'nik' : 'all';
}

function knownIdentity(c: {
  name: string | null;
  nik: string | null;
  phone: string | null;
}): KnownIdentity {
  return { name: c.name, nik: c.nik, phone: c.phone };
}

/** One text of this ticket (a later message, a note, a file name) masked for this reader. */
export function textMasker(
  c: { name: string | null; nik: string | null; phone: string | null },
  scope: MaskScope,
  lang: Lang = 'id',
): (text: string) => string {
  const known = knownIdentity(c);
  return (text) => maskText(text, known, { scope, lang }).text;
}

/** The complaint with its free text masked for this reader; identity fields and everything else as they are. */
export function maskComplaintText(c: Complaint, scope: MaskScope, lang: Lang = 'id'): Complaint {
  const mask = textMasker(c, scope, lang);
  const prior = c.priorReport;
  return {
    ...c,
    story: mask(c.story),
    expectation: mask(c.expectation),
    address: c.address === null ? null : mask(c.address),
    agency: c.agency === null ? null : mask(c.agency),
    priorReport: {
      ...prior,
      result: prior.result === null ? null : mask(prior.result),
      ...(prior.to === undefined ? {} : { to: mask(prior.to) }),
    },
  };
}
