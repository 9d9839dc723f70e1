// Runs each chat's work strictly in order (one chat's messages never overtake each other), chats in parallel.
export class ChatQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every task queued earlier for `chatId`; its result or error is returned to the caller. */
  run<T>(chatId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(chatId) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(chatId, tail);
    void tail.then(() => {
      if (this.tails.get(chatId) === tail) this.tails.delete(chatId);
    });
    return result;
  }

  /** Resolves once everything queued so far has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
