// Numbered choices stand in for buttons: a bare "2" after a numbered list becomes that choice's id (as a tap would).

/** A reply that is only a number, as people type it: "2", " 2 ", "2.", "(2)". */
const BARE_NUMBER = /^\(?\s*([0-9]{1,2})\s*[.)]?$/;

export class ChoiceReplies {
  private readonly lastChoices = new Map<string, string[]>();

  constructor(private readonly maxChats = 50_000) {}

  /** Records what the chat was last shown (an empty list clears it). */
  shown(chatId: string, choiceIds: string[]): void {
    this.lastChoices.delete(chatId);
    if (choiceIds.length === 0) return;
    this.lastChoices.set(chatId, choiceIds);
    while (this.lastChoices.size > this.maxChats) {
      const oldest = this.lastChoices.keys().next();
      if (oldest.done) break;
      this.lastChoices.delete(oldest.value);
    }
  }

  /** The choice id a bare number stands for, or the text unchanged. */
  translate(chatId: string, text: string): string {
    const ids = this.lastChoices.get(chatId);
    const match = ids ? BARE_NUMBER.exec(text.trim()) : null;
    if (!ids || !match) return text;
    const picked = ids[Number(match[1]) - 1];
    return picked ?? text;
  }
}
