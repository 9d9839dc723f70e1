// What a ticket change does to its deadline clock (pure): which stage it meets, ends, pauses, resumes or opens.
import type { TicketStatus } from '../domain/complaint.js';
import type { DeadlineStage } from '../domain/deadline.js';

/** A change of a ticket, as far as its deadlines care. */
export type ClockChange =
  /** Filed and routed: the agency's verification starts. */
  | { kind: 'filed' }
  /**
   * A status move (an officer's, the citizen's, Aduan's own sweeps; a merge closes with `ditutup`); `message`: the
   * officer wrote to the citizen with it.
   */
  | { kind: 'status'; from: TicketStatus; to: TicketStatus; message?: boolean }
  /** Moved to another agency (dialihkan): its verification starts. */
  | { kind: 'reassigned' }
  /** An officer's message to the citizen. */
  | { kind: 'replied' }
  /** The officer marked a field check: `days` calendar days, for a reason the citizen is told. */
  | { kind: 'field_check'; days: number; reason: string };

/** One thing to do to the clock, in order. `open` ends any stage still open (unmet) first. */
export type ClockStep =
  | { op: 'meet' }
  | { op: 'end' }
  | { op: 'pause' }
  /** Restarts a paused stage, its due date moved on by the days it stood still. */
  | { op: 'resume' }
  /** Starts a stage of the agency's working days, from now. */
  | { op: 'open'; stage: 'verify' | 'answer' }
  /** Starts an answer stage and meets it at once (`selesai` straight from verification: answered with it). */
  | { op: 'open_met'; stage: 'answer' }
  | { op: 'open_field_check'; days: number; reason: string };

/** The ticket's open stage, as far as the rules need it. */
export type OpenClock = { stage: DeadlineStage; paused: boolean } | null;

/**
 * The steps a change takes. Verification is met by the agency's first action (`diverifikasi`, `ditolak`,
 * `dialihkan`, and `diproses` or `selesai` straight away, where it is implied); verification opens the answer stage,
 * which the first officer message or `selesai` meets (a rejection, whose reason the citizen is told, too). The
 * message may come with a status change (not `menunggu_pelapor`: that one is a question): it meets the answer stage
 * after the change's own steps (a verification with a message opens it met). A message while verification still runs
 * meets both: the agency acted, and answered. A move to another agency after verification ends its answer stage
 * unmet: that agency did not answer. `menunggu_pelapor` pauses the open stage and leaving it resumes it; closing,
 * withdrawing and merging end it (closing with a message meets an answer stage instead); `selesai` reopened opens a
 * new answer stage. A field check replaces the open answer stage.
 */
export function clockSteps(change: ClockChange, open: OpenClock): ClockStep[] {
  switch (change.kind) {
    case 'filed':
      return [{ op: 'open', stage: 'verify' }];
    case 'reassigned':
      return [...(open ? [{ op: open.stage === 'verify' ? 'meet' : 'end' } as const] : []), verify];
    case 'replied':
      return replySteps(open);
    case 'field_check':
      return [{ op: 'open_field_check', days: change.days, reason: change.reason }];
    case 'status': {
      const { from, to } = change;
      if (!change.message || to === 'menunggu_pelapor' || to === 'ditolak')
        return statusSteps(from, to, open);
      // Said while closing: the answer first, then the close ends what is left.
      if (to === 'ditutup' || to === 'dicabut') {
        const said = replySteps(open);
        return [...said, ...statusSteps(from, to, after(open, said))];
      }
      const steps = statusSteps(from, to, open);
      const said = replySteps(after(open, steps));
      const last = steps.at(-1);
      // A verification with the message: the answer stage it opens is met at once.
      if (last?.op === 'open' && last.stage === 'answer' && said.length === 1)
        return [...steps.slice(0, -1), { op: 'open_met', stage: 'answer' }];
      return [...steps, ...said];
    }
  }
}

/** An officer's message: meets the answer (or field check); while verification runs, meets it and the answer both. */
function replySteps(open: OpenClock): ClockStep[] {
  if (!open) return [];
  return open.stage === 'verify' ? [{ op: 'meet' }, { op: 'open_met', stage: 'answer' }] : [{ op: 'meet' }];
}

/** The stage open once `steps` ran on `open`. */
function after(open: OpenClock, steps: readonly ClockStep[]): OpenClock {
  let now = open;
  for (const step of steps) {
    if (step.op === 'meet' || step.op === 'end' || step.op === 'open_met') now = null;
    else if (step.op === 'pause' || step.op === 'resume')
      now = now && { ...now, paused: step.op === 'pause' };
    else now = { stage: step.op === 'open' ? step.stage : 'field_check', paused: false };
  }
  return now;
}

const verify = { op: 'open', stage: 'verify' } as const;
const answer = { op: 'open', stage: 'answer' } as const;

function statusSteps(from: TicketStatus, to: TicketStatus, open: OpenClock): ClockStep[] {
  if (to === 'ditutup' || to === 'dicabut') return open ? [{ op: 'end' }] : [];
  if (to === 'menunggu_pelapor') return open && !open.paused ? [{ op: 'pause' }] : [];
  const resumed: ClockStep[] = open?.paused ? [{ op: 'resume' }] : [];
  const verifying = open?.stage === 'verify';
  switch (to) {
    case 'diverifikasi':
      return verifying ? [...resumed, { op: 'meet' }, answer] : resumed;
    case 'diproses':
      if (verifying) return [...resumed, { op: 'meet' }, answer];
      return from === 'selesai' ? [answer] : resumed;
    case 'selesai':
      if (verifying) return [...resumed, { op: 'meet' }, { op: 'open_met', stage: 'answer' }];
      return open ? [...resumed, { op: 'meet' }] : [];
    case 'ditolak':
      return open ? [...resumed, { op: 'meet' }] : [];
    default:
      return resumed;
  }
}
