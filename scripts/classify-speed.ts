// Measures the category classifier: training time at load and time per call on ~300-character stories (`npx tsx scripts/classify-speed.ts`).
import { performance } from 'node:perf_hooks';

const loadStart = performance.now();
const { suggestCategories } = await import('../src/understand/suggest-categories.js');
const { analyzeStory } = await import('../src/understand/analyze.js');
const loadMs = performance.now() - loadStart;
const { CATEGORY_IDS } = await import('../src/domain/categories.js');
const { CATEGORY_LEXICON, NEUTRAL_WORDS } = await import('../src/data/category-lexicon.js');
const { SEED_CORPUS } = await import('../src/data/classifier-seed.js');
const { buildClassifier } = await import('../src/understand/classify.js');
const b0 = performance.now();
buildClassifier({
  categories: CATEGORY_IDS,
  lexicon: CATEGORY_LEXICON,
  seed: SEED_CORPUS,
  neutral: NEUTRAL_WORDS,
});
const buildMs = performance.now() - b0;

const BASE =
  'Assalamualaikum pak, ulun handak malapor. Sertifikat tanah kami di Kantor Pertanahan sudah dua tahun belum jadi, ' +
  'tiap ditanya petugas bilang tunggu saja. Kemarin ada orang yang menawarkan bisa cepat asal bayar lima juta, ' +
  'kami warga biasa kada mampu. Mohon dibantu supaya prosesnya jelas dan tidak ada pungli lagi di sana.';
const N = 20_000;
// Distinct texts, so the normalizer's small cache does not hide the work.
const texts = Array.from({ length: N }, (_, i) => `${BASE} ${i}`);

for (const t of texts.slice(0, 2000)) suggestCategories(t);
const t0 = performance.now();
for (const t of texts) suggestCategories(t);
const perCall = ((performance.now() - t0) / N) * 1000;

const t1 = performance.now();
for (const t of texts.slice(0, 5000)) analyzeStory(t);
const perAnalysis = ((performance.now() - t1) / 5000) * 1000;

console.log(`text length ${BASE.length} chars`);
console.log(
  `module load (tsx compile included): ${loadMs.toFixed(1)} ms; building the classifier: ${buildMs.toFixed(1)} ms`,
);
console.log(`suggestCategories: ${perCall.toFixed(1)} µs per call (normalize included)`);
console.log(
  `analyzeStory (category, maladministration, region, agency, date): ${perAnalysis.toFixed(1)} µs per call`,
);
