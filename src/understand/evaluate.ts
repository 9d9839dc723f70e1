// Measures the story analysis on a labelled set (our JSONL, or a CSV with six coarse labels): accuracy, per-label recall/precision, confusion, kab/kota.
import { z } from 'zod';
import { CATEGORY_IDS, type CategoryId, isCategoryId } from '../domain/categories.js';
import { type Analysis, analyzeStory } from './analyze.js';
import { parseCsv } from './csv.js';

export const COARSE_LABELS = [
  'Infrastruktur',
  'Ketertiban',
  'Lingkungan',
  'Pelayanan Publik',
  'Pendidikan',
  'Sosial dan Ekonomi',
] as const;

export type CoarseLabel = (typeof COARSE_LABELS)[number];

const isCoarseLabel = (v: string): v is CoarseLabel => (COARSE_LABELS as readonly string[]).includes(v);

/** Our categories on the six coarse labels of the Purbalingga set (a regency's own complaint desk). */
export const COARSE_OF: Readonly<Record<CategoryId, CoarseLabel>> = {
  // A desk service of an office: documents, care, permits, certificates, taxes.
  adminduk: 'Pelayanan Publik',
  kesehatan: 'Pelayanan Publik',
  perizinan: 'Pelayanan Publik',
  pertanahan: 'Pelayanan Publik',
  pajak_daerah: 'Pelayanan Publik',
  // Civil servants' pay and conduct is about how the administration serves, not the labour market.
  kepegawaian: 'Pelayanan Publik',
  // Letters and services of the village/kelurahan office.
  desa: 'Pelayanan Publik',
  // Household utilities: the source labels water and power cuts as a service failure, not as works.
  air_minum: 'Pelayanan Publik',
  energi_listrik: 'Pelayanan Publik',
  infrastruktur: 'Infrastruktur',
  ketertiban: 'Ketertiban',
  // Dishub's complaints are mostly parking attendants and traffic order, which the source files under
  // Ketertiban; terminals and traffic lights would be Infrastruktur, but they are the smaller part.
  perhubungan: 'Ketertiban',
  // Crime, street racing and police conduct are public order.
  kepolisian: 'Ketertiban',
  lingkungan: 'Lingkungan',
  pendidikan: 'Pendidikan',
  // Welfare, social insurance and work.
  bansos: 'Sosial dan Ekonomi',
  jaminan_sosial: 'Sosial dan Ekonomi',
  ketenagakerjaan: 'Sosial dan Ekonomi',
  // What is left is mostly prices, fuel, fertiliser, markets and disaster relief: the economy.
  lainnya: 'Sosial dan Ekonomi',
};

export type Sample = {
  id: string;
  text: string;
  label: string;
  /** The kab/kota label: a code, null for "no kab/kota", undefined when the set has no region labels. */
  kabkota?: string | null;
};

export type LoadResult = { samples: Sample[]; skipped: number; errors: string[] };

const JsonlRow = z.object({
  id: z.string().min(1),
  text: z.string(),
  category: z.string(),
  kabkota: z.string().nullable().optional(),
});

/** Reads labelled JSON lines; rows whose category is not one of ours are skipped and counted. */
export function loadJsonl(text: string): LoadResult {
  const samples: Sample[] = [];
  const errors: string[] = [];
  let skipped = 0;
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      errors.push(`line ${i + 1}: not JSON`);
      return;
    }
    const row = JsonlRow.safeParse(json);
    if (!row.success) errors.push(`line ${i + 1}: ${row.error.issues[0]?.message ?? 'bad row'}`);
    else if (!isCategoryId(row.data.category)) skipped++;
    else
      samples.push({
        id: row.data.id,
        text: row.data.text,
        label: row.data.category,
        kabkota: row.data.kabkota,
      });
  });
  return { samples, skipped, errors };
}

