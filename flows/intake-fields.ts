// One question of the intake flow per field: how it is asked, how an answer is understood, what comes next.

import { CATEGORY_IDS, type CategoryId, USUAL_AGENCY } from '../src/domain/categories.js';
import { IdentityMode } from '../src/domain/complaint.js';
import type { Expecting } from '../src/domain/expecting.js';
import type { Choice, ReplyEffect, Vars } from '../src/domain/reply.js';
import { parseChoice } from '../src/understand/choice.js';
import { parseIncidentDate } from '../src/understand/dates.js';
import { locatePin } from '../src/understand/geo.js';
import { parseNik } from '../src/understand/nik.js';
import { normalize } from '../src/understand/normalize.js';
import { PHONE_IN_TEXT, parsePhone } from '../src/understand/phone.js';
import { kabkotaByCode, regionChoiceList } from '../src/understand/region-lookup.js';
import { findRegion } from '../src/understand/regions.js';
import { findReportedTo } from '../src/understand/reported-to.js';
import { suggestCategories } from '../src/understand/suggest-categories.js';
import { leadingYesNo, parseAlready, parseYesNo } from '../src/understand/yes-no.js';
import type { Draft, Field, IntakeContext, Notice } from './intake-context.js';
import { LIMITS } from './intake-context.js';
import type { MessageBody } from './intake-events.js';
import { pickShown } from './intake-shown.js';

export type Answer =
  | { ok: true; draft: Draft; notices: Notice[] }
  | { ok: false; error: string; vars?: Vars };

/** The fourth answer that is still not understood gets the field's fallback: a question is asked at most 3 times. */
export const MAX_ASKS = 3;

/** kab/kota "tidak tahu": Kalsel as a whole, so the complaint is routed to Ombudsman Kalsel for triage. */
export const KABKOTA_UNKNOWN = '63.00';

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

/** Categories whose agency looks the citizen up by NIK (population records, social aid, BPJS membership). */
const NIK_CATEGORIES: ReadonlySet<CategoryId> = new Set(['adminduk', 'bansos', 'jaminan_sosial']);

/** Problems at a place, which a photo shows (a road, rubbish, a pipe, a street stall): the spot and a photo are asked. */
const PHOTO_CATEGORIES: ReadonlySet<CategoryId> = new Set([
  'infrastruktur',
  'air_minum',
  'energi_listrik',
  'lingkungan',
  'perhubungan',
  'ketertiban',
]);

