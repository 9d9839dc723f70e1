// Officers: who may act on tickets in Aduan, with which role, for which agencies.
import { z } from 'zod';

/** `integration`: an Open311 client's account (its API key reads and files tickets); it never signs in. */
export const OfficerRole = z.enum(['admin', 'supervisor', 'officer', 'integration']);
export type OfficerRole = z.infer<typeof OfficerRole>;

export type Officer = {
  id: number;
  username: string;
  name: string | null;
  role: OfficerRole;
  /** The directory's agency ids the account belongs to (an officer's agencies; a supervisor's coordinator). */
  agencies: string[];
  disabled: boolean;
};

/**
 * Which tickets an account may see, as the queries apply it: every ticket (admin, Ombudsman), the tickets routed to
 * some agencies (officer), or the tickets of some kab/kota (a pemda's complaint coordinator).
 */
export type TicketScope =
  | { kind: 'all' }
  | { kind: 'agencies'; agencyIds: readonly string[] }
  | { kind: 'kabkota'; codes: readonly string[] };