/** Reads a CSV with a header naming id, text and label; rows whose label is not one of the six are skipped. */
export function loadCsv(text: string): LoadResult {
  const [header, ...rows] = parseCsv(text);
  const col = (name: string) => header?.findIndex((h) => h.trim().toLowerCase() === name) ?? -1;
  const [id, body, label] = [col('id'), col('text'), col('label')];
  if (id < 0 || body < 0 || label < 0)
    return { samples: [], skipped: 0, errors: ['the header needs id, text, label'] };
  const samples: Sample[] = [];
  let skipped = 0;
  for (const row of rows) {
    const l = row[label]?.trim() ?? '';
    if (!isCoarseLabel(l)) skipped++;
    else samples.push({ id: row[id] ?? '', text: row[body] ?? '', label: l });
  }
  return { samples, skipped, errors: [] };
}

/** What the analysis says about one sample: labels best first (at most three), and the kab/kota. */
export type Prediction = { ranked: string[]; kabkota: string | null };

export type LabelStats = {
  label: string;
  n: number;
  predicted: number;
  correct: number;
  recall: number;
  precision: number;
};

export type RegionStats = {
  /** Samples whose kab/kota label is not null. */
  n: number;
  correct: number;
  /** Of those, how often we answered nothing, and how often another kab/kota. */
  answeredNull: number;
  wrong: number;
  accuracy: number;
  /** Samples labelled null (no kab/kota) where we named one anyway. */
  labelledNull: number;
  falsePositives: number;
};

export type Miss = { id: string; text: string; label: string; ranked: string[] };

export type Report = {
  n: number;
  skipped: number;
  top1: number;
  top3: number;
  perLabel: LabelStats[];
  /** Truth → predicted (NO_PREDICTION when none) → count. */
  confusion: Record<string, Record<string, number>>;
  region: RegionStats | null;
  misses: Miss[];
  /** Labelled kab/kota answered null or wrong, and a kab/kota named where the label is null. */
  regionMisses: RegionMiss[];
};

export type RegionMiss = { id: string; text: string; truth: string | null; predicted: string | null };

export const NO_PREDICTION = '∅';

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function evaluate(
  samples: readonly Sample[],
  predict: (s: Sample) => Prediction,
  labels: readonly string[],
  skipped = 0,
): Report {
  let top1 = 0;
  let top3 = 0;
  const stats = new Map(labels.map((l) => [l, { n: 0, predicted: 0, correct: 0 }]));
  const confusion: Record<string, Record<string, number>> = {};
  const misses: Miss[] = [];
  const regionMisses: RegionMiss[] = [];
  const region = { n: 0, correct: 0, answeredNull: 0, wrong: 0, labelledNull: 0, falsePositives: 0 };
  let hasRegion = false;
  for (const s of samples) {
    const p = predict(s);
    const best = p.ranked[0] ?? NO_PREDICTION;
    const truth = stats.get(s.label);
    if (truth) truth.n++;
    const guessed = stats.get(best);
    if (guessed) guessed.predicted++;
    if (best === s.label) {
      top1++;
      if (truth) truth.correct++;
    } else misses.push({ id: s.id, text: s.text, label: s.label, ranked: p.ranked });
    if (p.ranked.slice(0, 3).includes(s.label)) top3++;
    const row = confusion[s.label] ?? {};
    row[best] = (row[best] ?? 0) + 1;
    confusion[s.label] = row;
    if (s.kabkota === undefined) continue;
    hasRegion = true;
    if (s.kabkota === null) {
      region.labelledNull++;
      if (p.kabkota !== null) region.falsePositives++;
    } else {
      region.n++;
      if (p.kabkota === s.kabkota) region.correct++;
      else if (p.kabkota === null) region.answeredNull++;
      else region.wrong++;
    }
    if (p.kabkota !== s.kabkota)
      regionMisses.push({ id: s.id, text: s.text, truth: s.kabkota, predicted: p.kabkota });
  }
  return {
    n: samples.length,
    skipped,
    top1: ratio(top1, samples.length),
    top3: ratio(top3, samples.length),
    perLabel: labels.map((label) => {
      const s = stats.get(label) ?? { n: 0, predicted: 0, correct: 0 };
      return { label, ...s, recall: ratio(s.correct, s.n), precision: ratio(s.correct, s.predicted) };
    }),
    confusion,
    region: hasRegion ? { ...region, accuracy: ratio(region.correct, region.n) } : null,
    misses,
    regionMisses,
  };
}

