// The load driver: an open-loop scheduler that offers `rate` update POSTs a second to the service's Telegram webhook,
// each slot given to the next citizen who is ready to speak. Citizens play whole dialogues in their own private chats:
//   - pacing "reply": a citizen speaks only after the bot's reply to its previous message arrived at the fake Bot
//     API, plus think time, and answers the question it actually read (so it follows the flow wherever it goes:
//     a re-asked question, a salvaged conversation after a flow upgrade);
//   - pacing "think": a citizen plays a script recorded beforehand (dry run) and speaks after think time from its
//     previous POST's 200, without waiting for replies: the offered rate does not depend on the send limit.
// A slot with no citizen ready is skipped (counted), never queued: the scheduler does not slow down with the service.
// A POST that fails (connection refused or reset, timeout, 5xx) is retried with backoff until it gets 200, as
// Telegram redelivers; every loop and wait here is bounded in count or time.
import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  type Action,
  Brain,
  ChatUpdates,
  FLOW_UPDATED_MARKER,
  type Persona,
  type Prompt,
  Rng,
  classify,
  isConfirm,
  makePersona,
  plainText,
  ticketIn,
} from './citizen.js';
import type { Script } from './dry-run.js';
import { type SentMessage, nowMs } from './fake-bot-api.js';
import { latencySummary, round } from './stats.js';

export type Pacing = 'reply' | 'think';

export type DriverOptions = {
  /** Offered update POSTs per second. */
  rate: number;
  /** Citizens in dialogue at once; a citizen who finishes is replaced by a new one while admission is open. */
  citizens: number;
  /** Think time range, ms. */
  thinkMs: [number, number];
  pacing: Pacing;
  /** The webhook URL, e.g. http://127.0.0.1:PORT/channels/telegram/webhook. */
  webhookUrl: string;
  secret: string;
  seed: number;
  /** Share of citizens who cancel at the summary instead of filing. */
  cancelShare: number;
  /** First chat id; citizen n chats as chatBase + n. */
  chatBase: number;
  /** Scripts for pacing "think" (citizen n plays scripts[n % length]). */
  scripts?: { persona: Persona; script: Script }[];
  /** Reply pacing: a citizen who waits longer than this for a reply gives up. */
  replyTimeoutMs: number;
  /** A POST still failing this long after its first attempt is given up. */
  retryDeadlineMs: number;
  /** More POSTs than this in flight: the slot is skipped (the driver's own safety limit). */
  maxInFlight: number;
  /** Called with progress lines (stderr). */
  log?: (line: string) => void;
};

export type UpdateRecord = {
  key: string;
  chatId: string;
  updateId: number;
  /** When the scheduler meant to send it (ms, wall clock). */
  slotAt: number;
  firstAttemptAt: number;
  okAt: number | null;
  attempts: number;
  /** The last failure, if any attempt failed. */
  lastError: string | null;
  status: 'pending' | 'ok' | 'failed' | 'rejected';
  confirm: boolean;
  /** text, tap, contact, location or photo. */
  kind: Action['kind'];
};

type End =
  | 'submitted'
  | 'cancelled'
  | 'unknown_prompt'
  | 'no_reply'
  | 'post_failed'
  | 'script_done'
  | 'in_dialogue_at_end';

export class CitizenRun {
  readonly chatId: string;
  readonly updates: ChatUpdates;
  readonly brain: Brain;
  /** Actions waiting to be sent (a story's fragments go out one after the other). */
  pending: Action[] = [];
  /** Script pacing: where in the script the citizen is. */
  scriptAt = 0;
  inFlight = false;
  /** Reply pacing: the last message was acknowledged and the citizen waits for the bot. */
  awaiting = false;
  thinking = false;
  queued = false;
  /** The latest message from the bot (reply pacing). */
  last: SentMessage | null = null;
  freshReply = false;
  /** Texts that a crash may make the bot send twice: the second copy is ignored once. */
  readonly ignoreOnce: string[] = [];
  readonly seenTexts = new Set<string>();
  end: End | null = null;
  startedAt: number;
  endedAt: number | null = null;
  /**
   * Keys of confirm updates offered to the service (acknowledged, or given up on after the service may have committed
   * them), and those a flow upgrade swallowed (re-asked instead).
   */
  readonly confirms: string[] = [];
  readonly swallowed = new Set<string>();
  lastSentKey: string | null = null;
  ticket: string | null = null;
  prompts: Prompt[] = [];
  upgraded = false;
  sentAfterUpgrade = 0;
  noticeSeen = false;
  repeatsIgnored = 0;
  timer: NodeJS.Timeout | null = null;

