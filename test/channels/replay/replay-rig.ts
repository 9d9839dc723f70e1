// The replay rig: the real service (buildService, both platform channels on, webhook mode) behind its own loopback
// HTTP server (the service does not expose its hono app), fed webhook bodies byte for byte, with the fake Bot API
// and the fake Graph API recording what the citizen receives. One fresh service and in-memory store per case: that
// is the answer to the payloads' shared message ids. The clock is pinned a minute after the body's latest
// timestamp (WhatsApp's 24-hour window open) and then runs with real time (album timers, send limits).
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { loadConfig } from '../../../src/app/config.js';
import { type Service, buildService } from '../../../src/app/service.js';
import type { Clock } from '../../../src/clock.js';
import { t } from '../../../src/i18n/locales.js';
import { FakeGraphApi } from '../../fakes/graph-api.js';
import { FakeTelegram } from '../../fakes/telegram-bot-api.js';
import { type Expect, type Http, type Platform, type Row, rowOf } from './expectations.js';

export const TG_SECRET = 'replay_secret-2026';
export const WA_SECRET = 'replay-app-secret-kalsel';
export const WA_TOKEN = 'EAAG-replay-access-token';
export const WA_VERIFY = 'replay-verify-token';
/** The number configured when a file's own `phone_number_id` is a placeholder (PHONE_NUMBER_ID, REDACTED). */
export const DEFAULT_PHONE_NUMBER_ID = '385162947710326';
/** Monday 23 November 2026, 10:00 WITA: the clock of bodies that carry no usable time. */
export const T0 = Date.parse('2026-11-23T02:00:00Z');
/** The Telegram channel's album quiet time is 800 ms (not configurable through the environment): wait past it. */
const ALBUM_SETTLE_MS = 1100;

// biome-ignore lint/suspicious/noExplicitAny: webhook bodies are arbitrary JSON read from files
type Json = any;

/** One webhook body as it will be posted. */
export type Payload = {
  file: string;
  platform: Platform;
  /** Exactly the bytes posted (and, for WhatsApp, signed). */
  bytes: Uint8Array<ArrayBuffer>;
  json: Json;
  /** WhatsApp: the number the service is configured with for this body. */
  phoneNumberId: string | null;
  /** WhatsApp: the file's placeholder phone_number_id was rewritten to DEFAULT_PHONE_NUMBER_ID. */
  rewrotePhoneNumberId: boolean;
  /** The latest platform timestamp in the body (ms), null when there is none worth pinning the clock to. */
  latestAt: number | null;
  /** A Telegram album part: the channel buffers it and answers after its quiet time. */
  albumPart: boolean;
};

const PLACEHOLDER_PNID = /("phone_number_id"\s*:\s*")([^"]*)(")/g;
const DIGITS = /^[0-9]{5,30}$/;
/** Timestamps before 2013 are placeholders (0, 1) rather than real times. */
const PLAUSIBLE = Date.parse('2013-01-01T00:00:00Z');

/**
 * Reads a body. WhatsApp: a `phone_number_id` made of digits is configured as it is; a placeholder one
 * (`PHONE_NUMBER_ID`, `REDACTED`) cannot be configured (the setting takes digits only), so it is REWRITTEN in the
 * bytes to DEFAULT_PHONE_NUMBER_ID (only that value; the rest of the body is posted unchanged, then signed).
 */
export function loadPayload(path: string, platform: Platform): Payload {
  let text = readFileSync(path, 'utf8');
  let phoneNumberId: string | null = null;
  let rewrote = false;
  if (platform === 'wacloud') {
    text = text.replace(PLACEHOLDER_PNID, (whole, open: string, id: string, close: string) => {
      if (DIGITS.test(id)) {
        phoneNumberId ??= id;
        return whole;
      }
      rewrote = true;
      return `${open}${DEFAULT_PHONE_NUMBER_ID}${close}`;
    });
    phoneNumberId ??= DEFAULT_PHONE_NUMBER_ID;
  }
  const bytes = new Uint8Array(rewrote ? Buffer.from(text, 'utf8') : readFileSync(path));
  const json: Json = JSON.parse(text);
  return {
    file: basename(path),
    platform,
    bytes,
    json,
    phoneNumberId,
    rewrotePhoneNumberId: rewrote,
    latestAt: latestTime(json, platform),
    albumPart: platform === 'telegram' && typeof json?.message?.media_group_id === 'string',
  };
}

function latestTime(json: Json, platform: Platform): number | null {
  const times: number[] = [];
  walk(json, (key, value) => {
    const isTime = platform === 'telegram' ? key === 'date' || key === 'edit_date' : key === 'timestamp';
    if (!isTime) return;
    const n = Number(value) * 1000;
    if (Number.isFinite(n) && n >= PLAUSIBLE) times.push(n);
  });
  return times.length > 0 ? Math.max(...times) : null;
}

function walk(node: Json, visit: (key: string, value: Json, parent: Json) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    visit(key, value, node);
    walk(value, visit);
  }
}

