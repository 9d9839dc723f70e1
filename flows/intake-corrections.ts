// Answers at the summary: only a reply that is a confirmation as a whole sends; a reply that names a field or
// gives a new value ("no hp nya salah, yg bnr 0813-…") is a correction, applied before the summary is shown again.
import { findIncidentDate } from '../src/understand/dates.js';
import { parseNik } from '../src/understand/nik.js';
import { normalize, tokens } from '../src/understand/normalize.js';
import { PHONE_IN_TEXT, parsePhone } from '../src/understand/phone.js';
import { findRegion } from '../src/understand/regions.js';
import { leadingYesNo, parseYesNo } from '../src/understand/yes-no.js';
import type { Draft, Field } from './intake-context.js';
import { parseEditRequest } from './intake-fields.js';
import { derivedAgency } from './intake-guess.js';

export type SummaryRead =
  | { kind: 'send' }
  /** "Kirim, juga ke Ombudsman": offered when an earlier report to the agency got nowhere. */
  | { kind: 'send_escalated' }
  | { kind: 'cancel' }
  | { kind: 'edit_menu' }
  | { kind: 'edit'; field: Field }
  | { kind: 'corrected'; draft: Draft; field: Field }
  | { kind: 'unclear' };

/** Polite words that go with a confirmation but are not one on their own. */
const FILLER_ONLY = new Set([
  'pak',
  'bu',
  'kak',
  'pian',
  'min',
  'admin',
  'deh',
  'dong',
  'lah',
  'saja',
  'aja',
  'haja',
  'itu',
]);

/** Words that, alone or together, confirm the whole summary: "ok kirim aja pak", "sudah benar semua". */
const SEND_WORDS = new Set([
  'kirim',
  'kirimkan',
  'kirimlah',
  'dikirim',
  'dikirimkan',
  'diproses',
  'diteruskan',
  'teruskan',
  'bisa',
  'send',
  'submit',
  'lapor',
  'laporkan',
  'ajukan',
  'proses',
  'sudah',
  'benar',
  'betul',
  'sesuai',
  'lengkap',
  'cukup',
  'oke',
  'ya',
  'iya',
  'sip',
  'siap',
  'lanjut',
  'lanjutkan',
  'sekarang',
  'semua',
  'semuanya',
  'data',
  'datanya',
  'ja',
  'tolong',
  'mohon',
  'silakan',
  'terima-kasih',
  'terima',
  'kasih',
  'makasih',
  'yes',
  'ok',
  'correct',
  'all',
  'good',
  'right',
  '👍',
  '👌',
  '✅',
  '🙏',
  ...FILLER_ONLY,
]);

/** A reply that is a confirmation as a whole: every word a send/yes word, or a plain yes. */
export function isWholeSend(text: string): boolean {
  const ws = tokens(text).filter((w) => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(w));
  if (ws.length === 0) return false;
  if (ws.every((w) => SEND_WORDS.has(w)) && ws.some((w) => !FILLER_ONLY.has(w))) return true;
  return parseYesNo(text) === 'yes';
}

/** Words that name a field inside a sentence ("no hp nya", "alamatnya", "tgl kejadian"). */
const FIELD_WORDS: [Field, RegExp][] = [
  [
    'phone',
    /\b(no\.?\s*hp|nomor\s*hp|nomer\s*hp|hp|hape|telepon|telpon|telp|tlp|no\.?\s*wa|nomor\s*wa|wa|whatsapp|phone)(nya)?\b/i,
  ],
  ['nik', /\b(nik|no\.?\s*ktp|nomor\s*ktp)(nya)?\b/i],
  ['name', /\b(nama|name)(nya|\s+saya|\s+ulun|\s+sy)?\b/i],
  ['incident_date', /\b(tanggal|tgl|waktu|kapan|harinya|date)(nya)?\b/i],
  ['location', /\b(lokasi|alamat|tempat|patokan|address|location)(nya)?\b/i],
  ['region', /\b(wilayah|kabupaten|kab|kota|daerah|kabkota)(nya)?\b/i],
  ['expectation', /\b(harapan|harap|keinginan|permintaan|tuntutan)(nya)?\b/i],
  ['category', /\b(kategori|jenis)(nya)?\b/i],
  ['agency', /\b(instansi|kantor|dinas|terlapor)(nya)?\b/i],
  ['identity_mode', /\b(identitas|rahasia|anonim)(nya)?\b/i],
  ['evidence', /\b(bukti|foto|lampiran|dokumen)(nya)?\b/i],
  ['story', /\b(cerita|kronologi)(nya)?\b/i],
];

/** Words after which a correction's new value follows: "yg bnr …", "harusnya …", "ganti jadi …". */
const STRONG_MARKER =
  /\b(?:yg\s+(?:bnr|benar|betul)|yang\s+(?:benar|betul)|(?:se)?harusnya|mestinya|diganti(?:\s+jadi)?|ganti(?:\s+jadi)?|menjadi|jadi(?:nya)?|should be|correct is)\b[\s,:]*/gi;

/** Words around a value that are not the value: "salah", "di", "nya", "pak". */
const AROUND =
  /^(?:(?:mohon|tolong|koreksi|untuk|salah|keliru|bukan|ubah|ganti|jadi|di|ke|yaitu|adalah|itu|nya|pak|bu|min|dong|ya|saya|sy|ulun|aku)\b[\s,.:]*)+/i;

