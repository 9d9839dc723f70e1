// The ticket desk's part of "hapus data saya" and of retention: a ticket without its reporter (no name, NIK, phone,
// files or chat link; anonim from now on), every text about it masked of what is known of the person, its event and
// its search index rebuilt. The values themselves are never written anywhere.
import { z } from 'zod';
import { Complaint } from '../domain/complaint.js';
import { t } from '../i18n/locales.js';
import { maskFileName } from '../privacy/file-name-masking.js';
import { maskFreeText } from '../privacy/mask-free-text.js';
import type { Mask } from '../storage/erasure.js';
import type { Store } from '../storage/store.js';
import { reindex } from './ticket-changes.js';

/** Who asked: the citizen in their chat, or retention after RETENTION_DAYS. */
export type ErasedBy = 'citizen' | 'retention';

/** What is known of the person: the names, NIKs and phones the chat gave, and the chat's own addresses. */
export type KnownPerson = { names: string[]; niks: string[]; phones: string[]; addresses: string[] };

/** A chat's address read as a phone number when it is one (WhatsApp: `6281…` or `6281…@c.us`), else null. */
function addressPhone(address: string): string | null {
  const digits = address.replace(/@.*$/, '');
  return /^\d{8,15}$/.test(digits) ? `+${digits}` : null;
}

/** The person as one ticket adds to it: its name, NIK and phone. */
export function withComplaint(
  known: KnownPerson,
  c: { name: string | null; nik: string | null; phone: string | null },
): KnownPerson {
  const add = (list: string[], v: string | null) => (v && !list.includes(v) ? [...list, v] : list);
  return {
    ...known,
    names: add(known.names, c.name),
    niks: add(known.niks, c.nik),
    phones: add(known.phones, c.phone),
  };
}

/**
 * Masks every name, NIK and phone of the person however it is written (`maskFreeText`, once per identity the chat
 * gave), and the chat's addresses as they are stored.
 */
export function knownMask(known: KnownPerson): Mask {
  const phones = [...known.phones, ...known.addresses.flatMap((a) => addressPhone(a) ?? [])];
  const passes = Math.max(1, known.names.length, known.niks.length, phones.length);
  const identities = Array.from({ length: passes }, (_, i) => ({
    name: known.names[i] ?? null,
    nik: known.niks[i] ?? null,
    phone: phones[i] ?? null,
  }));
  const addresses = known.addresses.filter((a) => a.length >= 5);
  const marker = t('id', 'erasure.mask.chat');
  return (text) => {
    let out = text;
    for (const a of addresses) out = out.split(a).join(marker);
    for (const k of identities) out = maskFreeText(out, k);
    return out;
  };
}

/** What a complaint that does not parse still says of the reporter, where a readable one says it. */
const LooseIdentity = z.object({
  name: z.string().nullable().catch(null),
  nik: z.string().nullable().catch(null),
  phone: z.string().nullable().catch(null),
});
const NOBODY = { name: null, nik: null, phone: null };
/** What erasure sets of the reporter, in a readable complaint or not. */
const anonymous = (why: ErasedBy) => ({
  attachments: [],
  identityMode: 'anonim',
  name: null,
  nik: null,
  phone: null,
  identityErased: why,
});

/** The JSON value of a text, or undefined when it is not JSON. */
function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Every string inside a JSON value, masked. */
function maskStrings(v: unknown, mask: Mask): unknown {
  if (typeof v === 'string') return mask(v);
  if (Array.isArray(v)) return v.map((x) => maskStrings(x, mask));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskStrings(x, mask)]));
  return v;
}

/** A ticket's complaint as erasure reads it: the reporter it names, and what it becomes once erased. */
type Erasable = {
  identity: { name: string | null; nik: string | null; phone: string | null };
  erased: (mask: Mask) => unknown;
};

/**
 * A readable complaint keeps its story (masked) and facts; one that does not parse keeps every string in it masked (a
 * text that is not even a JSON object becomes its story, masked). Either becomes anonim with `identityErased`.
 */
function erasable(store: Store, ticketId: number, why: ErasedBy): Erasable {
  const c = store.tickets.complaint(ticketId);
  if (!c) {
    const raw = store.tickets.complaintText(ticketId) ?? '';
    const json = parseJson(raw);
    return {
      identity: LooseIdentity.safeParse(json).data ?? NOBODY,
      erased: (mask) => {
        const masked = z.record(z.string(), z.unknown()).safeParse(maskStrings(json, mask));
        return {
          ...(masked.success ? masked.data : { story: mask(raw).slice(0, 20_000) }),
          ...anonymous(why),
        };
      },
    };
  }
  return {
    identity: c,
    erased: (mask) => {
      const maybe = (s: string | null) => (s === null ? null : mask(s));
      return Complaint.parse({
        ...c,
        story: mask(c.story).slice(0, 20_000),
        agency: maybe(c.agency)?.slice(0, 200) ?? null,
        address: maybe(c.address)?.slice(0, 500) ?? null,
        expectation: mask(c.expectation).slice(0, 2000),
        priorReport: {
          ...c.priorReport,
          result: maybe(c.priorReport.result)?.slice(0, 2000) ?? null,
          ...(c.priorReport.to ? { to: mask(c.priorReport.to).slice(0, 200) } : {}),
        },
        ...anonymous(why),
      });
    },
  };
}

/**
 * Erases one ticket's reporter inside the caller's transaction: the complaint as `erasable` makes it; notes, events,
 * rating, routing, audit details and the names of the officers' answer files are masked; its files' rows and its chat
 * link go (the files queued for removal); `erased_at` is set (retention does not take it again, its complaint readable
 * or not); an `identity_erased` event is written. Returns the files' hashes.
 */
export function eraseIdentity(
  store: Store,
  ticketId: number,
  why: ErasedBy,
  known: KnownPerson,
  now: number,
): string[] {
  const complaint = erasable(store, ticketId, why);
  const mask = knownMask(withComplaint(known, complaint.identity));
  const files = store.erasure.eraseTicket(
    ticketId,
    JSON.stringify(complaint.erased(mask)),
    'anonim',
    mask,
    now,
    why === 'citizen' ? 'erasure' : 'retention',
  );
  store.erasure.maskAnswerFileNames(ticketId, (name) => maskFileName(name, mask));
  store.ticketEvents.add({
    ticketId,
    at: now,
    actor: why === 'citizen' ? 'citizen' : 'system',
    type: 'identity_erased',
    from: null,
    to: null,
    reason: why,
    data: { files: files.length },
  });
  reindex(store, ticketId);
  return files;
}