/** Bytes that look like the file a platform would serve (magic numbers by mime type). */
function fileBytes(mime: string, marker: string): Uint8Array {
  const tail = Buffer.from(`replay:${marker}`, 'utf8');
  const head = (() => {
    if (mime === 'image/jpeg') return [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46];
    if (mime === 'image/png') return [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    if (mime === 'image/webp') return [...Buffer.from('RIFF'), 0x24, 0, 0, 0, ...Buffer.from('WEBPVP8 ')];
    if (mime === 'image/gif') return [...Buffer.from('GIF89a')];
    if (mime === 'application/pdf') return [...Buffer.from('%PDF-1.4\n')];
    if (mime === 'application/zip') return [0x50, 0x4b, 0x03, 0x04];
    if (mime === 'application/x-tgsticker') return [0x1f, 0x8b, 0x08, 0x00];
    if (mime.startsWith('audio/ogg')) return [...Buffer.from('OggS'), 0x00, 0x02];
    if (mime === 'audio/mpeg') return [...Buffer.from('ID3'), 0x04, 0x00];
    if (mime === 'video/webm') return [0x1a, 0x45, 0xdf, 0xa3];
    if (mime.startsWith('video/')) return [0x00, 0x00, 0x00, 0x18, ...Buffer.from('ftypmp42')];
    return [...Buffer.from('data')];
  })();
  return new Uint8Array([...head, ...tail]);
}

/** As the platform would hand it out: `image\/jpeg` (escaped slash as pasted) → image/jpeg, parameters dropped. */
const cleanMime = (mime: unknown, fallback: string) =>
  typeof mime === 'string' && mime.trim() !== ''
    ? (mime.replace(/\\/g, '').split(';')[0] ?? fallback).trim().toLowerCase()
    : fallback;

const TG_FILE_DEFAULTS: Record<string, string> = {
  photo: 'image/jpeg',
  thumbnail: 'image/jpeg',
  thumb: 'image/jpeg',
  document: 'application/octet-stream',
  animation: 'video/mp4',
  video: 'video/mp4',
  video_note: 'video/mp4',
  voice: 'audio/ogg',
  audio: 'audio/mpeg',
};

/** Every file id in a Telegram update, with what the Bot API would serve for it (thumbnails first, then files). */
function telegramFiles(json: Json): Map<string, Uint8Array> {
  const found: { id: string; mime: string; thumb: boolean }[] = [];
  const visitFile = (key: string, value: Json) => {
    if (typeof value !== 'object' || value === null) return;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (typeof item?.file_id !== 'string') continue;
      let mime = cleanMime(item.mime_type, TG_FILE_DEFAULTS[key] ?? 'application/octet-stream');
      if (key === 'sticker') {
        mime = item.is_video ? 'video/webm' : item.is_animated ? 'application/x-tgsticker' : 'image/webp';
      }
      found.push({ id: item.file_id, mime, thumb: key === 'thumbnail' || key === 'thumb' });
    }
  };
  walk(json, (key, value) => visitFile(key, value));
  const files = new Map<string, Uint8Array>();
  for (const f of [...found.filter((x) => x.thumb), ...found.filter((x) => !x.thumb)]) {
    files.set(f.id, fileBytes(f.mime, f.id));
  }
  return files;
}

