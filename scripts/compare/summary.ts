// The compare's figures: each side's rounds pooled (round trips per second over all measured seconds, latency
// percentiles over all measured round trips, CPU per round trip over all of them, the highest peak RSS), the ratios
// of the subject to the baseline, and the goal for the plain bot against itself.
import { latencySummary, round } from '../lib/stats.js';
import type { SideRound } from './side-run.js';

/** The plain bot against itself must read within this band (issue 20): the rig's own noise. */
export const SELF_BAND: readonly [number, number] = [0.95, 1.05];

export type SideSummary = ReturnType<typeof summariseSide>;

export function summariseSide(rounds: readonly SideRound[]) {
  const seconds = rounds.reduce((s, r) => s + r.measuredSeconds, 0);
  const trips = rounds.reduce((s, r) => s + r.roundTrips, 0);
  const cpu = rounds.reduce((s, r) => s + r.cpuMs, 0);
  const latency = latencySummary(rounds.flatMap((r) => r.latencies));
  return {
    roundTripsPerSecond: seconds > 0 ? round(trips / seconds, 1) : 0,
    p50Ms: latency.p50,
    p99Ms: latency.p99,
    cpuMsPerRoundTrip: trips > 0 ? round(cpu / trips, 3) : null,
    peakRssMb: round(Math.max(0, ...rounds.map((r) => r.peakRssMb)), 1),
    ticketsFiled: rounds.reduce((s, r) => s + r.ticketsFiled, 0),
    dialoguesCompleted: rounds.reduce((s, r) => s + r.dialoguesCompleted, 0),
    rounds: rounds.map((r) => {
      const l = latencySummary(r.latencies);
      return {
        roundTripsPerSecond: round(r.roundTrips / Math.max(r.measuredSeconds, 0.001), 1),
        roundTrips: r.roundTrips,
        p50Ms: l.p50,
        p99Ms: l.p99,
        cpuMsPerRoundTrip: r.roundTrips > 0 ? round(r.cpuMs / r.roundTrips, 3) : null,
        cpuPercent: round(r.cpuMs / (10 * r.measuredSeconds), 0),
        peakRssMb: round(r.peakRssMb, 1),
        startMs: r.startMs,
        dialoguesCompleted: r.dialoguesCompleted,
        ticketsFiled: r.ticketsFiled,
        surplusReplies: r.surplusReplies,
        errors: r.errors,
        fakeApiCpuPercent: round(r.fakeApiCpuPercent, 0),
        driverCpuPercent: round(r.driverCpuPercent, 0),
      };
    }),
  };
}

export function ratios(subject: SideSummary, baseline: SideSummary) {
  const ratio = (a: number | null, b: number | null) =>
    a === null || b === null || b === 0 ? null : round(a / b, 3);
  return {
    cpuPerRoundTrip: ratio(subject.cpuMsPerRoundTrip, baseline.cpuMsPerRoundTrip),
    roundTripsPerSecond: ratio(subject.roundTripsPerSecond, baseline.roundTripsPerSecond),
    p99DeltaMs:
      subject.p99Ms === null || baseline.p99Ms === null ? null : round(subject.p99Ms - baseline.p99Ms, 2),
  };
}

const within = (x: number | null, [lo, hi]: readonly [number, number]) => x !== null && x >= lo && x <= hi;

/** Issue 20's goals for Aduan against the plain bot in the same run. */
export const GOALS = { cpuPerRoundTrip: 1.5, roundTripsPerSecond: 0.8, p99DeltaMs: 5 } as const;

/** The goals with pass/fail: the self-check only in a --self run, Aduan's three only in a normal run. */
export function goals(self: boolean, r: ReturnType<typeof ratios>) {
  const aduan = (measured: number | null, pass: (x: number) => boolean) => ({
    measured: self ? null : measured,
    pass: self || measured === null ? null : pass(measured),
  });
  return [
    {
      goal: `the plain bot against itself reads ${SELF_BAND[0]}–${SELF_BAND[1]} (round trips/s and CPU per round trip)`,
      measured: self
        ? { roundTripsPerSecond: r.roundTripsPerSecond, cpuPerRoundTrip: r.cpuPerRoundTrip }
        : null,
      pass: self ? within(r.roundTripsPerSecond, SELF_BAND) && within(r.cpuPerRoundTrip, SELF_BAND) : null,
      note: self ? 'plain bot against itself' : 'checked by `npm run compare -- --self`',
    },
    {
      goal: `Aduan's CPU per round trip ≤ ${GOALS.cpuPerRoundTrip}× the plain bot's`,
      ...aduan(r.cpuPerRoundTrip, (x) => x <= GOALS.cpuPerRoundTrip),
    },
    {
      goal: `Aduan's round trips/s ≥ ${GOALS.roundTripsPerSecond}× the plain bot's`,
      ...aduan(r.roundTripsPerSecond, (x) => x >= GOALS.roundTripsPerSecond),
    },
    {
      goal: `Aduan's p99 ≤ the plain bot's + ${GOALS.p99DeltaMs} ms`,
      ...aduan(r.p99DeltaMs, (x) => x <= GOALS.p99DeltaMs),
    },
  ];
}

/** What makes a run an error rather than a result: a side that filed nothing, or a dialogue that went wrong. */
export function problems(name: string, rounds: readonly SideRound[]): string[] {
  const out: string[] = [];
  for (const [i, r] of rounds.entries()) {
    if (r.ticketsFiled === 0) out.push(`${name} round ${i + 1}: no ticket filed`);
    if (r.ticketsFiled !== r.dialoguesCompleted)
      out.push(
        `${name} round ${i + 1}: ${r.ticketsFiled} tickets for ${r.dialoguesCompleted} completed dialogues`,
      );
    for (const [e, n] of Object.entries(r.errors)) out.push(`${name} round ${i + 1}: ${n} × ${e}`);
    if (r.surplusReplies > 0)
      out.push(`${name} round ${i + 1}: ${r.surplusReplies} replies beyond the expected counts`);
    if (r.exitCode !== 0) out.push(`${name} round ${i + 1}: the bot exited with ${r.exitCode}`);
  }
  return out;
}
