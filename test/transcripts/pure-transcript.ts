// A dialogue of dialogues.ts through the pure step alone (no database), every reply rendered and every effect written,
// as text: the golden transcripts' runner, and the check that a snapshot read back from its JSON steps as the object.
import type { Effect } from '../../flows/effects.js';
import {
  type IntakeEvent,
  type MessageBody,
  type StoredSnapshot,
  classify,
  step,
} from '../../flows/index.js';
import type { AttachmentRef } from '../../src/domain/complaint.js';
import type { ReplyEffect } from '../../src/domain/reply.js';
import { renderReply } from '../../src/i18n/locales.js';
import { defaultDirectory } from '../../src/routing/load-directory.js';
import { routingPort } from '../../src/routing/routing-port.js';
import { findCoordinates } from '../../src/understand/coordinates.js';
import { locatePin } from '../../src/understand/geo.js';
import type { Said } from '../helpers/harness.js';
import { T0 } from '../helpers/harness.js';
import type { DIALOGUES } from './dialogues.js';

const routing = routingPort(defaultDirectory());

/** What the runtime would hand the flow for a citizen's message (files get fixed ids: the step never reads bytes). */
function bodyOf(said: Said | string, n: number): MessageBody {
  const s: Said = typeof said === 'string' ? { text: said } : said;
  const text = s.text ?? '';
  const file = (kind: AttachmentRef['kind'], mime: string): AttachmentRef => ({
    id: `file-${n}`,
    kind,
    mime,
    size: 1000,
    sha256: String(n).padStart(64, '0'),
  });
  const attachments = [
    ...(s.photo ? [file('photo', 'image/jpeg')] : []),
    ...(s.voice ? [file('voice', 'audio/ogg')] : []),
    ...(s.sticker ? [file('sticker', 'image/webp')] : []),
  ];
  const own = s.contact?.own === true;
  const point = s.location ?? findCoordinates(text) ?? null;
  return {
    text: text || (s.place ? [s.place.name, s.place.address].filter(Boolean).join(', ') : ''),
    attachments,
    location: point,
    pin: point ? locatePin(point.lat, point.lon) : null,
    contactPhone: own ? (s.contact?.phone ?? null) : null,
    channelPhone: null,
    ...(s.forwarded || (s.contact && !own) ? { foreign: true } : {}),
  };
}

/** The runtime's answers to effects that answer the flow: a route, and a new ticket with a fixed number. */
function answer(effect: Effect, now: number, filed: number): IntakeEvent | null {
  if (effect.type === 'route') {
    const d = routing.route(effect.query);
    return {
      type: 'routed',
      now,
      route: {
        agencyId: d.agencyId,
        agencyName: routing.shortName(d.agencyId) ?? d.agencyName,
        reason: routing.explain(d.why, 'id'),
        offerEscalation: d.offerEscalation,
        fallback: d.fallback,
      },
    };
  }
  if (effect.type === 'submit') {
    const agency = effect.complaint.agency;
    return {
      type: 'ticket.created',
      now,
      ticket: `ADU-2611-G${String(filed).padStart(3, '0')}`,
      verifyDue: '2026-11-26',
      due: '2026-12-03',
      days: 5,
      agency,
      heldBy: null,
      pin: `90${String(filed).padStart(4, '0')}`,
      statusUrl: null,
    };
  }
  return null;
}

function reply(lang: 'id' | 'en', r: ReplyEffect): string {
  const m = renderReply(lang, r);
  const choices = m.choices.map((c, i) => (m.wordChoices ? `    [${c.label}]` : `    ${i + 1}. ${c.label}`));
  const body = m.text
    .split('\n')
    .map((l) => (l ? `  ${l}` : ''))
    .join('\n');
  return [`« (${m.expecting})`, body, ...choices].join('\n');
}

/**
 * One dialogue through the pure step: the transcript as text. Each step gets the snapshot the last one returned, or
 * with `readBack` that snapshot through JSON, as the runtime reads it from the database; `onStep` sees each one.
 */
export function transcript(
  turns: (typeof DIALOGUES)[number]['turns'],
  opts: { readBack?: boolean; onStep?: (stored: StoredSnapshot) => void } = {},
): string {
  const at: { stored: StoredSnapshot | null; deadline: number | null } = { stored: null, deadline: null };
  let now = T0;
  let filed = 0;
  const out: string[] = [];
  const run = (event: IntakeEvent) => {
    let events: IntakeEvent[] = [event];
    for (let round = 0; round < 4 && events.length > 0; round++) {
      const next: IntakeEvent[] = [];
      for (const e of events) {
        const r = step(at.stored, e, { channel: 'simulate', now });
        opts.onStep?.(r.stored);
        at.stored = opts.readBack ? JSON.parse(JSON.stringify(r.stored)) : r.stored;
        at.deadline = r.nextDeadline;
        for (const effect of r.effects) {
          if (effect.type === 'reply') {
            out.push(reply(r.stored.context.lang, effect));
            continue;
          }
          if (effect.type === 'submit') filed++;
          const { type, ...rest } = effect;
          out.push(`  = ${type} ${JSON.stringify(rest)}`);
          const a = answer(effect, now, filed);
          if (a) next.push(a);
        }
      }
      events = next;
    }
  };
  turns.forEach((turn, i) => {
    if ('restart' in turn) {
      out.push('— restart (the conversation is read back from storage) —');
      return;
    }
    if ('advanceMinutes' in turn) {
      now += turn.advanceMinutes * 60_000;
      out.push(`— ${turn.advanceMinutes} minutes later —`);
      // Stored deadlines fire one at a time, as the runtime's sweep does.
      for (let guard = 0; guard < 10 && at.deadline !== null && at.deadline <= now; guard++) {
        run({ type: 'timer', now });
      }
      return;
    }
    now += 60_000;
    const said = turn.say;
    out.push(`» ${typeof said === 'string' ? said : JSON.stringify(said)}`);
    run(classify(bodyOf(said, i), now));
  });
  out.push(`— ends in ${at.stored?.value ?? 'nothing'} —`);
  return `${out.join('\n')}\n`;
}
