// Reads the form of maladministration a story describes (pungli, undue delay, refusal, rudeness…) from our phrase lists.
import type { MaladministrationForm } from '../domain/maladministration.js';
import { normalize } from './normalize.js';

export type MaladministrationFinding = { form: MaladministrationForm; reasons: string[] };

/**
 * Phrases per form, matched on whole normalized words (so write them in standard Indonesian: the
 * normalizer turns "gk", "kada", "blm" into "tidak", "belum"), with a weight. Listed in order of
 * precedence: the earlier form wins when it has decisive evidence or equal points, because a bribe
 * or a refusal is the more specific finding than the delay that usually comes with it.
 */
const PHRASES: ReadonlyArray<readonly [MaladministrationForm, Readonly<Record<string, number>>]> = [
  [
    'permintaan_imbalan',
    {
      pungli: 4,
      'pungutan liar': 4,
      pungutan: 2,
      dipungut: 3,
      'minta uang': 4,
      'minta duit': 4,
      'meminta uang': 4,
      'meminta biaya': 3,
      'minta biaya': 3,
      'diminta uang': 4,
      'diminta biaya': 3,
      'diminta bayar': 3,
      'disuruh bayar': 3,
      dimintai: 3,
      dimintain: 3,
      'uang pelicin': 5,
      'uang rokok': 5,
      'uang bensin': 4,
      'uang transport': 3,
      'uang minyak': 4,
      'duit minyak': 4,
      'uang koordinasi': 5,
      'uang terima kasih': 4,
      'uang administrasi': 2,
      'uang percepatan': 5,
      'biaya percepatan': 5,
      'uang titipan': 4,
      titipan: 2,
      'biar cepat': 2,
      'biar cepet': 2,
      'supaya cepat': 2,
      'agar cepat': 2,
      'supaya lekas': 2,
      'di luar tarif': 4,
      'diluar tarif': 4,
      'di luar biaya resmi': 4,
      'tanpa kuitansi': 3,
      'tanpa kwitansi': 3,
      'tidak ada kuitansi': 3,
      'harusnya gratis': 3,
      'katanya gratis': 3,
      'padahal gratis': 3,
      calo: 3,
      suap: 5,
      sogok: 5,
      disogok: 5,
      amplop: 3,
      damai: 2,
      'bayar lebih': 2,
      'jalur belakang': 3,
      'minta sumbangan': 3,
      'wajib beli': 3,
      'wajib membeli': 3,
      'wajib tukar': 3,
      dipotong: 1,
    },
  ],
  [
    'tidak_memberikan_pelayanan',
    {
      ditolak: 3,
      menolak: 3,
      nolak: 3,
      'tidak dilayani': 4,
      'tidak mau melayani': 4,
      'tidak melayani': 4,
      'tidak mau menerima': 3,
      'tidak diterima': 2,
      'tidak ditarima': 2,
      'kantor tutup': 4,
      tutup: 2,
      'petugas tidak ada': 4,
      'tidak ada petugas': 4,
      'petugasnya tidak ada': 4,
      'tidak di tempat': 3,
      'tidak pernah buka': 4,
      'tidak pernah ada': 2,
      'tidak pernah datang': 3,
      'tidak ada orang': 3,
      'disuruh pulang': 3,
      'pulang kosong': 3,
      diabaikan: 3,
      dibiarkan: 2,
      'tidak ditanggapi': 3,
      'tidak ditanggepin': 3,
      'tidak direspon': 3,
      'tidak dibalas': 3,
      'tidak bisa dihubungi': 3,
      'tidak diangkat': 2,
      'tidak pernah datang ke': 2,
      'tidak ada tindakan': 2,
      'tidak ada solusi': 2,
      kosong: 1,
    },
  ],
  [
    'penundaan_berlarut',
    {
      'berbulan bulan': 4,
      'bertahun tahun': 4,
      'berminggu minggu': 3,
      'lama sekali': 3,
      'lama banget': 3,
      'lama bgt': 3,
      'lama banar': 3,
      'terlalu lama': 3,
      'sudah lama': 2,
      'belum selesai': 3,
      'belum jadi': 3,
      'belum terbit': 3,
      'belum cair': 3,
      'belum keluar': 3,
      'belum diproses': 3,
      'belum ada kabar': 4,
      'belum ada kejelasan': 4,
      'belum diperbaiki': 3,
      'belum dibayar': 2,
      'belum diganti': 2,
      'belum dipasang': 3,
      'belum dicetak': 3,
      'belum tercetak': 3,
      'belum juga': 2,
      'tidak ada kabar': 4,
      'tidak ada kejelasan': 4,
      'tanpa kejelasan': 4,
      'tanpa kepastian': 3,
      'tidak ada kepastian': 3,
      'tidak ada perkembangan': 4,
      'tidak ditindaklanjuti': 4,
      'tidak ada tindak lanjut': 4,
      'tanpa tindak lanjut': 4,
      'tidak selesai': 3,
      'tidak jadi jadi': 3,
      'tidak dicetak cetak': 3,
      'tidak kunjung': 3,
      'tak kunjung': 3,
      'tidak pernah dicek': 2,
      'tunggu saja': 2,
      'disuruh tunggu': 2,
      'disuruh menunggu': 2,
      menunggu: 1,
      nunggu: 1,
      ditunda: 2,
      tertunda: 2,
      molor: 3,
      mandek: 3,
      mangkrak: 3,
      terbengkalai: 3,
      'kapan jadi': 2,
      'kapan jadinya': 2,
      'sudah seminggu': 1,
      'sudah sebulan': 2,
      'sudah setahun': 3,
      'sudah satahun': 3,
      berbulan: 3,
      bertahun: 3,
    },
  ],
  [
    'tidak_patut',
    {
      kasar: 4,
      'secara kasar': 4,
      membentak: 4,
      dibentak: 4,
      bentak: 4,
      dimarahi: 4,
      dimarahin: 4,
      marahin: 3,
      disariki: 4,
      judes: 4,
      ketus: 4,
      jutek: 4,
      'tidak sopan': 4,
      'tidak ramah': 3,
      menghina: 4,
      dihina: 4,
      diusir: 3,
      cuek: 3,
      'main hp': 3,
      'main handphone': 3,
      merokok: 2,
      mengancam: 3,
      diancam: 3,
    },
  ],
  [
    'penyimpangan_prosedur',
    {
      'berubah ubah': 4,
      'syarat tambahan': 3,
      'persyaratan tambahan': 3,
      'tidak sesuai prosedur': 4,
      'tidak sesuai aturan': 3,
      'tidak sesuai ketentuan': 3,
      'melanggar ketentuan': 3,
      'tanpa surat tugas': 4,
      'tanpa berita acara': 4,
      'tanpa pemberitahuan': 2,
      'tanpa sosialisasi': 2,
      'tanpa alasan': 2,
      'bolak balik': 3,
      dipersulit: 3,
      berbelit: 3,
      sepihak: 3,
      'disuruh ulang': 3,
      'mengulang dari awal': 3,
      'masukin ulang': 3,
      'harus lewat calo': 2,
      'tidak diumumkan': 3,
      'tidak transparan': 3,
      'tidak pernah diumumkan': 3,
    },
  ],
  [
    'penyalahgunaan_wewenang',
    {
      'sewenang wenang': 4,
      menyalahgunakan: 4,
      disalahgunakan: 3,
      diselewengkan: 4,
      penyelewengan: 4,
      korupsi: 3,
      ditahan: 3,
      menahan: 3,
      nahan: 3,
      disita: 2,
      menyita: 2,
      dipotong: 2,
      memotong: 2,
      dipaksa: 2,
      memaksa: 2,
      diklaim: 1,
      'kartu ditahan': 4,
    },
  ],
  [
    'diskriminasi',
    {
      'pilih kasih': 4,
      didahulukan: 3,
      dibedakan: 3,
      diskriminasi: 4,
      'orang dalam': 3,
      'yang kenal': 3,
      'yg kenal': 3,
      'tidak adil': 2,
      'hanya keluarga': 3,
      'keluarga aparat': 3,
      'keluarga perangkat': 3,
      kerabat: 2,
      kulaan: 3,
      'orang mampu': 2,
      'yang mampu': 2,
      'yang dekat': 2,
      titipan: 1,
      'gara gara hamil': 3,
      'karena hamil': 3,
    },
  ],
  [
    'tidak_kompeten',
    {
      'tidak paham': 3,
      'tidak mengerti': 3,
      'tidak tahu': 1,
      'jawaban beda': 3,
      'jawabannya beda': 3,
      'beda beda': 2,
      'saling lempar': 4,
      dilempar: 3,
      'salah ketik': 3,
      'salah tulis': 3,
      'salah input': 3,
      'salah nama': 2,
      'namanya salah': 2,
      'data salah': 2,
      'berkas hilang': 3,
      'tidak ketemu': 2,
      'sistem error': 2,
      error: 1,
      'tidak bisa menjelaskan': 3,
      'asal asalan': 3,
      'asal jadi': 3,
    },
  ],
  [
    'konflik_kepentingan',
    {
      'konflik kepentingan': 5,
      merangkap: 3,
      'keluarga pejabat': 3,
      'proyek keluarga': 3,
      'perusahaan milik': 2,
      'kenal sama calonya': 3,
    },
  ],
  [
    'keberpihakan',
    {
      memihak: 4,
      berpihak: 4,
      'tidak netral': 4,
      'membela pelaku': 4,
      dibela: 2,
      netralitas: 2,
    },
  ],
];

