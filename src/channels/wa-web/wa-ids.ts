// WhatsApp id shapes: a phone user `<digits>@c.us`, a privacy id `<digits>@lid`, groups, broadcasts and the rest.

const PHONE_USER = /^([1-9][0-9]{5,17})@(?:c\.us|s\.whatsapp\.net)$/;
const LID_USER = /^[0-9]{5,24}@lid$/;

/** `6281234567890@c.us` (or `@s.whatsapp.net`) → `6281234567890`; null for anything else. */
export function phoneDigits(id: string): string | null {
  return PHONE_USER.exec(id)?.[1] ?? null;
}

/** The canonical citizen id for a phone: `<digits>@c.us`. */
export function phoneUserId(digits: string): string {
  return `${digits}@c.us`;
}

export function isLid(id: string): boolean {
  return LID_USER.test(id);
}

/** A one-to-one chat with a person: the only chats the bot answers (no groups, status, broadcasts, channels). */
export function isPersonalChat(id: string): boolean {
  return phoneDigits(id) !== null || isLid(id);
}

export function isGroup(id: string): boolean {
  return id.endsWith('@g.us');
}

export function isStatusBroadcast(id: string): boolean {
  return id === 'status@broadcast';
}
