// One question of the intake flow per field: how it is asked, how an answer is understood, what comes next.

import type { Choice, ReplyEffect, Vars } from '../src/conversation/effects.js';
import type { Expecting } from '../src/conversation/expecting.js';
import { CATEGORY_IDS, type CategoryId, USUAL_AGENCY, suggestCategories } from '../src/domain/categories.js';
import { IdentityMode } from '../src/domain/complaint.js';
import { parseChoice } from '../src/understand/choice.js';
import { parseIncidentDate } from '../src/understand/dates.js';
import { locatePin } from '../src/understand/geo.js';
import { parseNik } from '../src/understand/nik.js';
import { normalize } from '../src/understand/normalize.js';
import { parsePhone } from '../src/understand/phone.js';
import { findRegion, kabkotaByCode, regionChoiceList } from '../src/understand/regions.js';
import { parseAlready, parseYesNo } from '../src/understand/yes-no.js';
import type { Draft, Field, IntakeContext, Notice } from './intake-context.js';
import { LIMITS } from './intake-context.js';
import type { MessageBody } from './intake-events.js';

export type Answer =
  | { ok: true; draft: Draft; notices: Notice[] }
  | {
      ok: false;
      error: string;
      vars?: Vars /** Give up asking: the field is skipped with this notice. */;
      skip?: Notice;
    };

const EXPECTING: Record<Field, Expecting> = {
  story: 'story',
  category: 'category',
  agency: 'agency',
  region: 'region',
  location: 'location',
  incident_date: 'incident_date',
  prior_report: 'prior_report',
  prior_result: 'prior_result',
  expectation: 'expectation',
  evidence: 'evidence',
  identity_mode: 'identity_mode',
  name: 'name',
  nik: 'nik',
  phone: 'phone',
  escalate: 'escalate',
};

/** Words that skip an optional question. */
const SKIP_WORDS = [
  'lewati',
  'skip',
  'tidak ada',
  'tidak',
  'nggak',
  'gak',
  'ga',
  'ndak',
  'kada',
  'kadada',
  'no',
  'tidak tahu',
  'gak tau',
  'tidak tau',
  'ga tau',
];

export function isSkip(text: string): boolean {
  const t = normalize(text)
    .replace(/[^\p{L}\s]/gu, '')
    .trim();
  return SKIP_WORDS.includes(t) || /^(lewat|lewati|skip|tidak (ada|tahu|tau|punya))\b/.test(t);
}

/** The next question still open, in a natural order; null when the complaint is complete. */
export function nextMissing(ctx: IntakeContext): Field | null {
  const d = ctx.draft;
  const has = (f: Field) => d.answered.includes(f);
  if (d.story.length === 0) return 'story';
  if (!has('location') && !d.location) return 'location';
  if (!d.kabkotaCode) return 'region';
  if (!d.category) return 'category';
  if (!has('agency') && !d.agency) return 'agency';
  if (!has('incident_date') && !d.incidentDate) return 'incident_date';
  if (d.priorReport === null) return 'prior_report';
  if (d.priorReport && !has('prior_result')) return 'prior_result';
  if (!d.expectation) return 'expectation';
  if (!has('evidence') && d.attachments.length === 0) return 'evidence';
  if (!d.identityMode) return 'identity_mode';
  if (d.identityMode !== 'anonim') {
    if (!d.name) return 'name';
    if (!has('nik')) return 'nik';
    if (!d.phone && !ctx.channelPhone && !has('phone')) return 'phone';
    // Ombudsman takes a report only with the reporter's NIK.
    if (d.escalate && !d.nik) return 'nik';
  }
  return null;
}

function categoryChoices(): Choice[] {
  return CATEGORY_IDS.map((id) => ({ id, label: { key: `category.${id}` } }));
}

/** The likely kab/kota first (an ambiguous name or pin), then every other one, so that all stay reachable. */
function regionChoices(d: Draft): Choice[] {
  const all = regionChoiceList().map((r) => r.code);
  const codes = [...d.regionCandidates, ...all.filter((c) => !d.regionCandidates.includes(c))];
  return codes.map((code) => ({ id: code, label: { literal: kabkotaByCode(code)?.name ?? code } }));
}