type Entry = { words: readonly string[]; label: string; weights: readonly (readonly [number, number])[] };

const SPLIT = /[^\p{L}\p{N}]+/u;
const words = (text: string) =>
  normalize(text)
    .split(SPLIT)
    .filter((w) => w !== '');

const FORMS = PHRASES.map(([form]) => form);
const DECISIVE = 4;

/** Phrases grouped by first word, longest first; a phrase in two forms gives points to both. */
const BY_FIRST_WORD: ReadonlyMap<string, readonly Entry[]> = (() => {
  const byKey = new Map<string, { words: string[]; label: string; weights: [number, number][] }>();
  PHRASES.forEach(([, phrases], f) => {
    for (const [phrase, weight] of Object.entries(phrases)) {
      const w = words(phrase);
      const key = w.join(' ');
      const slot = byKey.get(key) ?? { words: w, label: phrase, weights: [] };
      slot.weights.push([f, weight]);
      byKey.set(key, slot);
    }
  });
  const out = new Map<string, Entry[]>();
  for (const e of byKey.values()) {
    const first = e.words[0] ?? '';
    out.set(first, [...(out.get(first) ?? []), e]);
  }
  for (const list of out.values()) list.sort((a, b) => b.words.length - a.words.length);
  return out;
})();

const SPAN_START: ReadonlySet<string> = new Set(['sudah', 'sejak', 'selama', 'hampir', 'lebih']);
const SPAN_COUNT = /^(\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|beberapa|ampat|anam)$/;
const SPAN_UNIT: ReadonlyMap<string, number> = new Map([
  ['minggu', 1],
  ['bulan', 3],
  ['tahun', 4],
]);