/** The new value in a correction: after the last "yg bnr"-like word, else the last part after a comma or "bukan …". */
function lastPart(text: string, fieldWord: RegExp): string {
  const strong = [...text.matchAll(STRONG_MARKER)].at(-1);
  const after = strong?.index !== undefined ? text.slice(strong.index + strong[0].length) : null;
  const parts = after !== null ? [after] : text.split(/[,;:]|\bbukan\b|\btapi\b|\btp\b/i);
  const cleaned = parts.map((p) => p.replace(fieldWord, ' ').replace(/\s+/g, ' ').trim());
  const value = [...cleaned].reverse().find((p) => /\p{L}{2,}|\d{2,}/u.test(p)) ?? '';
  return value
    .replace(AROUND, '')
    .replace(/[\s.,;:!]+$/u, '')
    .trim();
}

const NIK_IN_TEXT = /\b\d(?:[\s.-]?\d){15}\b/;

/** A correction the reply gives: a field it names and the new value, read with that field's own parser. */
function correction(d: Draft, text: string, now: number): SummaryRead | null {
  // The field named first: "ceritanya kurang, … nama ulun masih ada di DTKS" is about the story, not the name.
  const named =
    FIELD_WORDS.map(([field, re]) => ({ field, at: text.search(re) }))
      .filter((f) => f.at >= 0)
      .sort((a, b) => a.at - b.at)[0]?.field ?? null;
  const phone = PHONE_IN_TEXT.exec(text)?.[0];
  if (phone && (named === 'phone' || named === null)) {
    const p = parsePhone(phone);
    if (p.ok) return { kind: 'corrected', field: 'phone', draft: { ...d, phone: p.e164 } };
  }
  const nikText = NIK_IN_TEXT.exec(text)?.[0];
  if (nikText && (named === 'nik' || named === null)) {
    const nik = parseNik(nikText, new Date(now));
    if (nik.ok) return { kind: 'corrected', field: 'nik', draft: { ...d, nik: nik.nik } };
  }
  if (named === null) return null;
  const re = FIELD_WORDS.find(([f]) => f === named)?.[1] ?? /$^/;
  const value = lastPart(text, re);
  switch (named) {
    case 'incident_date': {
      const date = findIncidentDate(value, new Date(now));
      if (date?.ok)
        return {
          kind: 'corrected',
          field: named,
          draft: { ...d, incidentDate: { ...date.value, tooOld: date.tooOld } },
        };
      break;
    }
    case 'region': {
      const r = findRegion(value);
      if (r.kind === 'found') {
        const agency = derivedAgency(d) ? null : d.agency;
        return {
          kind: 'corrected',
          field: named,
          draft: {
            ...d,
            kabkotaCode: r.match.kabkotaCode,
            kecamatanCode: r.match.kecamatanCode ?? null,
            regionCandidates: [],
            agency,
            route: null,
          },
        };
      }
      break;
    }
    case 'location':
      if (/\p{L}{3,}/u.test(value))
        return { kind: 'corrected', field: named, draft: { ...d, address: value } };
      break;
    case 'name':
      if (/^[\p{L}][\p{L}\p{M}.,'’\- ]{1,119}$/u.test(value))
        return { kind: 'corrected', field: named, draft: { ...d, name: value } };
      break;
    case 'expectation':
      if (/\p{L}{3,}/u.test(value) && value.split(/\s+/).length >= 2)
        return { kind: 'corrected', field: named, draft: { ...d, expectation: value } };
      break;
    case 'story':
      // "ceritanya kurang, …": what follows is added to the story.
      if (/\p{L}{3,}/u.test(value) && value.split(/\s+/).length >= 3)
        return { kind: 'corrected', field: named, draft: { ...d, story: [...d.story, value] } };
      break;
  }
  // A field was named but no new value came with it: ask that field again.
  return { kind: 'edit', field: named };
}

/** A field the reply names with its new value ("ya, tp lokasinya di desa Anjir"), applied; null when none. */
export function namedCorrection(d: Draft, text: string, now: number): { draft: Draft; field: Field } | null {
  const fix = correction(d, text, now);
  return fix?.kind === 'corrected' ? { draft: fix.draft, field: fix.field } : null;
}

/** Reads a reply to the summary. `shown` is the summary's own choice the reply picked, if any. */
export function readSummaryAnswer(
  d: Draft,
  text: string,
  shown: string | null,
  now: number,
  offered: boolean,
): SummaryRead {
  if (shown === 'send') return { kind: 'send' };
  if (shown === 'send_ombudsman') return { kind: 'send_escalated' };
  if (shown === 'edit') return { kind: 'edit_menu' };
  if (shown === 'cancel') return { kind: 'cancel' };
  const edit = parseEditRequest(text);
  if (edit) return { kind: 'edit', field: edit };
  if (
    offered &&
    /\bombudsman\b/.test(normalize(text)) &&
    leadingYesNo(text) !== 'no' &&
    !/\b(tidak|jangan|tanpa) (usah |perlu )?(ke )?ombudsman\b/.test(normalize(text))
  )
    return { kind: 'send_escalated' };
  if (isWholeSend(text)) return { kind: 'send' };
  const fix = correction(d, text, now);
  if (fix) return fix;
  const yn = parseYesNo(text);
  if (yn === 'no' || /^(salah|keliru|belum benar|ada yang salah|ada yg salah)\b/i.test(text.trim()))
    return { kind: 'edit_menu' };
  return { kind: 'unclear' };
}