const IDENTITY_CHOICES: Choice[] = IdentityMode.options.map((id) => ({
  id,
  label: { key: `identity.${id}` },
}));

/** The question for a field; after `fails` failed answers it comes with an example or a choice list. */
export function askField(ctx: IntakeContext, field: Field): ReplyEffect {
  const d = ctx.draft;
  const expecting = EXPECTING[field];
  const more = ctx.fails > 0 ? [{ key: `ask.${field}.example` }] : undefined;
  const base = { expecting, ...(more ? { more } : {}) };
  switch (field) {
    case 'story':
      return { type: 'reply', key: 'ask.story', ...base };
    case 'location':
      return {
        type: 'reply',
        key: 'ask.location',
        ...base,
        choices: ctx.fails >= 3 ? [{ id: 'skip', label: { key: 'choice.skip' } }] : undefined,
      };
    case 'region':
      return {
        type: 'reply',
        key: d.regionCandidates.length > 0 ? 'ask.region.which' : 'ask.region',
        ...base,
        choices: regionChoices(d),
      };
    case 'category':
      return { type: 'reply', key: 'ask.category', ...base, choices: categoryChoices() };
    case 'agency': {
      const usual = d.category ? USUAL_AGENCY[d.category] : null;
      const choices: Choice[] = usual ? [{ id: 'usual', label: { literal: usual } }] : [];
      choices.push({ id: 'unknown', label: { key: 'choice.unknown' } });
      return { type: 'reply', key: 'ask.agency', ...base, choices };
    }
    case 'incident_date':
      return {
        type: 'reply',
        key: 'ask.incident_date',
        ...base,
        choices:
          ctx.fails >= 3
            ? (['today', 'this_week', 'this_month', 'last_month', 'unknown'] as const).map((id) => ({
                id,
                label: { key: `choice.date.${id}` },
              }))
            : undefined,
      };
    case 'prior_report':
      return {
        type: 'reply',
        key: 'ask.prior_report',
        ...base,
        choices: [
          { id: 'yes', label: { key: 'choice.already' } },
          { id: 'no', label: { key: 'choice.not_yet' } },
        ],
      };
    case 'prior_result':
      return { type: 'reply', key: 'ask.prior_result', ...base };
    case 'expectation':
      return { type: 'reply', key: 'ask.expectation', ...base };
    case 'evidence':
      return {
        type: 'reply',
        key: 'ask.evidence',
        ...base,
        choices: [{ id: 'skip', label: { key: 'choice.skip' } }],
      };
    case 'identity_mode':
      return { type: 'reply', key: 'ask.identity_mode', ...base, choices: IDENTITY_CHOICES };
    case 'name':
      return {
        type: 'reply',
        key: 'ask.name',
        ...base,
        choices: ctx.fails >= 3 ? [{ id: 'anonim', label: { key: 'choice.go_anonymous' } }] : undefined,
      };
    case 'escalate':
      return {
        type: 'reply',
        key: 'ask.escalate',
        ...base,
        choices: [
          { id: 'yes', label: { key: 'choice.escalate' } },
          { id: 'no', label: { key: 'choice.no_escalate' } },
        ],
      };
    case 'nik':
      return {
        type: 'reply',
        key: d.escalate ? 'ask.nik.ombudsman' : 'ask.nik',
        ...base,
        choices: [{ id: 'skip', label: { key: 'choice.skip' } }],
      };
    case 'phone':
      return {
        type: 'reply',
        key: 'ask.phone',
        ...base,
        choices: [{ id: 'skip', label: { key: 'choice.skip' } }],
      };
  }
}

const clip = (text: string, max: number = LIMITS.answerChars) => text.trim().slice(0, max);

const hasLetters = (text: string) => /\p{L}{2,}/u.test(text);

