// Reads the phone number and name from a shared contact card (vCard 3.0 as WhatsApp sends it).

export type VCardContact = { phone: string; name?: string };

/** Unfolds continuation lines (RFC 6350 §3.2) and splits into logical lines. */
function lines(vcard: string): string[] {
  return vcard
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n');
}

function unescapeValue(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? ' ' : c)).trim();
}

/**
 * The first TEL of the card: `TEL;type=CELL;waid=6281234567890:+62 812-3456-7890` gives `+6281234567890`
 * (WhatsApp's waid is the number without +); without waid, the value with only + and digits kept.
 */
export function parseVCard(vcard: string): VCardContact | null {
  let name: string | undefined;
  let phone: string | null = null;
  for (const line of lines(vcard)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const head = line.slice(0, colon);
    const value = line.slice(colon + 1);
    // "item1.TEL;…" groups a property with its label; the group prefix does not matter here.
    const [prop = '', ...params] = head.replace(/^[A-Za-z0-9-]+\./, '').split(';');
    const property = prop.toUpperCase();
    if (property === 'FN' && name === undefined) {
      const n = unescapeValue(value);
      if (n) name = n.slice(0, 200);
    } else if (property === 'TEL' && phone === null) {
      const waid = params.map((p) => /^waid=([0-9]{6,18})$/i.exec(p)?.[1]).find((d) => d !== undefined);
      const typed = value.replace(/^tel:/i, '').replace(/[^0-9+]/g, '');
      const candidate = waid ? `+${waid}` : typed;
      if (/[0-9]{6,}/.test(candidate)) phone = candidate.slice(0, 40);
    }
  }
  if (phone === null) return null;
  return name === undefined ? { phone } : { phone, name };
}
