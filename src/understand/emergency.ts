// Spots an ongoing emergency in a message (fire, flood, accident, violence, crime, self-harm, medical).
import {
  COMPLAINT,
  DEVICES,
  HYPOTHETICAL,
  NOW,
  PAST,
  RECENT_PAST,
  SERVICE_NAMES,
  URGENT,
} from './emergency-context.js';
import type { Emergency } from './emergency-kinds.js';
import { SELF_HARM, SIGNS } from './emergency-signs.js';
import { tokens } from './normalize.js';

/** Phrases padded with spaces once, so that a check allocates nothing. */
const PADDED = new WeakMap<readonly string[], readonly string[]>();

function has(text: string, phrases: readonly string[]): boolean {
  let padded = PADDED.get(phrases);
  if (!padded) {
    padded = phrases.map((p) => ` ${p} `);
    PADDED.set(phrases, padded);
  }
  return padded.some((p) => text.includes(p));
}

/** "lampu mau mati", "hp saya mau mati": a device dying is an outage; its "mati" is dropped before looking for self-harm. */
function withoutDeviceDying(words: string[]): string[] {
  return words.map((w, i) => {
    const dying = w === 'mati' && (words[i - 1] === 'mau' || words[i - 1] === 'ingin');
    return dying && [2, 3, 4].some((back) => DEVICES.has(words[i - back] ?? '')) ? 'padam' : w;
  });
}

/**
 * The emergency a message reports as happening now, or null. Self-harm is flagged whenever it is
 * mentioned (safety first, false alarms accepted). Other kinds are dropped when the message speaks of
 * the past, of handling or aid (a complaint), or of risk and habit, unless it also says it is happening now
 * ("sekarang" outweighs risk and habit words only; complaints need a stronger sign such as "darurat").
 */
export function detectEmergency(text: string): Emergency | null {
  let normalized = ` ${withoutDeviceDying(tokens(text)).join(' ')} `;
  if (has(normalized, SELF_HARM)) return 'self_harm';
  // Most messages name no emergency at all: look for a sign first, and strip service names only when one is there.
  if (!SIGNS.some(([, phrases]) => has(normalized, phrases))) return null;
  for (const name of SERVICE_NAMES) normalized = normalized.replaceAll(` ${name} `, ' ');
  const kind = SIGNS.find(([, phrases]) => has(normalized, phrases))?.[0];
  if (kind === undefined || has(normalized, PAST)) return null;
  const urgent = has(normalized, URGENT);
  const now = urgent || NOW.test(normalized);
  if (!urgent && has(normalized, COMPLAINT)) return null;
  if (!now && (has(normalized, HYPOTHETICAL) || has(normalized, RECENT_PAST))) return null;
  return kind;
}
