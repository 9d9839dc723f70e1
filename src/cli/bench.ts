// `npm run bench`: the runtime's throughput and latency against a plain better-sqlite3 loop; prints one JSON object.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCore } from '../app/core.js';
import { DEFAULT_HEAP_GROWTH_PERCENT, collectOnce, tuneHeap } from '../app/heap-tuning.js';
import { ManualClock, seededIds } from '../clock.js';
import { openDb } from '../storage/db.js';
import { benchInbox } from './bench-inbox.js';
import { benchStatistics } from './bench-statistics.js';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '10000' },
    messages: { type: 'string', default: '5' },
    stored: { type: 'string', default: '100000' },
    synchronous: { type: 'string', default: 'NORMAL' },
    /** Tickets for the officers' inbox figures (0: skip them). */
    'inbox-tickets': { type: 'string', default: '1000000' },
    /** Tickets for the statistics page's figures (0: skip them). */
    'statistics-tickets': { type: 'string', default: '1000000' },
    /** The heap's growth past its live data, as the service runs it (NODE_HEAP_GROWTH_PERCENT; 0: V8's own). */
    'heap-growth': { type: 'string', default: String(DEFAULT_HEAP_GROWTH_PERCENT) },
  },
});
const heapGrowth = Number(values['heap-growth']);
tuneHeap(heapGrowth);
const inboxTickets = Number(values['inbox-tickets']);
const statisticsTickets = Number(values['statistics-tickets']);
const conversations = Number(values.conversations);
const perConversation = Number(values.messages);
const storedTarget = Number(values.stored);
const synchronous = values.synchronous === 'FULL' ? 'FULL' : values.synchronous === 'OFF' ? 'OFF' : 'NORMAL';

const STORIES = [
  'ktp saya blm jadi udh 3 bulan di disdukcapil banjarmasin, katanya blangko habis terus',
  'jalan di depan rumah ulun rusak parah banyak lubang sudah lawas kada diperbaiki, di martapura',
  'air pdam mati sudah 4 hari di banjarbaru, tagihan tetap naik',
  'anak saya ditolak ppdb sma negeri padahal rumah dekat, zonasi tidak jelas',
  'listrik padam tiap malam di kandangan, pln tidak ada pemberitahuan',
  'bantuan pkh ibu saya tidak cair sejak tahun lalu padahal masih terdaftar di dtks',
  'pelayanan puskesmas lambat sekali, antri dari pagi sampai siang belum dipanggil',
];
const SCRIPT = ['halo', 'ya', '', 'selesai', 'ya', 'Jl. Pramuka dekat pasar', 'belum', 'segera diperbaiki'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 50);

