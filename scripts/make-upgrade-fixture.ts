// `npm run fixture:upgrade -- --previous /tmp/v010 [--out test/fixtures/upgrade]`
//
// Makes the upgrade test's fixture with the PREVIOUS release's own code: its service runs from the given worktree
// (`git worktree add /tmp/v010 v0.1.0 && ln -s "$PWD/node_modules" /tmp/v010/node_modules`), its `npm run user`
// adds an admin, a supervisor and an officer and issues their API tokens, made-up citizens file five complaints over
// its web chat (biasa, rahasia, anonim; two with a photo), and its JSON API verifies, answers and moves two of them.
// After a clean stop, its database is written gzipped as `<tag>.sqlite.gz`, its attachment files under
// `<tag>-attachments/`, and what was done as `<tag>.json`. Every name, NIK and phone number is made up.
// Each release regenerates it for the next one (README → "Releases").
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { api, mustRun, versionOf } from './lib/release-tools.js';
import { ServiceProcess, freePort } from './lib/service-process.js';
import { type Citizen, fileComplaint } from './lib/web-citizen.js';

const { values } = parseArgs({
  options: { previous: { type: 'string' }, out: { type: 'string', default: 'test/fixtures/upgrade' } },
});
if (!values.previous) {
  process.stderr.write('usage: npm run fixture:upgrade -- --previous WORKTREE [--out DIR]\n');
  process.exit(2);
}
const previous = resolve(values.previous);
const out = resolve(values.out);
const { tag, commit } = versionOf(previous);

const PASSWORD = 'kata-sandi-fixture-1';
const ACCOUNTS = [
  { username: 'admin-fixture', role: 'admin', agencies: [] },
  { username: 'koordinator-bjm', role: 'supervisor', agencies: ['6371-koordinator'] },
  { username: 'petugas-dukcapil', role: 'officer', agencies: ['6371-disdukcapil'] },
];

const CITIZENS: Citizen[] = [
  {
    sender: 'fixture-ktp',
    story:
      'KTP-el saya belum selesai dicetak sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin, katanya blangko habis.',
    photo: true,
    expectation: 'KTP saya segera dicetak',
    identity: 'biasa',
    name: 'Siti Rahmah',
    nik: '6371045708900001',
    phone: '0812-3456-7890',
  },
  {
    sender: 'fixture-jalan',
    story:
      'Jalan di Jl. Pramuka Kota Banjarmasin rusak berlubang besar sejak dua bulan, sudah ada pengendara motor jatuh.',
    photo: true,
    expectation: 'Jalan segera diperbaiki',
    identity: 'rahasia',
    name: 'Budi Santoso',
    nik: '6371021203850002',
    phone: '0813-5555-0101',
  },
  {
    sender: 'fixture-puskesmas',
    story:
      'Petugas di Puskesmas Teluk Dalam Kota Banjarmasin meminta uang tambahan untuk surat rujukan BPJS minggu lalu.',
    expectation: 'Pungutan itu dihentikan',
    identity: 'anonim',
  },
  {
    sender: 'fixture-pdam',
    story:
      'Air PDAM di rumah kami di Kelurahan Kuin Utara Kota Banjarmasin mati tiga hari berturut-turut tanpa pemberitahuan.',
    expectation: 'Air mengalir lagi dan ada pemberitahuan bila ada gangguan',
    identity: 'biasa',
    name: 'Rina Marlina',
    phone: '0821-4444-0202',
  },
  {
    sender: 'fixture-sekolah',
    story:
      'Sekolah dasar negeri di Kecamatan Banjarmasin Selatan memungut uang seragam Rp 750.000 yang katanya wajib.',
    expectation: 'Pungutan dikembalikan',
    identity: 'rahasia',
    name: 'Ahmad Fauzi',
    nik: '6371030101800003',
    phone: '0852-1111-0303',
  },
];