  constructor(
    readonly index: number,
    chatId: number,
    readonly persona: Persona,
    readonly script: Script | null,
  ) {
    this.chatId = String(chatId);
    this.updates = new ChatUpdates(chatId, persona.name.split(' ')[0] ?? 'Warga');
    this.brain = new Brain(persona);
    this.startedAt = nowMs();
  }

  /**
   * Whether a confirm reached the service (it recorded the update, whether or not its 200 came back in time) and was
   * taken as one (not swallowed by a salvaged conversation).
   */
  confirmedEffectively(recorded: ReadonlySet<string>): boolean {
    return this.confirms.some((k) => recorded.has(k) && !this.swallowed.has(k));
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 1000 });

export type PostResult = { status: number } | { error: string };

/** POSTs one update to a webhook with its secret header; the status, or the error's code. */
export function postUpdate(
  url: string,
  secret: string,
  body: string,
  timeoutMs: number,
  via: Agent = agent,
): Promise<PostResult> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: via,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-telegram-bot-api-secret-token': secret,
        },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('error', (err) => resolve({ error: err.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end(body);
  });
}

const RETRYABLE = new Set([500, 502, 503, 504]);

export class Driver {
  readonly records: UpdateRecord[] = [];
  readonly citizensRun: CitizenRun[] = [];
  private readonly byChat = new Map<string, CitizenRun>();
  private readonly ready: CitizenRun[] = [];
  private readyHead = 0;
  private readonly rng: Rng;
  private nextUpdateId = 1;
  private inFlight = 0;
  private admitting = true;
  private running = false;
  private slotTimer: NodeJS.Timeout | null = null;
  private t0 = 0;
  private issued = 0;
  private lastLog = 0;
  /** Counters for the report. */
  readonly counts = {
    slots: 0,
    slotsNoCitizenReady: 0,
    slotsInFlightLimit: 0,
    postAttempts: 0,
    postRetries: 0,
    repliesReceived: 0,
    repliesForUnknownChats: 0,
    repeatsIgnored: 0,
  };
  readonly errors = new Map<string, number>();
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 2 });
  /** When the load started (ms, wall clock). */
  runStartedAt = 0;
  private runStoppedAt = 0;

  constructor(private readonly opts: DriverOptions) {
    this.rng = new Rng(opts.seed);
  }

  /** The fake Bot API calls this for every sendMessage. */
  onSend = (m: SentMessage): void => {
    this.counts.repliesReceived++;
    const c = this.byChat.get(m.chatId);
    if (!c) {
      this.counts.repliesForUnknownChats++;
      return;
    }
    const plain = plainText(m.text);
    const repeat = c.ignoreOnce.indexOf(plain);
    if (repeat >= 0 && c.seenTexts.has(plain)) {
      c.ignoreOnce.splice(repeat, 1);
      c.repeatsIgnored++;
      this.counts.repeatsIgnored++;
      return;
    }
    c.seenTexts.add(plain);
    if (plain.includes(FLOW_UPDATED_MARKER)) {
      c.noticeSeen = true;
      // The message the citizen just sent answered a question of the old flow: the bot asks again instead.
      if (c.lastSentKey) c.swallowed.add(c.lastSentKey);
    }
    if (c.end || this.opts.pacing !== 'reply') {
      const t = ticketIn(m.text);
      if (t && classify(m.text) === 'submitted') c.ticket = t;
      return;
    }
    c.last = m;
    c.freshReply = true;
    if (c.awaiting && !c.inFlight) this.think(c);
  };

  /** A crash cut off a send to this chat after the platform took it: the bot will send this text again. */
  expectRepeat(chatId: string, text: string): void {
    this.byChat.get(chatId)?.ignoreOnce.push(plainText(text));
  }

  /** Marks citizens whose conversations were rewritten to an older flow version. */
  markUpgraded(chatIds: Iterable<string>): number {
    let n = 0;
    for (const id of chatIds) {
      const c = this.byChat.get(id);
      if (c && !c.end) {
        c.upgraded = true;
        n++;
      }
    }
    return n;
  }

  /** Starts the scheduler and the first citizens. */
  start(): void {
    this.running = true;
    this.t0 = nowMs();
    this.runStartedAt = this.t0;
    this.loopDelay.enable();
    for (let i = 0; i < this.opts.citizens; i++) this.admit();
    this.slotTimer = setInterval(() => this.tick(), 1);
  }

  /** No new citizens from now on; those in a dialogue carry on. */
  closeAdmission(): void {
    this.admitting = false;
  }

  /** Stops offering slots (citizens still mid-dialogue stay where they are). */
  stopScheduler(): void {
    if (this.slotTimer) clearInterval(this.slotTimer);
    this.slotTimer = null;
    this.running = false;
    this.runStoppedAt = nowMs();
    this.loopDelay.disable();
  }

  active(): number {
    return this.citizensRun.filter((c) => !c.end).length;
  }

  inFlightPosts(): number {
    return this.inFlight;
  }

  /** Waits until `cond` holds or `timeoutMs` passes; true when it held. */
  async until(cond: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (cond()) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return cond();
  }

  /** Ends every citizen still in a dialogue (at the very end), so their timers stop. */
  abandonAll(reason: End = 'in_dialogue_at_end'): void {
    for (const c of this.citizensRun) if (!c.end) this.finish(c, reason);
  }

  private admit(): void {
    if (!this.admitting) return;
    const index = this.citizensRun.length;
    const scripts = this.opts.scripts;
    let persona: Persona;
    let script: Script | null = null;
    if (this.opts.pacing === 'think') {
      const s = scripts?.[index % (scripts?.length ?? 1)];
      if (!s) throw new Error('pacing "think" needs scripts');
      persona = s.persona;
      script = s.script;
    } else {
      persona = makePersona(this.rng, { cancelShare: this.opts.cancelShare });
    }
    const c = new CitizenRun(index, this.opts.chatBase + index, persona, script);
    this.citizensRun.push(c);
    this.byChat.set(c.chatId, c);
    c.pending = this.opts.pacing === 'think' ? this.nextScripted(c) : [c.brain.opening()];
    this.enqueue(c);
  }

  private nextScripted(c: CitizenRun): Action[] {
    const a = c.script?.actions[c.scriptAt];
    if (!a) return [];
    c.scriptAt++;
    return [a];
  }

  private enqueue(c: CitizenRun): void {
    if (c.queued || c.end) return;
    c.queued = true;
    this.ready.push(c);
  }

  private thinkMs(): number {
    const [lo, hi] = this.opts.thinkMs;
    return this.rng.int(lo, hi);
  }

  /** Reply pacing: the bot answered; after thinking, the citizen answers what it read last. */
  private think(c: CitizenRun): void {
    if (c.thinking || c.end) return;
    c.thinking = true;
    c.awaiting = false;
    if (c.timer) clearTimeout(c.timer);
    c.timer = setTimeout(() => {
      c.thinking = false;
      c.timer = null;
      if (c.end) return;
      const last = c.last;
      c.freshReply = false;
      if (!last) return;
      const prompt = classify(last.text);
      c.prompts.push(prompt);
      if (prompt === 'submitted') {
        c.ticket = ticketIn(last.text);
        this.finish(c, 'submitted');
        return;
      }
      if (prompt === 'cancelled') {
        this.finish(c, 'cancelled');
        return;
      }
      const answer = c.brain.answer(prompt, last.asksContact ? [] : last.buttons);
      if (!answer || answer.length === 0) {
        // Nothing to answer (yet): a question may follow in another message; otherwise give up.
        this.awaitReply(c, Math.min(10_000, this.opts.replyTimeoutMs), 'unknown_prompt');
        return;
      }
      c.pending = answer;
      this.enqueue(c);
    }, this.thinkMs());
  }

  private awaitReply(c: CitizenRun, timeoutMs: number, reason: End): void {
    c.awaiting = true;
    if (c.timer) clearTimeout(c.timer);
    c.timer = setTimeout(() => {
      c.timer = null;
      if (c.awaiting && !c.end) this.finish(c, reason);
    }, timeoutMs);
  }

  private finish(c: CitizenRun, end: End): void {
    if (c.end) return;
    c.end = end;
    c.endedAt = nowMs();
    c.awaiting = false;
    if (c.timer) clearTimeout(c.timer);
    c.timer = null;
    this.admit();
  }

  private tick(): void {
    if (!this.running) return;
    const now = nowMs();
    // Slot k is due at t0 + k/rate (slot 0 at once).
    const due = Math.floor(((now - this.t0) * this.opts.rate) / 1000) + 1;
    // Bounded: a long pause of the event loop does not release an unbounded burst.
    const burstCap = Math.max(1, Math.ceil(this.opts.rate / 10));
    let n = 0;
    while (this.issued < due && n < burstCap) {
      const slotAt = this.t0 + (this.issued * 1000) / this.opts.rate;
      this.issued++;
      n++;
      this.counts.slots++;
      if (this.inFlight >= this.opts.maxInFlight) {
        this.counts.slotsInFlightLimit++;
        continue;
      }
      const c = this.nextReady();
      if (!c) {
        this.counts.slotsNoCitizenReady++;
        continue;
      }
      void this.send(c, slotAt);
    }
    if (this.issued < due) {
      this.counts.slotsNoCitizenReady += due - this.issued;
      this.issued = due;
    }
    if (this.opts.log && now - this.lastLog > 10_000) {
      this.lastLog = now;
      this.opts.log(
        `t=${round((now - this.runStartedAt) / 1000, 0)}s posts=${this.records.length} ok=${this.records.filter((r) => r.status === 'ok').length} inFlight=${this.inFlight} replies=${this.counts.repliesReceived} active=${this.active()} ready=${this.ready.length - this.readyHead}`,
      );
    }
  }

  private nextReady(): CitizenRun | null {
    while (this.readyHead < this.ready.length) {
      const c = this.ready[this.readyHead++];
      if (this.readyHead > 4096 && this.readyHead * 2 > this.ready.length) {
        this.ready.splice(0, this.readyHead);
        this.readyHead = 0;
      }
      if (!c) continue;
      c.queued = false;
      if (!c.end && !c.inFlight && c.pending.length > 0) return c;
    }
    return null;
  }

  private async send(c: CitizenRun, slotAt: number): Promise<void> {
    const action = c.pending.shift();
    if (!action) return;
    const { update, key } = c.updates.build(action);
    const updateId = this.nextUpdateId++;
    const body = JSON.stringify({ update_id: updateId, ...update });
    const rec: UpdateRecord = {
      key,
      chatId: c.chatId,
      updateId,
      slotAt,
      firstAttemptAt: nowMs(),
      okAt: null,
      attempts: 0,
      lastError: null,
      status: 'pending',
      confirm: isConfirm(action),
      kind: action.kind,
    };
    this.records.push(rec);
    c.inFlight = true;
    c.lastSentKey = key;
    c.freshReply = false;
    if (c.upgraded) c.sentAfterUpgrade++;
    this.inFlight++;
    try {
      await this.deliver(rec, body);
    } finally {
      this.inFlight--;
      c.inFlight = false;
    }
    if (rec.confirm) c.confirms.push(key);
    if (rec.status !== 'ok') {
      this.finish(c, 'post_failed');
      return;
    }
    if (this.opts.pacing === 'think') {
      if (c.pending.length === 0) c.pending = this.nextScripted(c);
      if (c.pending.length === 0) {
        this.finish(c, 'script_done');
        return;
      }
      c.timer = setTimeout(() => this.enqueue(c), this.thinkMs());
      return;
    }
    if (c.pending.length > 0) {
      // The next fragment of a story, typed a moment later (the bot answers only the last one).
      c.timer = setTimeout(() => this.enqueue(c), Math.min(this.thinkMs(), 800));
      return;
    }
    this.awaitReply(c, this.opts.replyTimeoutMs, 'no_reply');
    if (c.freshReply) this.think(c);
  }

  private async deliver(rec: UpdateRecord, body: string): Promise<void> {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      rec.attempts++;
      this.counts.postAttempts++;
      if (attempt > 0) this.counts.postRetries++;
      const res = await postUpdate(this.opts.webhookUrl, this.opts.secret, body, 30_000);
      if ('status' in res && res.status === 200) {
        rec.okAt = nowMs();
        rec.status = 'ok';
        return;
      }
      const what = 'status' in res ? `HTTP ${res.status}` : res.error;
      rec.lastError = what;
      this.errors.set(what, (this.errors.get(what) ?? 0) + 1);
      if ('status' in res && !RETRYABLE.has(res.status)) {
        rec.status = 'rejected';
        return;
      }
      if (nowMs() - rec.firstAttemptAt > this.opts.retryDeadlineMs) break;
      await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** Math.min(attempt, 6))));
    }
    rec.status = 'failed';
  }

  /** The driver's side of the report: rates, POST latencies, failures, citizens' outcomes. */
  summary() {
    const stoppedAt = this.runStoppedAt || nowMs();
    const seconds = (stoppedAt - this.runStartedAt) / 1000;
    const inWindow = this.records.filter((r) => r.slotAt <= stoppedAt);
    const ok = this.records.filter((r) => r.status === 'ok');
    const okInWindow = ok.filter((r) => r.okAt !== null && r.okAt <= stoppedAt);
    const commit = ok.map((r) => (r.okAt ?? 0) - r.slotAt);
    const commitFromAttempt = ok.map((r) => (r.okAt ?? 0) - r.firstAttemptAt);
    const lag = this.records.map((r) => r.firstAttemptAt - r.slotAt);
    const ends: Record<string, number> = {};
    for (const c of this.citizensRun) ends[c.end ?? 'in_dialogue'] = (ends[c.end ?? 'in_dialogue'] ?? 0) + 1;
    // Per 10 s of the run: POSTs scheduled, acknowledged, and POST → 200 p99 of those scheduled in the window.
    const timeline: [number, number, number, number | null][] = [];
    for (let from = this.runStartedAt; from < stoppedAt; from += 10_000) {
      const win = this.records.filter((r) => r.slotAt >= from && r.slotAt < from + 10_000);
      const acked = win.filter((r) => r.okAt !== null);
      timeline.push([
        round((from - this.runStartedAt) / 1000, 0),
        win.length,
        acked.length,
        latencySummary(win.map((r) => (r.okAt === null ? Number.POSITIVE_INFINITY : r.okAt - r.slotAt))).p99,
      ]);
    }
    return {
      seconds: round(seconds, 1),
      offeredRate: this.opts.rate,
      slots: this.counts.slots,
      slotsNoCitizenReady: this.counts.slotsNoCitizenReady,
      slotsInFlightLimit: this.counts.slotsInFlightLimit,
      postsSent: inWindow.length,
      sentRate: round(inWindow.length / Math.max(seconds, 0.001), 1),
      sustainedRate: round(okInWindow.length / Math.max(seconds, 0.001), 1),
      postToOkMs: latencySummary(commit),
      postToOkFromFirstAttemptMs: latencySummary(commitFromAttempt),
      /** POST → 200 by kind of update: a photo waits for getFile and the download from the Bot API first. */
      postToOkMsByKind: Object.fromEntries(
        [...new Set(ok.map((r) => r.kind))]
          .sort()
          .map((k) => [
            k,
            latencySummary(ok.filter((r) => r.kind === k).map((r) => (r.okAt ?? 0) - r.slotAt)),
          ]),
      ),
      schedulerLagMs: latencySummary(lag),
      driverEventLoopDelayMs: {
        p50: round(this.loopDelay.percentile(50) / 1e6),
        p99: round(this.loopDelay.percentile(99) / 1e6),
        max: round(this.loopDelay.max / 1e6),
      },
      updates: {
        total: this.records.length,
        ok: ok.length,
        failed: this.records.filter((r) => r.status === 'failed').length,
        rejected: this.records.filter((r) => r.status === 'rejected').length,
        pending: this.records.filter((r) => r.status === 'pending').length,
        attempts: this.counts.postAttempts,
        retries: this.counts.postRetries,
      },
      errors: Object.fromEntries(this.errors),
      /** [second, POSTs, acknowledged, POST → 200 p99 ms] per 10 s window. */
      timeline,
      citizens: { started: this.citizensRun.length, outcomes: ends },
      replies: {
        received: this.counts.repliesReceived,
        forUnknownChats: this.counts.repliesForUnknownChats,
        repeatsIgnored: this.counts.repeatsIgnored,
      },
    };
  }
}