/** The analysis as a prediction on our categories, or on the coarse labels (duplicates dropped). */
export function toPrediction(a: Analysis, coarse: boolean): Prediction {
  const ranked = a.candidates.map((c) => (coarse ? COARSE_OF[c.category] : c.category));
  return { ranked: [...new Set(ranked)], kabkota: a.kabkotaCode };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The report as text: headline numbers, a per-label table, the confusion table, kab/kota. */
export function formatReport(r: Report, labels: readonly string[], showMisses = false): string {
  const lines: string[] = [];
  lines.push(`n=${r.n}${r.skipped ? ` (skipped ${r.skipped} with an unknown label)` : ''}`);
  lines.push(`top-1 accuracy ${pct(r.top1)}   top-3 accuracy ${pct(r.top3)}`);
  lines.push('');
  const width = Math.max(...labels.map((l) => l.length), 5);
  lines.push(`${'label'.padEnd(width)}     n  recall  precision`);
  for (const s of r.perLabel) {
    lines.push(
      `${s.label.padEnd(width)} ${String(s.n).padStart(5)}  ${pct(s.recall).padStart(6)}  ${
        s.predicted === 0 ? '     -' : pct(s.precision).padStart(9)
      }`,
    );
  }
  lines.push('');
  const columns = [...labels, NO_PREDICTION];
  const short = (l: string) => (l === NO_PREDICTION ? l : l.slice(0, 4));
  lines.push(`confusion (rows: truth, columns: predicted)`);
  lines.push(`${''.padEnd(width)} ${columns.map((c) => short(c).padStart(4)).join(' ')}`);
  for (const truth of labels) {
    const row = r.confusion[truth] ?? {};
    lines.push(`${truth.padEnd(width)} ${columns.map((c) => String(row[c] ?? '.').padStart(4)).join(' ')}`);
  }
  if (r.region) {
    const g = r.region;
    lines.push('');
    lines.push(
      `kab/kota: ${pct(g.accuracy)} of ${g.n} labelled (correct ${g.correct}, answered null ${g.answeredNull}, wrong ${g.wrong}); ` +
        `named one for ${g.falsePositives} of ${g.labelledNull} labelled null`,
    );
  }
  if (showMisses && r.misses.length > 0) {
    lines.push('');
    lines.push('misses:');
    for (const m of r.misses)
      lines.push(`${m.id}  ${m.label} → ${m.ranked.join(', ') || NO_PREDICTION}  | ${m.text}`);
  }
  if (showMisses && r.regionMisses.length > 0) {
    lines.push('');
    lines.push('kab/kota misses:');
    for (const m of r.regionMisses)
      lines.push(`${m.id}  ${m.truth ?? 'null'} → ${m.predicted ?? 'null'}  | ${m.text}`);
  }
  return lines.join('\n');
}

export type EvalOptions = {
  /** Compare on the six coarse labels (always so for CSV). */
  coarse: boolean;
  /** Keep only samples whose id ends in an odd or an even number (the dev and test halves). */
  ids: 'odd' | 'even' | null;
};

/** Loads a labelled file (JSONL, or CSV by its name) and measures analyzeStory on it. */
export function evaluateFile(
  name: string,
  content: string,
  options: EvalOptions,
): { report: Report; labels: readonly string[]; errors: string[] } {
  const csv = name.toLowerCase().endsWith('.csv');
  const coarse = csv || options.coarse;
  const loaded = csv ? loadCsv(content) : loadJsonl(content);
  const samples = loaded.samples
    .filter((s) => options.ids === null || idParity(s.id) === options.ids)
    .map((s) => (coarse && isCategoryId(s.label) ? { ...s, label: COARSE_OF[s.label] } : s));
  const labels: readonly string[] = coarse ? COARSE_LABELS : CATEGORY_IDS;
  const report = evaluate(samples, (s) => toPrediction(analyzeStory(s.text), coarse), labels, loaded.skipped);
  return { report, labels, errors: loaded.errors };
}

function idParity(id: string): 'odd' | 'even' | null {
  const digits = /(\d+)\D*$/.exec(id)?.[1];
  return digits === undefined ? null : Number(digits) % 2 === 1 ? 'odd' : 'even';
}
