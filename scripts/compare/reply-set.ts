// When a bot has finished answering one update: the rule the compare driver uses to end a round trip.
//
// Each bot's reply count per step of the dialogue is known beforehand (Aduan's from a dry run of the same dialogue
// through its runtime, the plain bot's by construction: one message per step). A reply set is complete when that
// many messages arrived for the chat, and the last of them must be the question the step expects (a bot sends its
// notices first and its question last); a message beyond the count is a surplus. No quiet gap is waited for, so the
// measured latency is the bots' own.

export type ReplyOutcome = 'waiting' | 'complete' | 'wrong_question' | 'surplus';

export class ReplySet {
  private received = 0;
  /** When the last message of the set arrived (ms, wall clock, stamped by the fake Bot API). */
  lastAt: number | null = null;

  constructor(
    readonly expectedCount: number,
    private readonly isExpectedQuestion: (text: string) => boolean,
  ) {
    if (!Number.isInteger(expectedCount) || expectedCount < 1)
      throw new Error(`a reply set needs at least one message (got ${expectedCount})`);
  }

  get count(): number {
    return this.received;
  }

  /** One message arrived for the chat. */
  add(text: string, at: number): ReplyOutcome {
    if (this.received >= this.expectedCount) return 'surplus';
    this.received++;
    this.lastAt = at;
    if (this.received < this.expectedCount) return 'waiting';
    return this.isExpectedQuestion(text) ? 'complete' : 'wrong_question';
  }
}