const WA_MEDIA = ['image', 'video', 'audio', 'voice', 'document', 'sticker'] as const;

/** Every media object of a WhatsApp body (also inside an `edit`), with its id and mime type. */
function whatsappMedia(json: Json): { id: string; mime: string }[] {
  const media: { id: string; mime: string }[] = [];
  walk(json, (key, value) => {
    if (!(WA_MEDIA as readonly string[]).includes(key)) return;
    if (typeof value?.id !== 'string') return;
    media.push({ id: value.id, mime: cleanMime(value.mime_type, 'application/octet-stream') });
  });
  return media;
}

/** What the citizen received: one sendMessage call, or one POST /<phone-number-id>/messages. */
export type Outgoing = {
  to: string;
  text: string;
  /** WhatsApp: a template (the 24-hour window looked closed). */
  template: boolean;
  /** WhatsApp: the phone number id in the send URL. */
  phoneNumberId?: string;
};

export type Posted = { file: string; status: number; sent: Outgoing[] };

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const plain = (html: string) =>
  html.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** A clock pinned at `base` that moves on with real time (album timers and send limits still run for real). */
class PinnedClock implements Clock {
  private readonly started = Date.now();
  constructor(private readonly base: number) {}
  now(): number {
    return this.base + (Date.now() - this.started);
  }
}

/** The fakes shared by every service of one test file (their records are read past a mark, never reset). */
export class ReplayRig {
  private n = 0;

  private constructor(
    readonly tg: FakeTelegram,
    readonly graph: FakeGraphApi,
    readonly dir: string,
  ) {}

  static async start(): Promise<ReplayRig> {
    const tg = await new FakeTelegram().start();
    const graph = await FakeGraphApi.start({ token: WA_TOKEN });
    return new ReplayRig(tg, graph, mkdtempSync(join(tmpdir(), 'aduan-replay-')));
  }

  /** A fresh service (in-memory store) for these bodies: clock, phone number id and files set up from them. */
  async service(payloads: Payload[]): Promise<ReplayService> {
    const phoneNumberIds = [...new Set(payloads.flatMap((p) => (p.phoneNumberId ? [p.phoneNumberId] : [])))];
    if (phoneNumberIds.length > 1)
      throw new Error(`one service, several numbers: ${phoneNumberIds.join(', ')}`);
    for (const p of payloads) {
      if (p.platform === 'telegram') {
        for (const [id, data] of telegramFiles(p.json)) this.tg.addFile(id, data, `files/${id}`);
      } else {
        for (const m of whatsappMedia(p.json)) this.graph.addMedia(m.id, fileBytes(m.mime, m.id), m.mime);
      }
    }
    const times = payloads.flatMap((p) => (p.latestAt === null ? [] : [p.latestAt]));
    // A minute after the latest message: the WhatsApp 24-hour window is open, the message is not "from the future".
    const base = times.length > 0 ? Math.max(...times) + 60_000 : T0;
    const svc = new ReplayService(this, join(this.dir, `svc-${++this.n}`), phoneNumberIds[0], base);
    await svc.start();
    return svc;
  }

