// Time and randomness are injected: the system ones in production, controllable ones in tests and the simulator.
import { randomBytes, randomInt } from 'node:crypto';

export type Clock = { now(): number };

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told: tests and `npm run simulate`. */
export class ManualClock implements Clock {
  constructor(private at: number) {}
  now(): number {
    return this.at;
  }
  advance(ms: number): void {
    this.at += ms;
  }
  set(at: number): void {
    this.at = at;
  }
}

export type Ids = {
  /** A uniform integer in [0, n). */
  random(n: number): number;
  /** A unique opaque id (attachments, web sessions). */
  id(): string;
};

export const cryptoIds: Ids = {
  random: (n) => randomInt(n),
  id: () => randomBytes(16).toString('hex'),
};

/** Deterministic ids for tests: the same seed gives the same sequence. */
export function seededIds(seed: number): Ids {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let counter = 0;
  return {
    random: (n) => Math.floor(next() * n),
    id: () => `id${String(++counter).padStart(6, '0')}`,
  };
}
