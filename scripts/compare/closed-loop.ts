// The compare's load: `chats` chats, each playing whole dialogues in a closed loop against one bot's webhook. A
// chat sends its next update only when the bot has finished answering the previous one: its reply set is complete
// (reply-set.ts) and the webhook answered 200 (Telegram sends a chat's updates one after the other). A round trip
// lasts from the POST to the later of the two: Aduan's last reply (it answers 200 at its commit and sends after),
// the plain bot's 200 (it replies inside the update, then saves the session). Each dialogue is a new chat id (a new
// citizen); a dialogue that stalls or goes wrong is counted as an error and replaced.
import { Agent } from 'node:http';
import type { Message, Update } from 'telegraf/types';
import { postUpdate } from '../lib/driver.js';
import { nowMs } from '../lib/fake-bot-api.js';
import { type BotKind, type DialogueStep, VARIANTS, asksExpected, dialogue } from './dialogue.js';
import type { SendReport } from './fake-api-process.js';
import { ReplySet } from './reply-set.js';

export type ClosedLoopOptions = {
  kind: BotKind;
  webhookUrl: string;
  secret: string;
  chats: number;
  /** The bot's message count per dialogue step. */
  replyCounts: readonly number[];
  /** A round trip not finished after this long is a stall. */
  stallMs: number;
};

export type RoundTrip = { startedAt: number; endedAt: number };

type Chat = {
  index: number;
  dialogues: number;
  chatId: string;
  firstName: string;
  steps: DialogueStep[];
  step: number;
  set: ReplySet | null;
  postedAt: number;
  okAt: number | null;
  repliedAt: number | null;
};

const CHAT_BASE = 800_000_000;

/** A private chat's text message as Telegram sends it (a leading command marked as a bot_command entity). */
export function textUpdate(
  updateId: number,
  chatId: number,
  firstName: string,
  messageId: number,
  text: string,
): Update.MessageUpdate<Message.TextMessage> {
  const command = /^\/[a-z_]+/i.exec(text)?.[0];
  return {
    update_id: updateId,
    message: {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private', first_name: firstName },
      from: { id: chatId, is_bot: false, first_name: firstName, language_code: 'id' },
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
    },
  };
}

export class ClosedLoop {
  readonly roundTrips: RoundTrip[] = [];
  /** Dialogues whose last step (the ticket number) arrived. */
  dialoguesCompleted = 0;
  readonly errors = new Map<string, number>();
  /** Messages to a chat that expected none (beyond a step's count, or after its dialogue was given up). */
  surplusReplies = 0;
  private readonly chats: Chat[] = [];
  private readonly byChatId = new Map<string, Chat>();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private nextUpdateId = 1;
  private running = false;
  private inFlight = 0;
  private watchdog: NodeJS.Timeout | null = null;

  constructor(private readonly opts: ClosedLoopOptions) {
    if (opts.replyCounts.length !== dialogue(VARIANTS[0]!).length)
      throw new Error('one reply count per dialogue step is needed');
  }

  start(): void {
    this.running = true;
    for (let i = 0; i < this.opts.chats; i++) {
      const chat = this.newDialogue(i, 0);
      this.chats.push(chat);
      this.send(chat);
    }
    this.watchdog = setInterval(() => this.checkStalls(), 500);
  }

  /** Stops sending; resolves once every round trip under way finished or stalled (bounded by the stall time). */
  async stop(): Promise<void> {
    this.running = false;
    const deadline = Date.now() + this.opts.stallMs + 1000;
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (this.watchdog) clearInterval(this.watchdog);
    this.agent.destroy();
  }

  /** The fake Bot API reports a sendMessage. */
  onSend = (m: SendReport): void => {
    const chat = this.byChatId.get(m.chatId);
    const set = chat?.set;
    if (!chat || !set) {
      this.surplusReplies++;
      return;
    }
    const outcome = set.add(m.text, m.at);
    if (outcome === 'surplus') this.surplusReplies++;
    else if (outcome === 'wrong_question')
      this.fail(chat, `${this.opts.kind} step ${chat.step}: another question`);
    else if (outcome === 'complete') {
      chat.repliedAt = m.at;
      this.advance(chat);
    }
  };

  private count(error: string): void {
    this.errors.set(error, (this.errors.get(error) ?? 0) + 1);
  }

  private newDialogue(index: number, dialogues: number): Chat {
    const chatId = CHAT_BASE + index * 100_000 + dialogues;
    const variant = VARIANTS[(index + dialogues) % VARIANTS.length]!;
    const chat: Chat = {
      index,
      dialogues,
      chatId: String(chatId),
      firstName: variant.name.split(' ')[0] ?? 'Warga',
      steps: dialogue(variant),
      step: 0,
      set: null,
      postedAt: 0,
      okAt: null,
      repliedAt: null,
    };
    this.byChatId.set(chat.chatId, chat);
    return chat;
  }

  private send(chat: Chat): void {
    const step = chat.steps[chat.step];
    const expected = this.opts.replyCounts[chat.step];
    if (!step || expected === undefined) return;
    const text = step.say[this.opts.kind];
    const update = textUpdate(this.nextUpdateId++, Number(chat.chatId), chat.firstName, chat.step + 1, text);
    const body = JSON.stringify(update);
    chat.set = new ReplySet(expected, (text) => asksExpected(this.opts.kind, step, text));
    chat.okAt = null;
    chat.repliedAt = null;
    chat.postedAt = nowMs();
    this.inFlight++;
    void postUpdate(this.opts.webhookUrl, this.opts.secret, body, 30_000, this.agent).then((res) => {
      if (chat.set === null) return;
      if (!('status' in res) || res.status !== 200) {
        this.fail(chat, `webhook answered ${'status' in res ? res.status : res.error}`);
        return;
      }
      chat.okAt = nowMs();
      this.advance(chat);
    });
  }

  /** Ends the round trip once both the replies and the 200 are in; then the next step, or a new dialogue. */
  private advance(chat: Chat): void {
    if (chat.okAt === null || chat.repliedAt === null) return;
    this.roundTrips.push({ startedAt: chat.postedAt, endedAt: Math.max(chat.okAt, chat.repliedAt) });
    this.inFlight--;
    chat.set = null;
    chat.step++;
    if (chat.step >= chat.steps.length) {
      this.dialoguesCompleted++;
      this.replace(chat);
      return;
    }
    if (this.running) this.send(chat);
  }

  private fail(chat: Chat, error: string): void {
    if (chat.set === null) return;
    this.count(error);
    this.inFlight--;
    chat.set = null;
    this.replace(chat);
  }

  /** The chat's next dialogue, as a new citizen; the old chat id's late messages count as surplus. */
  private replace(chat: Chat): void {
    this.byChatId.delete(chat.chatId);
    const next = this.newDialogue(chat.index, chat.dialogues + 1);
    this.chats[chat.index] = next;
    if (this.running) this.send(next);
  }

  private checkStalls(): void {
    const now = nowMs();
    for (const chat of this.chats) {
      if (chat.set !== null && now - chat.postedAt > this.opts.stallMs) {
        this.fail(chat, `${this.opts.kind} step ${chat.step}: no complete answer in ${this.opts.stallMs} ms`);
      }
    }
  }
}
