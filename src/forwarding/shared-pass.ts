// A queue drainer's pass discipline: one pass at a time (concurrent drain() calls share it), stop() waits for it.
export abstract class SharedPass<R> {
  private running: Promise<R> | null = null;
  /** Set by stop(): a pass checks it between items and claims nothing more. */
  protected stopped = false;

  /** Runs a pass, or joins the one in flight. */
  drain(): Promise<R> {
    if (!this.running) {
      this.running = this.pass().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  /** Claims nothing more and waits for the pass in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
  }

  protected abstract pass(): Promise<R>;
}