function withAnswered(d: Draft, field: Field, patch: Partial<Draft>): Draft {
  return {
    ...d,
    ...patch,
    answered: d.answered.includes(field) ? d.answered : [...d.answered, field],
    guessed: d.guessed.filter((g) => g !== field),
  };
}

/** Region facts from a place description or a pin, merged into the draft. */
function applyPlace(
  d: Draft,
  text: string,
  body: MessageBody,
): { draft: Draft; notices: Notice[]; outside: boolean } {
  const notices: Notice[] = [];
  let draft = d;
  if (body.location) {
    const pin = body.pin ?? locatePin(body.location.lat, body.location.lon);
    if (pin.kind === 'outside') return { draft, notices: [{ key: 'notice.outside_kalsel' }], outside: true };
    draft = { ...draft, location: body.location };
    if (pin.kind === 'found') {
      draft = {
        ...draft,
        kabkotaCode: pin.kabkotaCode,
        kecamatanCode: pin.kecamatanCode,
        regionCandidates: [],
      };
    } else {
      const codes = [...new Set(pin.candidates.map((c) => c.kabkotaCode))];
      draft = { ...draft, kabkotaCode: null, kecamatanCode: null, regionCandidates: codes };
    }
  }
  if (text) {
    const region = findRegion(text);
    if (region.kind === 'found') {
      draft = {
        ...draft,
        kabkotaCode: region.match.kabkotaCode,
        kecamatanCode: region.match.kecamatanCode ?? null,
        regionCandidates: [],
      };
    } else if (region.kind === 'ambiguous') {
      const codes = [...new Set(region.candidates.map((c) => c.kabkotaCode))];
      const known = draft.kabkotaCode;
      const fits = known ? region.candidates.find((c) => c.kabkotaCode === known) : undefined;
      if (fits) draft = { ...draft, kecamatanCode: fits.kecamatanCode ?? draft.kecamatanCode };
      else if (codes.length > 1)
        draft = { ...draft, kabkotaCode: null, kecamatanCode: null, regionCandidates: codes };
    }
  }
  return { draft, notices, outside: false };
}

/** Understands an answer to `field`. Pure: the same context and message always give the same answer. */
export function answerField(ctx: IntakeContext, field: Field, body: MessageBody, now: number): Answer {
  // Guards and actions of one step ask the same question about the same message: compute it once.
  if (last && last.ctx === ctx && last.field === field && last.body === body && last.now === now)
    return last.answer;
  const answer = answerUncached(ctx, field, body, now);
  last = { ctx, field, body, now, answer };
  return answer;
}

let last: { ctx: IntakeContext; field: Field; body: MessageBody; now: number; answer: Answer } | null = null;