/** The next question still open, in a natural order; null when the complaint is complete. */
export function nextMissing(ctx: IntakeContext): Field | null {
  const d = ctx.draft;
  const has = (f: Field) => d.answered.includes(f);
  if (d.story.length === 0) return 'story';
  // The exact spot where a place matters (a road, a pipe, rubbish), or to learn the region; an office's service needs none.
  if (!has('location') && !d.location && !d.address && (!d.category || PHOTO_CATEGORIES.has(d.category)))
    return 'location';
  if (!d.kabkotaCode) return 'region';
  if (!d.category) return 'category';
  if (!has('agency') && !d.agency) return 'agency';
  if (!has('incident_date') && !d.incidentDate) return 'incident_date';
  if (d.priorReport === null) return 'prior_report';
  if (d.priorReport && !has('prior_result')) return 'prior_result';
  if (!d.expectation) return 'expectation';
  if (!has('evidence') && d.attachments.length === 0 && d.category && PHOTO_CATEGORIES.has(d.category))
    return 'evidence';
  if (!d.identityMode) return 'identity_mode';
  if (d.identityMode !== 'anonim') {
    if (!d.name) return 'name';
    // The NIK only where it is needed: the agency finds the citizen's record by it, or Ombudsman requires it.
    if (!has('nik') && d.category && NIK_CATEGORIES.has(d.category)) return 'nik';
    if (!d.phone && !ctx.channelPhone && !has('phone')) return 'phone';
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
  return [
    ...codes.map((code) => ({ id: code, label: { literal: kabkotaByCode(code)?.name ?? code } })),
    { id: 'unknown', label: { key: 'choice.unknown' } },
  ];
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
        choices: ctx.fails >= 2 ? [{ id: 'skip', label: { key: 'choice.skip' } }] : undefined,
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
          ctx.fails >= 2
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
    case 'expectation': {
      // Where the photo question is not asked, the citizen hears that files are welcome.
      const files =
        d.attachments.length === 0 && !(d.category && PHOTO_CATEGORIES.has(d.category))
          ? [{ key: 'ask.expectation.files' }]
          : [];
      const more = [...(base.more ?? []), ...files];
      return { type: 'reply', key: 'ask.expectation', expecting, ...(more.length ? { more } : {}) };
    }
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
        choices: ctx.fails >= 2 ? [{ id: 'anonim', label: { key: 'choice.go_anonymous' } }] : undefined,
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
  const shown = pickShown(askField(ctx, field), body.text);
  const answer =
    (shown !== null ? fromChoice(ctx, field, shown, now) : null) ?? understand(ctx, field, body, now);
  if (answer.ok || ctx.fails + 1 < MAX_ASKS) return answer;
  return fallback(ctx, field, body);
}

const ok = (draft: Draft, notices: Notice[] = []): Answer => ({ ok: true, draft, notices });

/** A tapped or typed-back choice of the question, by its id. */
function fromChoice(ctx: IntakeContext, field: Field, id: string, now: number): Answer | null {
  const d = ctx.draft;
  if (id === 'skip') return understand(ctx, field, { ...blank, text: 'lewati' }, now);
  switch (field) {
    case 'region':
      if (id === 'unknown') return regionUnknown(d);
      return kabkotaByCode(id)
        ? ok(withAnswered(d, 'region', { kabkotaCode: id, kecamatanCode: null, regionCandidates: [] }))
        : null;
    case 'category': {
      const category = CATEGORY_IDS.find((c) => c === id);
      return category ? ok(withAnswered(d, 'category', { category, categoryReasons: [] })) : null;
    }
    case 'agency':
      if (id === 'unknown') return ok(withAnswered(d, 'agency', { agency: null }));
      return id === 'usual' && d.category
        ? ok(withAnswered(d, 'agency', { agency: USUAL_AGENCY[d.category] }))
        : null;
    case 'incident_date': {
      if (id === 'unknown') return ok(withAnswered(d, 'incident_date', { incidentDate: null }));
      const phrase = DATE_CHOICES[id];
      const parsed = phrase ? parseIncidentDate(phrase, new Date(now)) : null;
      return parsed?.ok
        ? ok(withAnswered(d, 'incident_date', { incidentDate: { ...parsed.value, tooOld: parsed.tooOld } }))
        : null;
    }
    case 'prior_report':
      return id === 'yes' || id === 'no'
        ? ok(
            withAnswered(d, 'prior_report', {
              priorReport: id === 'yes',
              priorResult: id === 'yes' ? d.priorResult : null,
            }),
          )
        : null;
    case 'identity_mode': {
      const mode = IdentityMode.safeParse(id);
      return mode.success ? ok(withAnswered(d, 'identity_mode', identityPatch(mode.data))) : null;
    }
    case 'name':
      return id === 'anonim' ? ok(withAnswered(d, 'identity_mode', identityPatch('anonim'))) : null;
    default:
      return null;
  }
}

const blank: MessageBody = {
  text: '',
  attachments: [],
  location: null,
  contactPhone: null,
  channelPhone: null,
};

/** What the date choices (shown after two misunderstood answers) stand for. */
const DATE_CHOICES: Record<string, string> = {
  today: 'hari ini',
  this_week: 'minggu ini',
  this_month: 'awal bulan ini',
  last_month: 'bulan lalu',
};

function identityPatch(mode: IdentityMode): Partial<Draft> {
  return mode === 'anonim'
    ? { identityMode: mode, name: null, nik: null, phone: null }
    : { identityMode: mode };
}

function regionUnknown(d: Draft): Answer {
  return ok(
    withAnswered(d, 'region', { kabkotaCode: KABKOTA_UNKNOWN, kecamatanCode: null, regionCandidates: [] }),
    [{ key: 'notice.region_unknown' }],
  );
}

/**
 * After three misunderstood answers: an optional field is skipped and says so; a required one takes its named
 * fallback (category lainnya, region "tidak tahu", identity rahasia, free text as it was written).
 */
function fallback(ctx: IntakeContext, field: Field, body: MessageBody): Answer {
  const d = ctx.draft;
  const text = clip(body.text);
  switch (field) {
    case 'story':
      return ok(withAnswered(d, 'story', { story: [text || '-'] }));
    case 'location':
      return ok(withAnswered(d, 'location', {}), [{ key: 'notice.skipped_location' }]);
    case 'region':
      return regionUnknown(d);
    case 'category':
      return ok(withAnswered(d, 'category', { category: 'lainnya', categoryReasons: [] }), [
        { key: 'notice.category_other' },
      ]);
    case 'agency':
      return ok(withAnswered(d, 'agency', { agency: null }));
    case 'incident_date':
      return ok(withAnswered(d, 'incident_date', { incidentDate: null }), [{ key: 'notice.skipped_date' }]);
    case 'prior_report':
      return ok(withAnswered(d, 'prior_report', { priorReport: false, priorResult: null }), [
        { key: 'notice.prior_assumed_no' },
      ]);
    case 'prior_result':
      return ok(withAnswered(d, 'prior_result', { priorResult: text || null }));
    case 'expectation':
      return ok(withAnswered(d, 'expectation', { expectation: text || '-' }));
    case 'evidence':
      return ok(withAnswered(d, 'evidence', {}));
    case 'identity_mode':
      return ok(withAnswered(d, 'identity_mode', identityPatch('rahasia')), [
        { key: 'notice.identity_rahasia' },
      ]);
    case 'name':
      return hasLetters(text)
        ? ok(withAnswered(d, 'name', { name: text.replace(/\s+/g, ' ').slice(0, 120) }))
        : ok(withAnswered(d, 'identity_mode', identityPatch('anonim')), [{ key: 'notice.name_anonim' }]);
    case 'nik':
      return d.escalate
        ? ok(withAnswered(d, 'nik', { nik: null, escalate: false }), [{ key: 'notice.escalate_without_nik' }])
        : ok(withAnswered(d, 'nik', { nik: null }), [{ key: 'notice.skipped_nik' }]);
    case 'phone':
      return ok(withAnswered(d, 'phone', { phone: null }), [{ key: 'notice.skipped_phone' }]);
  }
}

/** Words in an "already reported?" answer that tell what came of it: the answer is kept as the result. */
const RESULT_WORDS =
  /\b(tapi|tetapi|namun|cuma|disuruh|katanya|dijanjikan|janji|ditolak|diabaikan|dicuekin|menunggu|tunggu|(tidak|belum) (di)?(tanggapi|respon|balas|proses|urus)|(tidak|belum) ada (tanggapan|kabar|respon|jawaban|hasil|kejelasan))\b/;

function understand(ctx: IntakeContext, field: Field, body: MessageBody, now: number): Answer {
  const d = ctx.draft;
  const text = clip(body.text);
  switch (field) {
    case 'story': {
      if (!hasLetters(text)) return { ok: false, error: 'error.need_text' };
      return ok(withAnswered(d, 'story', { story: [clip(text, LIMITS.storyChars)] }));
    }
    case 'location': {
      if (!text && !body.location) return { ok: false, error: 'error.location' };
      if (text && (isSkip(text) || isNone(text))) return ok(withAnswered(d, 'location', {}));
      if (text && (!/\p{L}{3,}/u.test(text) || parseYesNo(text) !== null) && !body.location)
        return { ok: false, error: 'error.location' };
      const place = applyPlace(d, text, body);
      if (place.outside) return { ok: false, error: 'notice.outside_kalsel' };
      const address = text ? text : d.address;
      return ok(withAnswered(place.draft, 'location', { address }), place.notices);
    }
    case 'region': {
      const choices = regionChoices(d).filter((c) => c.id !== 'unknown');
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
      if (picked) return ok(withAnswered(d, 'region', { kabkotaCode: picked, regionCandidates: [] }));
      if (isUnknown(text)) return regionUnknown(d);
      const place = applyPlace(d, text, body);
      if (place.outside) return { ok: false, error: 'notice.outside_kalsel' };
      if (place.draft.kabkotaCode) return ok(withAnswered(place.draft, 'region', {}));
      if (
        place.draft.regionCandidates.length > 0 &&
        place.draft.regionCandidates.join() !== d.regionCandidates.join()
      ) {
        return ok(place.draft);
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
      if (category)
        return ok(withAnswered(d, 'category', { category, categoryReasons: suggested?.reasons ?? [] }));
      if (isUnknown(text))
        return ok(withAnswered(d, 'category', { category: 'lainnya', categoryReasons: [] }), [
          { key: 'notice.category_other' },
        ]);
      return { ok: false, error: 'error.category' };
    }
    case 'agency': {
      const usual = d.category ? USUAL_AGENCY[d.category] : null;
      const picked = parseChoice(text, [
        ...(usual ? [{ id: 'usual', words: [usual] }] : []),
        { id: 'unknown', words: ['entah', "don't know", 'dont know', 'unknown'] },
      ]);
      if (picked === 'unknown' || isSkip(text) || isUnknown(text))
        return ok(withAnswered(d, 'agency', { agency: null }));
      if (picked === 'usual' && usual) return ok(withAnswered(d, 'agency', { agency: usual }));
      if (!hasLetters(text)) return { ok: false, error: 'error.agency' };
      return ok(withAnswered(d, 'agency', { agency: clip(text, 200) }));
    }
    case 'incident_date': {
      if (isUnknown(text)) return ok(withAnswered(d, 'incident_date', { incidentDate: null }));
      const parsed = parseIncidentDate(text, new Date(now));
      // "lupa", "sudah lama": asked once more for a rough idea; never a date the citizen did not give.
      if (!parsed.ok && parsed.reason === 'unknown')
        return ctx.fails > 0
          ? ok(withAnswered(d, 'incident_date', { incidentDate: null }))
          : { ok: false, error: 'error.date_unknown' };
      if (!parsed.ok)
        return {
          ok: false,
          error:
            parsed.reason === 'future'
              ? 'error.date_future'
              : parsed.reason === 'ambiguous'
                ? 'error.date_ambiguous'
                : 'error.date',
        };
      return ok(
        withAnswered(d, 'incident_date', { incidentDate: { ...parsed.value, tooOld: parsed.tooOld } }),
        parsed.tooOld ? [{ key: 'notice.too_old' }] : [],
      );
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
      // "sudah 2x ke kantor lurah tapi tidak ada tanggapan": the answer already tells what came of it.
      const told = done && RESULT_WORDS.test(normalize(text)) && text.split(/\s+/).length >= 3;
      const draft = withAnswered(d, 'prior_report', {
        priorReport: done,
        priorResult: done ? (told ? text : d.priorResult) : null,
        // "sudah lapor ke kelurahan": where it went is kept, and the result is still asked.
        priorTo: done ? (findReportedTo(text) ?? d.priorTo ?? null) : null,
      });
      return ok(told ? withAnswered(draft, 'prior_result', {}) : draft);
    }
    case 'prior_result':
    case 'expectation': {
      if (!hasLetters(text)) return { ok: false, error: 'error.need_text' };
      const patch = field === 'prior_result' ? { priorResult: text } : { expectation: text };
      return ok(withAnswered(d, field, patch));
    }
    case 'evidence': {
      if (body.attachments.length > 0 || d.attachments.length > 0 || isSkip(text) || isNone(text))
        return ok(withAnswered(d, 'evidence', {}));
      return { ok: false, error: 'error.evidence' };
    }
    case 'identity_mode': {
      const mode = parseChoice(text, [
        { id: 'biasa', words: ['biasa', 'normal', 'terbuka'] },
        {
          id: 'rahasia',
          words: [
            'rahasia',
            'dirahasiakan',
            'rahasiakan',
            'confidential',
            'jangan disebut',
            'jangan disebutkan',
            'tidak usah disebut',
            'disembunyikan',
            'sembunyikan',
          ],
        },
        { id: 'anonim', words: ['anonim', 'anonymous', 'tanpa nama', 'anon', 'tidak usah pakai nama'] },
      ]);
      if (!mode) return { ok: false, error: 'error.choice' };
      return ok(withAnswered(d, 'identity_mode', identityPatch(mode)));
    }
    case 'name': {
      const name = text
        .replace(/\s+/g, ' ')
        .replace(/^(nama saya|nama sy|saya|nama|namaku|ulun|aku)\s+/i, '');
      if (!/^[\p{L}][\p{L}\p{M}.,'’\- ]{1,119}$/u.test(name)) return { ok: false, error: 'error.name' };
      return ok(withAnswered(d, 'name', { name }));
    }
    case 'nik': {
      if (isSkip(text) || isNone(text)) {
        return d.escalate
          ? ok(withAnswered(d, 'nik', { nik: null, escalate: false }), [
              { key: 'notice.escalate_without_nik' },
            ])
          : ok(withAnswered(d, 'nik', { nik: null }));
      }
      const nik = parseNik(text, new Date(now));
      if (nik.ok) return ok(withAnswered(d, 'nik', { nik: nik.nik }));
      return { ok: false, error: `error.nik.${nik.reason}` };
    }
    case 'phone': {
      if (isSkip(text) || isNone(text)) return ok(withAnswered(d, 'phone', { phone: null }));
      // "wa aja 0813…", "0813… (wa)": the number inside the words.
      const phone = parsePhone(body.contactPhone ?? PHONE_IN_TEXT.exec(text)?.[0] ?? text);
      if (phone.ok) return ok(withAnswered(d, 'phone', { phone: phone.e164 }));
      return { ok: false, error: 'error.phone' };
    }
  }
}

/** "tidak tahu", "gak tau", "kada tahu", "entah": the citizen does not know. */
function isUnknown(text: string): boolean {
  return /^(saya |sy |ulun |aku )?(tidak|belum|kurang) (tahu|tau|paham|yakin)\b|^entah\b|^(dont|don't) know\b/.test(
    normalize(text),
  );
}

/** "tidak ada", "gk punya", "nanti aja", "ga usah", "fotonya nyusul": nothing to give now for an optional question. */
function isNone(text: string): boolean {
  const t = normalize(text);
  return (
    /^((saya|aku|sy) )?(tidak|belum) (ada|punya|usah|perlu|mau|bisa|hafal|ingat|bawa)\b|^nanti\b|^kosong\b|^none\b|^no\b/.test(
      t,
    ) || /\b(nyusul|menyusul|nanti|belakangan|later)\b/.test(t)
  );
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