  async close(): Promise<void> {
    await Promise.all([this.tg.close(), this.graph.close()]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export class ReplayService {
  readonly logs: string[] = [];
  readonly phoneNumberId: string;
  private readonly service: Service;
  private tgMark = 0;
  private downloadMark = 0;

  constructor(
    private readonly rig: ReplayRig,
    dataDir: string,
    phoneNumberId: string | undefined,
    base: number,
  ) {
    this.phoneNumberId = phoneNumberId ?? DEFAULT_PHONE_NUMBER_ID;
    const loaded = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      LINK_SECRET: 'replay-link-secret-0123456789-abcdefghij',
      TELEGRAM_BOT_TOKEN: rig.tg.token,
      TELEGRAM_API_ROOT: rig.tg.apiRoot,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      WACLOUD_PHONE_NUMBER_ID: this.phoneNumberId,
      WACLOUD_ACCESS_TOKEN: WA_TOKEN,
      WACLOUD_APP_SECRET: WA_SECRET,
      WACLOUD_VERIFY_TOKEN: WA_VERIFY,
      WACLOUD_GRAPH_URL: rig.graph.url,
      WACLOUD_TEMPLATE_NAME: 'aduan_update',
      WACLOUD_TEMPLATE_LANG: 'id',
    });
    if (loaded.channels.problems.length > 0) {
      throw new Error(`replay config: ${JSON.stringify(loaded.channels.problems)}`);
    }
    // Warnings and errors are kept: they explain a failing case.
    const log = pino(
      { level: 'warn' },
      {
        write: (line: string) => {
          this.logs.push(line.trim());
        },
      },
    );
    this.service = buildService({
      config: { ...loaded, dbPath: ':memory:' },
      log,
      clock: new PinnedClock(base),
    });
  }

  private get base(): string {
    return `http://127.0.0.1:${this.service.port}`;
  }

  async start(): Promise<void> {
    await this.service.start();
    // Both channels connected (the Telegram one after getMe) before anything is posted.
    for (let i = 0; i < 200; i++) {
      const ready = await this.readiness();
      if (ready.channels.telegram === 'connected' && ready.channels.wacloud === 'connected') break;
      await sleep(10);
    }
    this.rig.graph.takeSent();
    this.tgMark = this.rig.tg.calls.length;
    this.takeDownloads();
  }

  private async readiness(): Promise<{ ok: boolean; status: number; channels: Record<string, string> }> {
    const res = await fetch(`${this.base}/readyz`);
    const body = (await res.json()) as { ok?: boolean; channels?: Record<string, string> };
    return { ok: body.ok === true, status: res.status, channels: body.channels ?? {} };
  }

  /** The service still answers and is ready (nothing crashed it). */
  async healthy(): Promise<boolean> {
    try {
      const r = await this.readiness();
      return r.status === 200 && r.ok;
    } catch {
      return false;
    }
  }

  /** Messages committed as received (the deduplication table). */
  committed(): number {
    return Number(this.service.db.prepare('SELECT COUNT(*) FROM inbound_messages').pluck().get());
  }

  private outboxRows(): number {
    return Number(this.service.db.prepare('SELECT COUNT(*) FROM outbox').pluck().get());
  }

  /** Posts the bytes through the real route (signed for WhatsApp) and returns the HTTP status. */
  async postOnly(p: Payload): Promise<number> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    let path: string;
    if (p.platform === 'telegram') {
      path = '/channels/telegram/webhook';
      headers['x-telegram-bot-api-secret-token'] = TG_SECRET;
    } else {
      path = '/channels/wacloud/webhook';
      headers['x-hub-signature-256'] =
        `sha256=${createHmac('sha256', WA_SECRET).update(p.bytes).digest('hex')}`;
    }
    const res = await fetch(`${this.base}${path}`, { method: 'POST', headers, body: p.bytes });
    await res.arrayBuffer();
    return res.status;
  }

  /**
   * Waits until the service is quiet: the outbox drained, the album buffer flushed (when an album part was
   * posted), and nothing new committed, queued or sent between two looks.
   */
  async settle(albumPart: boolean): Promise<void> {
    await this.service.sender.drain();
    if (albumPart) await sleep(ALBUM_SETTLE_MS);
    const look = () =>
      `${this.committed()}/${this.outboxRows()}/${this.rig.tg.calls.length}/${this.rig.graph.sent.length}`;
    let before = look();
    for (let i = 0; i < 40; i++) {
      await sleep(i === 0 ? 10 : 25);
      await this.service.sender.drain();
      const now = look();
      if (now === before) return;
      before = now;
    }
  }

