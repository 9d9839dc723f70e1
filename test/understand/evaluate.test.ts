// The evaluation module and `npm run eval`: the CSV reader, loading, metrics on a tiny fixture, the report and the CLI.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../src/domain/categories.js';
import { parseCsv } from '../../src/understand/csv.js';
import {
  COARSE_LABELS,
  COARSE_OF,
  NO_PREDICTION,
  type Prediction,
  type Sample,
  evaluate,
  evaluateFile,
  formatReport,
  loadCsv,
  loadJsonl,
} from '../../src/understand/evaluate.js';

describe('parseCsv (RFC 4180)', () => {
  it('reads plain, quoted and empty fields', () => {
    expect(parseCsv('a,b,c\n1,,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });

  it('keeps commas, newlines and doubled quotes inside quoted fields', () => {
    const csv =
      'id,text,label\r\n1,"jalan rusak, parah\nsekali","Infrastruktur"\r\n2,"kata petugas ""tunggu""",Sosial dan Ekonomi';
    expect(parseCsv(csv)).toEqual([
      ['id', 'text', 'label'],
      ['1', 'jalan rusak, parah\nsekali', 'Infrastruktur'],
      ['2', 'kata petugas "tunggu"', 'Sosial dan Ekonomi'],
    ]);
  });

  it('drops a byte order mark, keeps a trailing empty field, and rejects an unterminated quote', () => {
    expect(parseCsv('\uFEFFa,b\n1,\n')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(() => parseCsv('a,"b\n')).toThrow(/unterminated/);
  });
});

describe('loading labelled sets', () => {
  it('reads JSONL with categories and kab/kota, skipping unknown categories and reporting bad lines', () => {
    const text = [
      '{"id":"k1","text":"ktp","category":"adminduk","kabkota":"63.71"}',
      '{"id":"k2","text":"x","category":"bukan_kategori","kabkota":null}',
      'nope',
      '',
      '{"id":"k3","text":"pdam","category":"air_minum","kabkota":null}',
    ].join('\n');
    const r = loadJsonl(text);
    expect(r.samples).toEqual([
      { id: 'k1', text: 'ktp', label: 'adminduk', kabkota: '63.71' },
      { id: 'k3', text: 'pdam', label: 'air_minum', kabkota: null },
    ]);
    expect(r.skipped).toBe(1);
    expect(r.errors).toEqual(['line 3: not JSON']);
  });

  it('reads CSV by header names and skips rows whose label is not one of the six', () => {
    const csv =
      'id,text,label,source\n1,"jalan rusak, parah",Infrastruktur,x\n2,halo,Lainnya,x\n3,"ktp\nbelum jadi",Pelayanan Publik,x\n';
    const r = loadCsv(csv);
    expect(r.samples.map((s) => [s.id, s.label])).toEqual([
      ['1', 'Infrastruktur'],
      ['3', 'Pelayanan Publik'],
    ]);
    expect(r.skipped).toBe(1);
    expect(loadCsv('a,b\n1,2\n').errors).toEqual(['the header needs id, text, label']);
  });

  it('maps every category onto one of the six coarse labels', () => {
    for (const c of CATEGORY_IDS) expect(COARSE_LABELS).toContain(COARSE_OF[c]);
  });
});

describe('evaluate: metrics on a tiny fixture', () => {
  const samples: Sample[] = [
    { id: '1', text: '', label: 'a', kabkota: '63.71' },
    { id: '2', text: '', label: 'a', kabkota: '63.72' },
    { id: '3', text: '', label: 'b', kabkota: null },
    { id: '4', text: '', label: 'b', kabkota: '63.01' },
  ];
  const predictions: Record<string, Prediction> = {
    '1': { ranked: ['a', 'b'], kabkota: '63.71' },
    '2': { ranked: ['b', 'c', 'a'], kabkota: null },
    '3': { ranked: ['b'], kabkota: '63.03' },
    '4': { ranked: [], kabkota: '63.02' },
  };
  const report = evaluate(
    samples,
    (s) => predictions[s.id] ?? { ranked: [], kabkota: null },
    ['a', 'b', 'c'],
    2,
  );

  it('computes top-1 and top-3 accuracy', () => {
    expect(report.n).toBe(4);
    expect(report.skipped).toBe(2);
    expect(report.top1).toBe(0.5);
    expect(report.top3).toBe(0.75);
  });

  it('computes recall and precision per label', () => {
    expect(report.perLabel).toEqual([
      { label: 'a', n: 2, predicted: 1, correct: 1, recall: 0.5, precision: 1 },
      { label: 'b', n: 2, predicted: 2, correct: 1, recall: 0.5, precision: 0.5 },
      { label: 'c', n: 0, predicted: 0, correct: 0, recall: 0, precision: 0 },
    ]);
  });

  it('fills the confusion table with truth rows and predicted columns, ∅ for no prediction', () => {
    expect(report.confusion).toEqual({ a: { a: 1, b: 1 }, b: { b: 1, [NO_PREDICTION]: 1 } });
  });

  it('measures the kab/kota where the label is not null, and counts answers where it is', () => {
    expect(report.region).toEqual({
      n: 3,
      correct: 1,
      answeredNull: 1,
      wrong: 1,
      accuracy: 1 / 3,
      labelledNull: 1,
      falsePositives: 1,
    });
  });

  it('lists the misses and prints a readable report', () => {
    expect(report.misses.map((m) => m.id)).toEqual(['2', '4']);
    const text = formatReport(report, ['a', 'b', 'c'], true);
    expect(text).toContain('top-1 accuracy 50.0%   top-3 accuracy 75.0%');
    expect(text).toContain('kab/kota: 33.3% of 3 labelled (correct 1, answered null 1, wrong 1)');
    expect(text).toMatch(/^a\s+1\s+1\s+\.\s+\.$/m);
    expect(text).toContain(`4  b → ${NO_PREDICTION}`);
  });

  it('lists each kab/kota miss with the label and the answer', () => {
    expect(report.regionMisses.map((m) => [m.id, m.truth, m.predicted])).toEqual([
      ['2', '63.72', null],
      ['3', null, '63.03'],
      ['4', '63.01', '63.02'],
    ]);
    expect(formatReport(report, ['a', 'b', 'c'], true)).toContain('4  63.01 → 63.02');
  });

  it('has no region section without region labels', () => {
    expect(
      evaluate([{ id: '1', text: '', label: 'a' }], () => ({ ranked: ['a'], kabkota: null }), ['a']).region,
    ).toBeNull();
  });
});

describe('evaluateFile', () => {
  const jsonl = [
    '{"id":"k001","text":"KTP saya belum dicetak di Disdukcapil Kota Banjarmasin","category":"adminduk","kabkota":"63.71"}',
    '{"id":"k002","text":"air pdam mati tiga hari","category":"air_minum","kabkota":null}',
    '{"id":"k003","text":"sekolah minta uang seragam di Barabai","category":"pendidikan","kabkota":"63.07"}',
  ].join('\n');

  it('measures our categories and the kab/kota on JSONL, with an odd/even split of the ids', () => {
    const all = evaluateFile('set.jsonl', jsonl, { coarse: false, ids: null });
    expect(all.report.n).toBe(3);
    expect(all.report.top1).toBe(1);
    expect(all.report.region).toMatchObject({ n: 2, correct: 2 });
    expect(all.labels).toEqual(CATEGORY_IDS);
    expect(evaluateFile('set.jsonl', jsonl, { coarse: false, ids: 'odd' }).report.n).toBe(2);
    expect(evaluateFile('set.jsonl', jsonl, { coarse: false, ids: 'even' }).report.n).toBe(1);
  });

  it('compares on coarse labels for CSV, or for JSONL when asked', () => {
    const csv =
      'id,text,label\n1,"Jalan desa rusak parah, banyak lubang",Infrastruktur\n2,"anak sy di sekolah dimintai uang",Pendidikan\n';
    const r = evaluateFile('set.csv', csv, { coarse: false, ids: null });
    expect(r.labels).toEqual(COARSE_LABELS);
    expect(r.report.top1).toBe(1);
    const coarse = evaluateFile('set.jsonl', jsonl, { coarse: true, ids: null });
    expect(coarse.report.confusion['Pelayanan Publik']).toEqual({ 'Pelayanan Publik': 2 });
  });
});

describe('npm run eval (end to end)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aduan-eval-'));
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/eval.ts', ...args]);

  it('prints the report for a CSV, and the same numbers as JSON', async () => {
    const file = join(dir, 'set.csv');
    writeFileSync(
      file,
      'id,text,label\n1,"lampu jalan mati, gelap",Infrastruktur\n2,sampah menumpuk,Lingkungan\n3,x,Lain\n',
    );
    const { stdout } = await run(file);
    expect(stdout).toContain('n=2 (skipped 1 with an unknown label)');
    expect(stdout).toContain('top-1 accuracy 100.0%');
    expect(stdout).toContain('confusion');
    const json = JSON.parse((await run(file, '--json')).stdout) as {
      n: number;
      top1: number;
      misses?: unknown;
    };
    expect(json).toMatchObject({ n: 2, top1: 1 });
    expect(json.misses).toBeUndefined();
  });

  it('refuses bad options with a usage line', async () => {
    await expect(run()).rejects.toMatchObject({ code: 2 });
    await expect(run('x.jsonl', '--labels', 'fine')).rejects.toMatchObject({
      stderr: expect.stringContaining('usage'),
    });
  });
});