const TicketBody = z.object({
  number: z.string(),
  status: z.string(),
  agencyId: z.string().nullable().optional(),
});

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aduan-fixture-'));
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const tokens: Record<string, string> = {};
  for (const a of ACCOUNTS) {
    const agencies = a.agencies.flatMap((id) => ['--agency', id]);
    await mustRun(
      previous,
      'user',
      ['add', '--username', a.username, '--role', a.role, ...agencies],
      env,
      `${PASSWORD}\n`,
    );
    const token = await mustRun(previous, 'user', ['token', '--username', a.username], env);
    tokens[a.username] = token.stdout.trim().split('\n').at(-1) ?? '';
  }
  const port = await freePort();
  const service = new ServiceProcess(
    port,
    { ...env, WEB_DEV_SENDERS: '1', SENDER_MESSAGES_PER_MINUTE: '0' },
    [],
    previous,
  );
  const base = `http://127.0.0.1:${port}`;
  const tickets: { number: string; sender: string; identity: string; photo: boolean; messages: number }[] =
    [];
  try {
    await service.ready(60_000);
    for (const c of CITIZENS) {
      const filed = await fileComplaint(base, c);
      tickets.push({ ...filed, sender: c.sender, identity: c.identity, photo: c.photo ?? false });
    }
    const [ktp, jalan] = tickets;
    if (!ktp || !jalan) throw new Error('the complaints were not filed');
    const officer = tokens['petugas-dukcapil'] ?? '';
    const admin = tokens['admin-fixture'] ?? '';
    await api(base, officer, 'POST', `/tickets/${ktp.number}/status`, {
      status: 'diverifikasi',
      message: 'Pengaduan Anda kami terima dan sedang kami periksa.',
    });
    await api(base, officer, 'POST', `/tickets/${ktp.number}/replies`, {
      text: 'Blangko KTP-el sudah datang; silakan datang ke kantor kami hari Kamis.',
    });
    await api(base, officer, 'POST', `/tickets/${ktp.number}/status`, { status: 'diproses' });
    await api(base, admin, 'POST', `/tickets/${jalan.number}/status`, {
      status: 'diverifikasi',
      message: 'Laporan jalan rusak diteruskan ke bidang Bina Marga.',
    });
    for (const t of tickets) TicketBody.parse(await api(base, admin, 'GET', `/tickets/${t.number}`));
  } finally {
    const exit = await service.stop();
    if (exit.code !== 0)
      process.stderr.write(`the service stopped with ${JSON.stringify(exit)}\n${service.output()}\n`);
  }
  const db = join(dataDir, 'aduan.db');
  const wal = `${db}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) throw new Error('the WAL was not checkpointed at the stop');
  mkdirSync(out, { recursive: true });
  const attachments = join(out, `${tag}-attachments`);
  rmSync(attachments, { recursive: true, force: true });
  if (existsSync(join(dataDir, 'attachments')))
    cpSync(join(dataDir, 'attachments'), attachments, { recursive: true });
  writeFileSync(join(out, `${tag}.sqlite.gz`), gzipSync(readFileSync(db), { level: 9 }));
  const made = {
    version: tag,
    commit,
    madeAt: new Date().toISOString(),
    by: 'scripts/make-upgrade-fixture.ts',
    accounts: ACCOUNTS,
    tickets,
    answered: {
      [tickets[0]?.number ?? '']: ['diverifikasi', 'reply', 'diproses'],
      [tickets[1]?.number ?? '']: ['diverifikasi'],
    },
  };
  const manifest = join(out, `${tag}.json`);
  writeFileSync(manifest, `${JSON.stringify(made, null, 2)}\n`);
  // Laid out as `npm run lint` (biome) wants it.
  execFileSync('npx', ['biome', 'format', '--write', manifest], { stdio: 'ignore' });
  const bytes = statSync(db).size;
  rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ out, version: tag, tickets: tickets.length, bytes })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`✗ ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
