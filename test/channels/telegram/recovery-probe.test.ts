// The probe's timing: it waits, doubles its wait after each refusal up to the cap, reports the first refusal of a
// run once, and stops for good on stop().
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecoveryProbe } from '../../../src/channels/telegram/recovery-probe.js';

describe('RecoveryProbe', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks after 1, 2, 4, 4… units, reports the first refusal once, and recovers', async () => {
    const asked: number[] = [];
    let refuse = 4;
    const failures: boolean[] = [];
    let recovered = 0;
    const probe = new RecoveryProbe({
      check: async () => {
        asked.push(Date.now());
        if (refuse-- > 0) throw new Error('502');
      },
      recovered: () => recovered++,
      failed: (_err, first) => failures.push(first),
      backoffMs: { min: 100, max: 400 },
    });
    const t0 = Date.now();
    probe.start();
    probe.start(); // already probing: no second timer
    await vi.advanceTimersByTimeAsync(100 + 200 + 400 + 400 + 400);
    expect(asked.map((t) => t - t0)).toEqual([100, 300, 700, 1100, 1500]);
    expect(failures).toEqual([true, false, false, false]);
    expect(recovered).toBe(1);
    // Recovered: nothing more is asked.
    await vi.advanceTimersByTimeAsync(5000);
    expect(asked).toHaveLength(5);
  });

  it('starts from the shortest wait again after a reset, never after stop, and again once armed', async () => {
    let asked = 0;
    const probe = new RecoveryProbe({
      check: async () => {
        asked++;
        throw new Error('down');
      },
      recovered: () => {},
      failed: () => {},
      backoffMs: { min: 100, max: 1000 },
    });
    probe.start();
    await vi.advanceTimersByTimeAsync(100 + 200);
    expect(asked).toBe(2);
    probe.reset();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(asked).toBe(2);
    probe.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(asked).toBe(3);
    probe.stop();
    probe.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(asked).toBe(3);
    // Armed again (the channel restarted): it probes again.
    probe.arm();
    probe.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(asked).toBe(4);
  });
});
