// Brings a failing webhook-mode channel back: asks Telegram again with a growing wait until it answers. Nothing else
// would: the sender sends nothing through a channel that is not connected, and only a send that worked, or a
// getUpdates that answered (polling mode), used to mark it connected again.

/** How long the probe waits before each try: from `min`, doubling up to `max`. */
export type ProbeBackoff = { min: number; max: number };

const DEFAULT_BACKOFF: ProbeBackoff = { min: 1_000, max: 30_000 };

export type RecoveryProbeOptions = {
  /** Resolves when Telegram answered as it should; rejects (with why) when not yet. */
  check(): Promise<void>;
  /** Telegram answered: the channel is connected again. */
  recovered(): void;
  /** A try failed; `first` is true for the first failure of a run of them (log it once, not every try). */
  failed(err: unknown, first: boolean): void;
  backoffMs?: ProbeBackoff;
};

export class RecoveryProbe {
  private timer: NodeJS.Timeout | null = null;
  private readonly backoff: ProbeBackoff;
  private waitMs: number;
  private tries = 0;
  private stopped = false;

  constructor(private readonly opts: RecoveryProbeOptions) {
    this.backoff = opts.backoffMs ?? DEFAULT_BACKOFF;
    this.waitMs = this.backoff.min;
  }

  /** Starts probing, unless it already is (or was stopped). */
  start(): void {
    if (this.timer !== null || this.stopped) return;
    this.timer = setTimeout(() => void this.tryOnce(), this.waitMs);
    // A probe never keeps the process alive.
    this.timer.unref();
  }

  /** The channel is connected by other means (a send worked): the next run starts from the shortest wait. */
  reset(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.waitMs = this.backoff.min;
    this.tries = 0;
  }

  /** The channel stopped: no probe runs until `arm` (a stopped channel's late send failures start none). */
  stop(): void {
    this.reset();
    this.stopped = true;
  }

  /** The channel (re)started: probes may run again. */
  arm(): void {
    this.stopped = false;
  }

  private async tryOnce(): Promise<void> {
    try {
      await this.opts.check();
    } catch (err) {
      if (this.stopped || this.timer === null) return;
      this.opts.failed(err, this.tries === 0);
      this.tries++;
      this.timer = null;
      this.waitMs = Math.min(this.backoff.max, this.waitMs * 2);
      this.start();
      return;
    }
    // Reset or stopped while the check ran: whoever did that decides the state.
    if (this.stopped || this.timer === null) return;
    this.reset();
    this.opts.recovered();
  }
}