const dir = mkdtempSync(join(tmpdir(), 'aduan-bench-'));
try {
  // 1. The runtime: normalization → machine step → one transaction with inbound, snapshot and outbox rows.
  const clock = new ManualClock(Date.parse('2026-11-23T02:00:00Z'));
  const core = buildCore({
    dbPath: join(dir, 'runtime.db'),
    dataDir: dir,
    clock,
    ids: seededIds(7),
    synchronous,
  });
  // As the service does once it has started.
  if (heapGrowth > 0) collectOnce();
  const latencies: number[] = [];
  const total = conversations * perConversation;
  const started = process.hrtime.bigint();
  let n = 0;
  for (let round = 0; round < perConversation; round++) {
    for (let c = 0; c < conversations; c++) {
      const text = SCRIPT[round % SCRIPT.length] || (STORIES[c % STORIES.length] ?? '');
      const t0 = process.hrtime.bigint();
      core.runtime.handle({ channel: 'simulate', chatId: `c${c}`, messageId: `m${c}:${round}`, text });
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      clock.advance(1);
      if (++n % 5000 === 0) sample();
    }
  }
  const runtimeSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  sample();
  const rssAfterRuntime = peakRss;
  // Fill up to the stored-conversation target with idle conversations (copies of a real snapshot).
  const db = core.db;
  const snapshotRow = db
    .prepare('SELECT flow, flow_version, state, snapshot FROM conversations LIMIT 1')
    .get() as { flow: string; flow_version: number; state: string; snapshot: string } | undefined;
  if (snapshotRow) {
    const insert = db.prepare(
      'INSERT INTO conversations (channel, chat_id, flow, flow_version, state, snapshot, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)',
    );
    db.transaction(() => {
      for (let i = conversations; i < storedTarget; i++) {
        insert.run(
          'simulate',
          `idle${i}`,
          snapshotRow.flow,
          snapshotRow.flow_version,
          snapshotRow.state,
          snapshotRow.snapshot,
        );
      }
    })();
  }
  // A second pass over some stored conversations, now that 100k exist: memory must stay flat.
  for (let c = 0; c < Math.min(conversations, 2000); c++) {
    core.runtime.handle({
      channel: 'simulate',
      chatId: `idle${conversations + c}`,
      messageId: `late${c}`,
      text: 'ya',
    });
  }
  sample();
  const storedConversations = Number(db.prepare('SELECT COUNT(*) FROM conversations').pluck().get());
  core.close();

  // 2. The baseline: plain better-sqlite3 writing the same rows, one transaction per message.
  const plain = openDb(join(dir, 'plain.db'), synchronous);
  const ins = plain.prepare(
    `INSERT INTO conversations (channel, chat_id, flow, flow_version, state, snapshot, created_at, updated_at)
     VALUES ('simulate', ?, 'intake', 1, 'new', 'null', 0, 0) ON CONFLICT (channel, chat_id) DO NOTHING`,
  );
  const find = plain.prepare('SELECT id, snapshot FROM conversations WHERE channel = ? AND chat_id = ?');
  const inbound = plain.prepare(
    `INSERT INTO inbound_messages (channel, dedup_key, conversation_id, received_at, kind, body) VALUES ('simulate', ?, ?, 0, 'text', ?)
     ON CONFLICT (channel, dedup_key) DO NOTHING`,
  );
  const out = plain.prepare(
    `INSERT INTO outbox (conversation_id, channel, chat_id, inbound_id, payload, next_attempt_at, created_at) VALUES (?, 'simulate', ?, ?, ?, 0, 0)`,
  );
  const save = plain.prepare('UPDATE conversations SET state = ?, snapshot = ?, updated_at = 0 WHERE id = ?');
  const snapshot = snapshotRow?.snapshot ?? '{}';
  const payload = JSON.stringify({ text: 'Baik, sudah saya catat.', choices: [], expecting: 'story' });
  const step = plain.transaction((chat: string, key: string, text: string) => {
    ins.run(chat);
    const row = find.get('simulate', chat) as { id: number } | undefined;
    if (!row) return;
    const inboundId = inbound.run(key, row.id, JSON.stringify({ text })).lastInsertRowid;
    out.run(row.id, chat, inboundId, payload);
    save.run('story', snapshot, row.id);
  });
  const plainStarted = process.hrtime.bigint();
  for (let round = 0; round < perConversation; round++) {
    for (let c = 0; c < conversations; c++) {
      step(`c${c}`, `m${c}:${round}`, SCRIPT[round % SCRIPT.length] || (STORIES[c % STORIES.length] ?? ''));
    }
  }
  const plainSeconds = Number(process.hrtime.bigint() - plainStarted) / 1e9;
  plain.close();
  sample();

  latencies.sort((a, b) => a - b);
  // 3. The officers' inbox: list and search at the given number of tickets (targets: list p95 ≤ 50 ms, search ≤ 100).
  const inbox = inboxTickets > 0 ? benchInbox(dir, inboxTickets) : null;
  // 4. The statistics page at the given number of tickets (target: the page in ≤ 500 ms).
  const statistics = statisticsTickets > 0 ? await benchStatistics(dir, statisticsTickets) : null;
  const runtimeRate = total / runtimeSeconds;
  const plainRate = total / plainSeconds;
  clearInterval(sampler);
  process.stdout.write(
    `${JSON.stringify(
      {
        messages: total,
        conversations,
        storedConversations,
        synchronous,
        heapGrowthPercent: heapGrowth,
        runtime: {
          messagesPerSecond: Math.round(runtimeRate),
          p50Ms: Number(percentile(latencies, 50).toFixed(3)),
          p99Ms: Number(percentile(latencies, 99).toFixed(3)),
          maxMs: Number((latencies.at(-1) ?? 0).toFixed(3)),
        },
        plainSqlite: { messagesPerSecond: Math.round(plainRate) },
        ratio: Number((runtimeRate / plainRate).toFixed(3)),
        peakRssDuringRuntimeMB: Math.round(rssAfterRuntime / 1048576),
        inbox,
        statistics,
        peakRssMB: Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1048576),
        node: process.version,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