  /** Files fetched from the platforms since the last call (Telegram getFile, Graph API media lookups). */
  takeDownloads(): number {
    const all =
      this.rig.tg.calls.filter((c) => c.method === 'getFile').length + this.rig.graph.mediaRequests.length;
    const fresh = all - this.downloadMark;
    this.downloadMark = all;
    return fresh;
  }

  /** What reached citizens since the last call. */
  takeSent(): Outgoing[] {
    const tg = this.rig.tg.calls.slice(this.tgMark).filter((c) => c.method === 'sendMessage');
    this.tgMark = this.rig.tg.calls.length;
    const out: Outgoing[] = tg.map((c) => ({
      to: String(c.body.chat_id),
      text: plain(String(c.body.text ?? '')),
      template: false,
    }));
    for (const s of this.rig.graph.takeSent()) {
      const b = s.body;
      const text =
        b.type === 'text'
          ? String(b.text?.body ?? '')
          : b.type === 'interactive'
            ? String(b.interactive?.body?.text ?? '')
            : b.type === 'template'
              ? `[template ${b.template?.name}]`
              : `[${b.type}]`;
      out.push({ to: String(b.to), text, template: b.type === 'template', phoneNumberId: s.phoneNumberId });
    }
    return out;
  }

  async stop(): Promise<void> {
    await this.service.stop();
  }
}

/** One round of a step: the bodies posted one after the other, then what the citizens received. */
export type Round = { statuses: number[]; sent: Outgoing[]; downloads: number };

/** A step: bodies posted back to back (an album's parts), then the service settles. Posted twice in all. */
export type StepResult = { files: string[]; row: Row; first: Round; second: Round; committed: number };

export async function runStep(
  svc: ReplayService,
  payloads: Payload[],
): Promise<{ first: Round; second: Round }> {
  const round = async (): Promise<Round> => {
    const statuses: number[] = [];
    for (const p of payloads) statuses.push(await svc.postOnly(p));
    await svc.settle(payloads.some((p) => p.albumPart));
    return { statuses, sent: svc.takeSent(), downloads: svc.takeDownloads() };
  };
  const first = await round();
  const second = await round();
  return { first, second };
}

const NOTICES = {
  unsupported: new Set([t('id', 'channel.unsupported'), t('en', 'channel.unsupported')]),
  privateOnly: new Set([t('id', 'channel.private_only'), t('en', 'channel.private_only')]),
};

const isNotice = (o: Outgoing, which: keyof typeof NOTICES) => NOTICES[which].has(o.text.trim());

const statusOk = (http: Http, s: number) => (http === '2xx' ? s >= 200 && s < 300 : s < 500);