/** "sudah 3 bulan", "sejak dua tahun": the longest such waiting time in the story, as points for undue delay. */
function waitingTime(w: readonly string[]): { points: number; label: string } | null {
  let best: { points: number; label: string } | null = null;
  for (let i = 0; i + 2 < w.length; i++) {
    if (!SPAN_START.has(w[i] ?? '') || !SPAN_COUNT.test(w[i + 1] ?? '')) continue;
    const points = SPAN_UNIT.get(w[i + 2] ?? '');
    if (points !== undefined && points > (best?.points ?? 0))
      best = { points, label: w.slice(i, i + 3).join(' ') };
  }
  return best;
}

/**
 * The first form, in the order of PHRASES, with decisive evidence (4 points or more); else the form
 * with the most points (at least 2). Null when none: with the phrases that gave the points.
 */
export function findMaladministration(text: string): MaladministrationFinding | null {
  const w = words(text);
  const points = new Array<number>(FORMS.length).fill(0);
  const reasons: string[][] = FORMS.map(() => []);
  for (let i = 0; i < w.length; ) {
    let step = 1;
    for (const e of BY_FIRST_WORD.get(w[i] ?? '') ?? []) {
      if (!e.words.every((word, k) => w[i + k] === word)) continue;
      for (const [f, weight] of e.weights) {
        if (reasons[f]?.includes(e.label)) continue;
        points[f] = (points[f] ?? 0) + weight;
        reasons[f]?.push(e.label);
      }
      step = e.words.length;
      break;
    }
    i += step;
  }
  const waiting = waitingTime(w);
  const delay = FORMS.indexOf('penundaan_berlarut');
  if (waiting) {
    points[delay] = (points[delay] ?? 0) + waiting.points;
    reasons[delay]?.push(waiting.label);
  }
  let best = points.findIndex((p) => p >= DECISIVE);
  if (best < 0) {
    points.forEach((p, f) => {
      if (p >= 2 && (best < 0 || p > (points[best] ?? 0))) best = f;
    });
  }
  const form = FORMS[best];
  return form ? { form, reasons: reasons[best] ?? [] } : null;
}