function answerUncached(ctx: IntakeContext, field: Field, body: MessageBody, now: number): Answer {
  const d = ctx.draft;
  const text = clip(body.text);
  const fails = ctx.fails + 1;
  switch (field) {
    case 'story': {
      if (!hasLetters(text)) return { ok: false, error: 'error.need_text' };
      return {
        ok: true,
        draft: withAnswered(d, 'story', { story: [clip(text, LIMITS.storyChars)] }),
        notices: [],
      };
    }
    case 'location': {
      if (!text && !body.location) return { ok: false, error: 'error.location' };
      if (
        text &&
        (isSkip(text) || (ctx.fails >= 3 && parseChoice(text, [{ id: 'skip', words: ['lewati'] }])))
      )
        return { ok: true, draft: withAnswered(d, 'location', {}), notices: [] };
      if (text && (!/\p{L}{3,}/u.test(text) || parseYesNo(text) !== null) && !body.location) {
        return fails >= 3
          ? { ok: false, error: 'error.location', skip: { key: 'notice.skipped_location' } }
          : { ok: false, error: 'error.location' };
      }
      const place = applyPlace(d, text, body);
      if (place.outside) return { ok: false, error: 'notice.outside_kalsel' };
      const address = text ? text : d.address;
      return { ok: true, draft: withAnswered(place.draft, 'location', { address }), notices: place.notices };
    }
    case 'region': {
      const choices = regionChoices(d);
      const picked = parseChoice(
        text,
        choices.map((c) => {
          const k = kabkotaByCode(c.id);
          return {
            id: c.id,
            words: k ? [k.name, ...k.aliases.filter((a) => a.strength === 'strong').map((a) => a.text)] : [],
          };
        }),
      );
      if (picked) {
        return {
          ok: true,
          draft: withAnswered(d, 'region', { kabkotaCode: picked, regionCandidates: [] }),
          notices: [],
        };
      }
      const place = applyPlace(d, text, body);
      if (place.outside) return { ok: false, error: 'notice.outside_kalsel' };
      if (place.draft.kabkotaCode)
        return { ok: true, draft: withAnswered(place.draft, 'region', {}), notices: [] };
      if (
        place.draft.regionCandidates.length > 0 &&
        place.draft.regionCandidates.join() !== d.regionCandidates.join()
      ) {
        return { ok: true, draft: place.draft, notices: [] };
      }
      return { ok: false, error: 'error.region' };
    }
    case 'category': {
      const picked = parseChoice(
        text,
        CATEGORY_IDS.map((id) => ({ id, words: [id.replace(/_/g, ' ')] })),
      );
      const suggested = picked ? null : suggestCategories(text)[0];
      const category: CategoryId | null = picked ?? suggested?.category ?? null;
      if (category) {
        return {
          ok: true,
          draft: withAnswered(d, 'category', { category, categoryReasons: suggested?.reasons ?? [] }),
          notices: [],
        };
      }
      if (fails >= 3) {
        return {
          ok: true,
          draft: withAnswered(d, 'category', { category: 'lainnya', categoryReasons: [] }),
          notices: [{ key: 'notice.category_other' }],
        };
      }
      return { ok: false, error: 'error.category' };
    }
    case 'agency': {
      const usual = d.category ? USUAL_AGENCY[d.category] : null;
      const picked = parseChoice(text, [
        ...(usual ? [{ id: 'usual', words: [usual] }] : []),
        {
          id: 'unknown',
          words: [
            'tidak tahu',
            'tidak tau',
            'gak tau',
            'ga tau',
            'entah',
            'lewati',
            "don't know",
            'dont know',
            'unknown',
          ],
        },
      ]);
      if (picked === 'unknown' || isSkip(text))
        return { ok: true, draft: withAnswered(d, 'agency', { agency: null }), notices: [] };
      if (picked === 'usual' && usual)
        return { ok: true, draft: withAnswered(d, 'agency', { agency: usual }), notices: [] };
      if (!hasLetters(text)) return { ok: false, error: 'error.agency' };
      return { ok: true, draft: withAnswered(d, 'agency', { agency: clip(text, 200) }), notices: [] };
    }
    case 'incident_date': {
      if (ctx.fails >= 3) {
        const picked = parseChoice(text, [
          { id: 'today', words: ['hari ini'] },
          { id: 'this_week', words: ['minggu ini'] },
          { id: 'this_month', words: ['bulan ini'] },
          { id: 'last_month', words: ['bulan lalu'] },
          { id: 'unknown', words: ['tidak ingat', 'lupa'] },
        ]);
        if (picked === 'unknown')
          return { ok: true, draft: withAnswered(d, 'incident_date', { incidentDate: null }), notices: [] };
        if (picked) {
          const phrase = {
            today: 'hari ini',
            this_week: 'minggu ini',
            this_month: 'awal bulan ini',
            last_month: 'bulan lalu',
          }[picked];
          const parsed = parseIncidentDate(phrase, new Date(now));
          if (parsed.ok) {
            return {
              ok: true,
              draft: withAnswered(d, 'incident_date', {
                incidentDate: { ...parsed.value, tooOld: parsed.tooOld },
              }),
              notices: [],
            };
          }
        }
      }
      const parsed = parseIncidentDate(text, new Date(now));
      if (!parsed.ok) {
        return { ok: false, error: parsed.reason === 'future' ? 'error.date_future' : 'error.date' };
      }
      return {
        ok: true,
        draft: withAnswered(d, 'incident_date', { incidentDate: { ...parsed.value, tooOld: parsed.tooOld } }),
        notices: parsed.tooOld ? [{ key: 'notice.too_old' }] : [],
      };
    }
    case 'prior_report': {
      const picked =
        parseChoice(text, [
          { id: 'yes', words: ['sudah', 'pernah', 'sudah pernah'] },
          { id: 'no', words: ['belum', 'belum pernah', 'tidak pernah'] },
        ]) ??
        parseAlready(text) ??
        parseYesNo(text);
      if (!picked) return { ok: false, error: 'error.yes_no' };
      const done = picked === 'yes';
      return {
        ok: true,
        draft: withAnswered(d, 'prior_report', {
          priorReport: done,
          priorResult: done ? d.priorResult : null,
        }),
        notices: [],
      };
    }
    case 'prior_result':
    case 'expectation': {
      if (!hasLetters(text)) {
        if (field === 'prior_result' && fails >= 3)
          return { ok: true, draft: withAnswered(d, field, {}), notices: [] };
        return { ok: false, error: 'error.need_text' };
      }
      const patch = field === 'prior_result' ? { priorResult: text } : { expectation: text };
      return { ok: true, draft: withAnswered(d, field, patch), notices: [] };
    }
    case 'evidence': {
      if (body.attachments.length > 0 || d.attachments.length > 0) {
        return { ok: true, draft: withAnswered(d, 'evidence', {}), notices: [] };
      }
      if (isSkip(text) || parseChoice(text, [{ id: 'skip', words: ['lewati'] }]) || fails >= 3) {
        return { ok: true, draft: withAnswered(d, 'evidence', {}), notices: [] };
      }
      return { ok: false, error: 'error.evidence' };
    }
    case 'identity_mode': {
      const mode = parseChoice(text, [
        { id: 'biasa', words: ['biasa', 'normal', 'terbuka'] },
        { id: 'rahasia', words: ['rahasia', 'dirahasiakan', 'confidential'] },
        { id: 'anonim', words: ['anonim', 'anonymous', 'tanpa nama'] },
      ]);
      if (!mode) return { ok: false, error: 'error.choice' };
      const patch =
        mode === 'anonim'
          ? { identityMode: mode, name: null, nik: null, phone: null }
          : { identityMode: mode };
      return { ok: true, draft: withAnswered(d, 'identity_mode', patch), notices: [] };
    }
    case 'name': {
      if (ctx.fails >= 3 && parseChoice(text, [{ id: 'anonim', words: ['anonim'] }])) {
        return {
          ok: true,
          draft: withAnswered(d, 'identity_mode', {
            identityMode: 'anonim',
            name: null,
            nik: null,
            phone: null,
          }),
          notices: [],
        };
      }
      const name = text.replace(/\s+/g, ' ').replace(/^(nama saya|saya|nama|namaku|ulun)\s+/i, '');
      if (!/^[\p{L}][\p{L}\p{M}.,'’\- ]{1,119}$/u.test(name)) return { ok: false, error: 'error.name' };
      return { ok: true, draft: withAnswered(d, 'name', { name }), notices: [] };
    }
    case 'escalate': {
      const picked =
        parseChoice(text, [
          { id: 'yes', words: ['ombudsman', 'teruskan', 'ya teruskan', 'teruskan ke ombudsman'] },
          { id: 'no', words: ['instansi saja', 'tidak usah', 'jangan'] },
        ]) ?? parseYesNo(text);
      if (!picked) return { ok: false, error: 'error.yes_no' };
      if (picked === 'yes' && d.identityMode === 'anonim')
        return {
          ok: true,
          draft: withAnswered(d, 'escalate', { escalate: false }),
          notices: [{ key: 'notice.escalate_anonim' }],
        };
      return { ok: true, draft: withAnswered(d, 'escalate', { escalate: picked === 'yes' }), notices: [] };
    }
    case 'nik': {
      if (isSkip(text) && d.escalate)
        return {
          ok: true,
          draft: withAnswered(d, 'nik', { nik: null, escalate: false }),
          notices: [{ key: 'notice.escalate_without_nik' }],
        };
      if (isSkip(text)) return { ok: true, draft: withAnswered(d, 'nik', { nik: null }), notices: [] };
      const nik = parseNik(text, new Date(now));
      if (nik.ok) return { ok: true, draft: withAnswered(d, 'nik', { nik: nik.nik }), notices: [] };
      if (fails >= 3)
        return { ok: false, error: `error.nik.${nik.reason}`, skip: { key: 'notice.skipped_nik' } };
      return { ok: false, error: `error.nik.${nik.reason}` };
    }
    case 'phone': {
      if (isSkip(text)) return { ok: true, draft: withAnswered(d, 'phone', { phone: null }), notices: [] };
      const phone = parsePhone(body.contactPhone ?? text);
      if (phone.ok) return { ok: true, draft: withAnswered(d, 'phone', { phone: phone.e164 }), notices: [] };
      if (fails >= 3) return { ok: false, error: 'error.phone', skip: { key: 'notice.skipped_phone' } };
      return { ok: false, error: 'error.phone' };
    }
  }
}

/** Marks a field skipped after repeated failures (never a dead end). */
export function skipField(d: Draft, field: Field): Draft {
  // Without a NIK there is no Ombudsman escalation: otherwise the question would come back for ever.
  return withAnswered(d, field, field === 'nik' && d.escalate ? { escalate: false } : {});
}

/** Summary rows, numbered as the citizen can pick them for a correction. */
export const SUMMARY_FIELDS: Field[] = [
  'story',
  'category',
  'agency',
  'region',
  'location',
  'incident_date',
  'prior_report',
  'expectation',
  'evidence',
  'identity_mode',
  'name',
  'nik',
  'phone',
];

/** Which field a correction request names: "ubah lokasi", "ganti tanggal", "5". */
export function parseEditRequest(text: string): Field | null {
  const t = normalize(text)
    .replace(/^(ubah|ganti|ralat|koreksi|perbaiki|edit|salah)\s*/, '')
    .trim();
  if (!t) return null;
  const num = /^(?:no(?:mor)?\.?\s*)?(\d{1,2})$/.exec(t);
  if (num) return SUMMARY_FIELDS[Number(num[1]) - 1] ?? null;
  const words: [Field, string[]][] = [
    ['story', ['cerita', 'kronologi', 'kejadian', 'isi', 'laporan', 'story']],
    ['category', ['kategori', 'jenis', 'topik', 'category']],
    ['agency', ['instansi', 'terlapor', 'kantor', 'dinas', 'lembaga', 'agency', 'office']],
    ['region', ['wilayah', 'kabupaten', 'kota', 'kab', 'daerah', 'kabkota', 'region']],
    ['location', ['lokasi', 'alamat', 'tempat', 'patokan', 'lokasinya', 'alamatnya', 'location', 'address']],
    ['incident_date', ['tanggal', 'waktu', 'kapan', 'tgl', 'hari', 'date', 'time']],
    ['prior_report', ['pengaduan sebelumnya', 'sebelumnya', 'pernah lapor', 'aduan sebelumnya']],
    ['expectation', ['harapan', 'keinginan', 'permintaan', 'tuntutan', 'expectation']],
    ['evidence', ['bukti', 'foto', 'lampiran', 'dokumen', 'evidence', 'photo']],
    ['identity_mode', ['identitas', 'mode', 'rahasia', 'anonim', 'biasa', 'identity']],
    ['name', ['nama', 'name']],
    ['nik', ['nik', 'ktp']],
    ['phone', ['telepon', 'hp', 'nomor hp', 'no hp', 'telp', 'wa', 'nomor', 'phone']],
  ];
  for (const [field, list] of words) if (list.includes(t)) return field;
  return null;
}