/** What is wrong with a step's outcome against its row of the table (empty: as expected). */
export function judge(
  r: StepResult,
  opts: { phoneNumberId?: string; healthy: boolean; errors: string[] },
): string[] {
  const problems: string[] = [];
  const { row, first, second } = r;
  const expect: Expect = row.expect;
  for (const [i, s] of [...first.statuses, ...second.statuses].entries()) {
    if (!statusOk(row.http, s)) problems.push(`POST ${i + 1} answered ${s}, expected ${row.http}`);
  }
  const sent = first.sent;
  switch (expect) {
    case 'reply': {
      const least = row.repliesAtLeast ?? 1;
      if (sent.length < least) problems.push(`expected a reply (≥${least} message), got ${sent.length}`);
      if (sent.some((o) => isNotice(o, 'unsupported')))
        problems.push('the reply is the "can\'t read" notice');
      if (sent.some((o) => o.template))
        problems.push('a template went out: the 24-hour window looked closed');
      break;
    }
    case 'notice':
      if (sent.length !== 1 || !sent.every((o) => isNotice(o, 'unsupported')))
        problems.push(
          `expected exactly the "can't read this yet" notice once, got ${sent.length} message(s)`,
        );
      break;
    case 'group-notice':
      if (sent.length > 1) problems.push(`expected at most one "write to me privately", got ${sent.length}`);
      if (sent.some((o) => !isNotice(o, 'privateOnly'))) problems.push('a group got something else');
      break;
    case 'none':
      if (sent.length > 0) problems.push(`expected no message, got ${sent.length}`);
      break;
  }
  if (second.sent.length > 0) problems.push(`the second POST sent ${second.sent.length} more message(s)`);
  if (second.downloads > 0) problems.push(`the second POST fetched ${second.downloads} file(s) again`);
  if (row.committed !== undefined && r.committed !== row.committed) {
    problems.push(`expected ${row.committed} message(s) committed, got ${r.committed}`);
  }
  if (opts.phoneNumberId) {
    const wrong = [...first.sent, ...second.sent].filter(
      (o) => o.phoneNumberId !== undefined && o.phoneNumberId !== opts.phoneNumberId,
    );
    if (wrong.length > 0) problems.push(`sent from another number: ${wrong[0]?.phoneNumberId}`);
  }
  if (!opts.healthy) problems.push('the service is not healthy afterwards');
  for (const e of opts.errors) problems.push(`logged an error: ${e.slice(0, 200)}`);
  return problems;
}

/** A pino line at level error (50) or fatal (60): something failed inside the service. */
const isError = (line: string) => {
  try {
    return Number((JSON.parse(line) as { level?: number }).level) >= 50;
  } catch {
    return true;
  }
};

const short = (o: Outgoing) => JSON.stringify(o.text.replace(/\s+/g, ' ').slice(0, 60));

/** One line: what happened, for the failure message and the report. */
export function describeStep(r: StepResult): string {
  const round = (x: Round) =>
    `${x.statuses.join('+')} → ${x.sent.length} msg${x.sent.length === 1 ? '' : 's'}${
      x.sent.length ? ` [${x.sent.map(short).join(', ')}]` : ''
    }`;
  return `${r.files.join(' + ')} (${r.row.kind}; expected ${r.row.expect}, ${r.row.http}): 1st ${round(
    r.first,
  )}; 2nd ${round(r.second)}`;
}

/** Replays one file on a fresh service and returns its problems and a one-line account. */
export async function replayFile(
  rig: ReplayRig,
  p: Payload,
  kind: string,
): Promise<{ problems: string[]; account: string; logs: string[] }> {
  return replaySteps(rig, [{ payloads: [p], kind }]);
}

/** Steps in order on ONE fresh service (a sequence: an album then a late part, a number change then a message). */
export async function replaySteps(
  rig: ReplayRig,
  steps: { payloads: Payload[]; kind: string }[],
): Promise<{ problems: string[]; account: string; logs: string[] }> {
  const all = steps.flatMap((s) => s.payloads);
  const svc = await rig.service(all);
  const problems: string[] = [];
  const accounts: string[] = [];
  try {
    for (const step of steps) {
      const logged = svc.logs.length;
      const platform = step.payloads[0]?.platform ?? 'telegram';
      const row = rowOf(platform, step.kind);
      const { first, second } = await runStep(svc, step.payloads);
      const result: StepResult = {
        files: step.payloads.map((p) => p.file),
        row,
        first,
        second,
        committed: svc.committed(),
      };
      const found = judge(result, {
        phoneNumberId: platform === 'wacloud' ? svc.phoneNumberId : undefined,
        healthy: await svc.healthy(),
        errors: svc.logs.slice(logged).filter(isError),
      });
      problems.push(...found.map((f) => `${result.files.join(' + ')}: ${f}`));
      accounts.push(describeStep(result));
    }
  } finally {
    await svc.stop();
  }
  // REPLAY_VERBOSE=1 prints every case's account, passing or not (for notes on what the service does).
  if (process.env.REPLAY_VERBOSE) console.log(accounts.join('\n'));
  return { problems, account: accounts.join('\n'), logs: svc.logs };
}
