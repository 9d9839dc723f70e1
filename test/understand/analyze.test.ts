// The whole-story analysis and `npm run analyze`: module functions over strings and streams, and the CLI end to end.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { analyzeLine, analyzeMain, analyzeStream } from '../../src/understand/analyze-cli.js';
import { type AgencyResolver, analyzeStory } from '../../src/understand/analyze.js';

const NOW = new Date('2026-03-10T04:00:00Z');

/** A writable that keeps what was written. */
function sink() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { stream, text: () => text };
}

describe('analyzeStory', () => {
  it('combines category, maladministration, region, agency and date', () => {
    const a = analyzeStory(
      'KTP saya belum jadi sejak 2 bulan lalu di Disdukcapil Kota Banjarmasin, petugas minta uang 100rb',
      NOW,
    );
    expect(a.category).toBe('adminduk');
    expect(a.candidates[0]).toEqual({ category: 'adminduk', score: expect.any(Number) });
    expect(a.candidates.length).toBeLessThanOrEqual(3);
    expect(a.reasons).toContain('ktp');
    expect(a.maladministration?.form).toBe('permintaan_imbalan');
    expect(a.kabkotaCode).toBe('63.71');
    expect(a.agencyMention).toBe('Disdukcapil');
    expect(a.incidentDate).toMatchObject({ precision: 'month', tooOld: false });
  });

  it('gives the kecamatan code when one is named', () => {
    const a = analyzeStory('jalan berlubang di Kecamatan Bati-Bati, Tanah Laut', NOW);
    expect(a.category).toBe('infrastruktur');
    expect(a.kabkotaCode).toBe('63.01');
    expect(a.kecamatanCode).toMatch(/^63\.01\.\d\d$/);
  });

  it('leaves the region null when the name is ambiguous, and everything null when nothing is said', () => {
    expect(analyzeStory('di banjar air pdam mati seharian', NOW).kabkotaCode).toBeNull();
    expect(analyzeStory('halo', NOW)).toEqual({
      category: null,
      candidates: [],
      reasons: [],
      maladministration: null,
      kabkotaCode: null,
      kecamatanCode: null,
      agencyMention: null,
      incidentDate: null,
    });
  });
});

describe('analyzeLine', () => {
  it('writes the documented shape, with the agency from the resolver', () => {
    const resolver: AgencyResolver = (a) => (a.category === 'air_minum' ? 'PDAM Bandarmasih' : null);
    const r = analyzeLine('{"id":"m1","text":"air pdam mati 3 hari di Banjarmasin Utara"}', resolver, NOW);
    expect(r).toEqual({
      ok: true,
      value: {
        id: 'm1',
        category: 'air_minum',
        candidates: expect.any(Array),
        kabkota: '63.71',
        kecamatan: expect.stringMatching(/^63\.71\.\d\d$/),
        agency: 'PDAM Bandarmasih',
        reasons: expect.arrayContaining(['pdam']),
      },
    });
  });

  it('uses the agency the story names by default', () => {
    const r = analyzeLine('{"id":7,"text":"pelayanan di puskesmas sungai jingah lambat"}', undefined, NOW);
    expect(r.ok && r.value).toMatchObject({ id: 7, category: 'kesehatan', agency: 'puskesmas sungai' });
  });

  it('refuses lines that are not JSON or lack a text', () => {
    expect(analyzeLine('not json')).toEqual({ ok: false, error: 'not valid JSON' });
    expect(analyzeLine('{"id":"x"}')).toMatchObject({ ok: false, error: expect.stringContaining('text') });
    expect(analyzeLine('{"text":"ktp"}')).toMatchObject({ ok: false, error: expect.stringContaining('id') });
  });
});

describe('analyzeStream and analyzeMain', () => {
  it('answers every good line, reports bad ones with their line number, and skips blank lines', async () => {
    const out = sink();
    const err = sink();
    const input = Readable.from([
      '{"id":"a","text":"listrik padam"}\n',
      'oops\n',
      '\n',
      '{"id":"b","text":"sampah"}\n',
    ]);
    const result = await analyzeStream(input, { stdout: out.stream, stderr: err.stream });
    expect(result).toEqual({ written: 2, failed: 1 });
    const lines = out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; category: string });
    expect(lines.map((l) => [l.id, l.category])).toEqual([
      ['a', 'energi_listrik'],
      ['b', 'lingkungan'],
    ]);
    expect(err.text()).toBe('line 2: not valid JSON\n');
  });

  it('reads a file argument, and says how it was used when misused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aduan-analyze-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, '{"id":"f","text":"sertifikat tanah di bpn belum jadi"}\n');
    const out = sink();
    const err = sink();
    const io = { stdin: Readable.from([]), stdout: out.stream, stderr: err.stream };
    expect(await analyzeMain([file], io)).toBe(0);
    expect(JSON.parse(out.text())).toMatchObject({ id: 'f', category: 'pertanahan', agency: 'bpn' });
    expect(await analyzeMain([join(dir, 'missing.jsonl')], io)).toBe(2);
    expect(await analyzeMain(['--help'], io)).toBe(2);
    expect(err.text()).toContain('usage');
  });
});

describe('npm run analyze (end to end)', () => {
  it('reads stdin and writes one JSON line per story, errors on stderr', async () => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts']);
    const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (d: string) => {
        stdout += d;
      });
      child.stderr?.on('data', (d: string) => {
        stderr += d;
      });
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    child.stdin?.end('{"id":"e1","text":"Lampu merah di simpang Km 6 Banjarmasin mati"}\n{bad\n');
    const { code, stdout, stderr } = await done;
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      id: 'e1',
      category: 'perhubungan',
      kabkota: '63.71',
      agency: '6371-dishub', // routed through the embedded directory
      candidates: expect.arrayContaining([{ category: 'perhubungan', score: expect.any(Number) }]),
    });
    expect(stderr).toBe('line 2: not valid JSON\n');
  });

  it('takes a file argument', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aduan-analyze-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, '{"id":"p","text":"pkh ibu saya tidak cair"}\n');
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      'src/cli/analyze.ts',
      file,
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'p', category: 'bansos' });
  });
});
