// The ticket's life as one table: which status may follow which, and which moves need a reason.
import type { TicketStatus } from '../domain/complaint.js';

/**
 * Moves an officer may make. An officer may go from `baru` straight to `diproses` or `selesai` (the verification is
 * then implied); `selesai` may be reopened to `diproses`; `ditutup` and `dicabut` are terminal. The citizen's own
 * `dicabut` is not an officer's move. Merging a duplicate into another ticket (TicketDesk.merge, not a plain move)
 * closes it (`ditutup`, reason `merged`) from any open status.
 */
export const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  baru: ['diverifikasi', 'diproses', 'menunggu_pelapor', 'selesai', 'ditolak'],
  diverifikasi: ['diproses', 'menunggu_pelapor', 'selesai', 'ditolak'],
  diproses: ['menunggu_pelapor', 'selesai', 'ditolak'],
  // Moved to another agency (TicketDesk.reassign, not a plain move): the new agency starts as with a new ticket.
  dialihkan: ['diverifikasi', 'diproses', 'menunggu_pelapor', 'selesai', 'ditolak'],
  // The officer asked the citizen something: their answer (or 10 working days without one) brings it back.
  menunggu_pelapor: ['diproses', 'selesai', 'ditolak'],
  selesai: ['diproses', 'ditutup'],
  ditolak: ['ditutup'],
  ditutup: [],
  dicabut: [],
};

/** Moves that must say why: the citizen is told the reason. */
export const REASON_REQUIRED: ReadonlySet<TicketStatus> = new Set(['ditolak']);

/** Moves that need a message to the citizen: the question they are asked. */
export const MESSAGE_REQUIRED: ReadonlySet<TicketStatus> = new Set(['menunggu_pelapor']);

export function canMove(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses from which a ticket may be moved to another agency. */
export const REASSIGNABLE: ReadonlySet<TicketStatus> = new Set([
  'baru',
  'diverifikasi',
  'diproses',
  'menunggu_pelapor',
  'dialihkan',
]);

/** Still open: a citizen's message may be about it (`ditutup` and `dicabut`, where nothing follows, are not). */
export function isOpen(status: TicketStatus): boolean {
  return TRANSITIONS[status].length > 0;
}

/** Statuses an officer may choose next from `from`. */
export function nextStatuses(from: TicketStatus): readonly TicketStatus[] {
  return TRANSITIONS[from];
}
