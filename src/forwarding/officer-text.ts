// A ticket payload as agency officers read it, in Indonesian: plain text, an e-mail HTML page, Telegram HTML parts.
// The words are locales/' `forward.*` keys, read in Indonesian (agencies read Indonesian whatever the citizen spoke).
import { WITA_ZONE } from '../domain/wita.js';
import { formatDate, hasKey, t } from '../i18n/locales.js';
import { TELEGRAM_TEXT_LIMIT, splitText } from '../platforms/telegram/split-text.js';
import type { TicketPayload } from './payload.js';

/** A labelled value, or (label null) a line of its own; a link follows the text. */
type OfficerLine = { label: string | null; text: string; link: { href: string; text: string } | null };
type OfficerBlock = { title: string | null; lines: OfficerLine[] };

export type RenderOptions = {
  /** Attachments that travel with the e-mail itself: listed as attached instead of linked. */
  attached?: ReadonlySet<string>;
};

/** An agency-facing word: `forward.<key>` in Indonesian. */
const w = (key: string, vars: Record<string, string> = {}) => t('id', `forward.${key}`, vars);
/** A word of a family (a file's kind, a channel), or the value itself when locales/ has none. */
const wordOr = (family: string, value: string) =>
  hasKey('id', `forward.${family}.${value}`) ? w(`${family}.${value}`) : value;

const DATE_TIME = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: WITA_ZONE,
});
const DECIMAL = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** Escapes for HTML text and attribute values (Telegram accepts &quot; and numeric entities too). */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The longest entity escapeHtml writes for one character (&quot;). */
const MAX_ESCAPE_GROWTH = 6;

export function categoryLabel(category: string): string {
  const key = `category.${category}`;
  return hasKey('id', key) ? t('id', key) : category;
}

function titleOf(p: TicketPayload): string {
  return w('title', { ticket: p.ticket.number });
}

const witaTime = (iso: string) => w('time', { time: DATE_TIME.format(new Date(iso)) });

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${DECIMAL.format(bytes / 1024)} KB`;
  return `${DECIMAL.format(bytes / (1024 * 1024))} MB`;
}

const field = (label: string, text: string): OfficerLine => ({ label, text, link: null });
const plain = (text: string): OfficerLine => ({ label: null, text, link: null });

function region(c: TicketPayload['complaint']): string {
  return c.kecamatan
    ? w('region.kecamatan', { kecamatan: c.kecamatan.name, kabkota: c.kabkota.name })
    : c.kabkota.name;
}

function location({ lat, lon }: { lat: number; lon: number }): OfficerLine {
  const href = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
  return { label: w('label.location'), text: `${lat}, ${lon}`, link: { href, text: w('map') } };
}

/**
 * Only what the payload carries, and for rahasia and anonim nothing at all, whatever slipped through; except the
 * identity a rahasia reporter gave for this agency (`givenForThisAgency`: Ombudsman's copy), marked confidential.
 */
function reporter(r: TicketPayload['reporter']): OfficerLine[] {
  const label = w('label.reporter');
  if (r.identityMode === 'rahasia' && r.givenForThisAgency && r.name)
    return [
      field(label, w('reporter.rahasia_given', { name: r.name })),
      ...(r.nik ? [field(w('label.nik'), r.nik)] : []),
    ];
  if (r.identityMode === 'rahasia') return [field(label, w('reporter.rahasia'))];
  if (r.identityMode === 'anonim') return [field(label, w('reporter.anonim'))];
  return [
    field(label, r.name ?? w('reporter.no_name')),
    ...(r.nik ? [field(w('label.nik'), r.nik)] : []),
    ...(r.phone ? [field(w('label.phone'), r.phone)] : []),
  ];
}

function attachment(
  a: TicketPayload['attachments'][number],
  i: number,
  attached: ReadonlySet<string>,
): OfficerLine {
  const what = `${i + 1}. ${wordOr('kind', a.kind)} (${a.mime}, ${formatSize(a.size)})`;
  if (attached.has(a.id)) return plain(`${what}: ${w('file.attached')}`);
  if (!a.url) return plain(`${what}: ${w('file.no_link')}`);
  const until = a.expiresAt ? w('file.until', { time: witaTime(a.expiresAt) }) : '';
  return { label: null, text: `${what}${until}:`, link: { href: a.url, text: w('file.download') } };
}

function officerBlocks(p: TicketPayload, opts: RenderOptions = {}): OfficerBlock[] {
  const c = p.complaint;
  const prior = c.priorReport.done
    ? `${w('prior.done')}${c.priorReport.to ? w('prior.to', { to: c.priorReport.to }) : ''}${c.priorReport.result ? `: ${c.priorReport.result}` : ''}`
    : w('prior.none');
  const reason = p.routing.fallback ? w('reason.fallback', { reason: p.routing.reason }) : p.routing.reason;
  const fields: OfficerLine[] = [
    field(w('label.ticket'), p.ticket.number),
    field(
      w('label.received'),
      w('received', { time: witaTime(p.ticket.createdAt), channel: wordOr('channel', c.channel) }),
    ),
    field(w('label.due'), formatDate('id', p.ticket.dueDate, 'day')),
    field(w('label.agency'), p.agency.name),
    field(w('label.category'), categoryLabel(c.category)),
    ...(c.maladministration
      ? [field(w('label.maladministration'), c.maladministration.replace(/_/g, ' '))]
      : []),
    field(w('label.region'), region(c)),
    ...(c.address ? [field(w('label.address'), c.address)] : []),
    ...(c.location ? [location(c.location)] : []),
    ...(c.incidentDate
      ? [
          field(
            w('label.date'),
            formatDate('id', c.incidentDate.date, c.incidentDate.precision, c.incidentDate.ongoing),
          ),
        ]
      : []),
    field(w('label.prior'), prior),
    field(w('label.reason'), reason),
    ...reporter(p.reporter),
    ...(p.related.length > 0 ? [field(w('label.related'), p.related.join(', '))] : []),
  ];
  const attached = opts.attached ?? new Set<string>();
  return [
    { title: null, lines: fields },
    { title: w('section.story'), lines: [plain(c.story)] },
    { title: w('section.expectation'), lines: [plain(c.expectation)] },
    ...(p.attachments.length > 0
      ? [{ title: w('section.files'), lines: p.attachments.map((a, i) => attachment(a, i, attached)) }]
      : []),
  ];
}

const plainLine = (l: OfficerLine) =>
  `${l.label ? `${l.label}: ` : ''}${l.text}${l.link ? ` ${l.link.href}` : ''}`;

export function officerPlainText(p: TicketPayload, opts: RenderOptions = {}): string {
  const blocks = officerBlocks(p, opts).map((b) =>
    [...(b.title ? [`${b.title}:`] : []), ...b.lines.map(plainLine)].join('\n'),
  );
  return [titleOf(p), ...blocks].join('\n\n');
}

const htmlLink = (l: OfficerLine) =>
  l.link ? ` <a href="${escapeHtml(l.link.href)}">${escapeHtml(l.link.text)}</a>` : '';

function htmlBlock(b: OfficerBlock): string {
  const head = b.title ? `<h3 style="margin:16px 0 4px">${escapeHtml(b.title)}</h3>` : '';
  if (b.lines.every((l) => l.label)) {
    const rows = b.lines.map(
      (l) =>
        `<tr><th align="left" valign="top" style="padding:2px 12px 2px 0;white-space:nowrap">${escapeHtml(l.label ?? '')}</th>` +
        `<td style="padding:2px 0;white-space:pre-wrap">${escapeHtml(l.text)}${htmlLink(l)}</td></tr>`,
    );
    return `${head}<table style="border-collapse:collapse">${rows.join('')}</table>`;
  }
  const paragraphs = b.lines.map(
    (l) =>
      `<p style="margin:0 0 6px;white-space:pre-wrap">${escapeHtml(plainLine({ ...l, link: null }))}${htmlLink(l)}</p>`,
  );
  return head + paragraphs.join('');
}

/** A whole HTML document; every value is escaped, so text that looks like HTML arrives as text. */
export function officerEmailHtml(p: TicketPayload, opts: RenderOptions = {}): string {
  const title = escapeHtml(titleOf(p));
  return [
    '<!doctype html>',
    `<html lang="id"><head><meta charset="utf-8"><title>${title}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#111">',
    `<h2 style="margin:0 0 12px">${title}</h2>`,
    ...officerBlocks(p, opts).map(htmlBlock),
    '</body></html>',
  ].join('\n');
}

/** One line of Telegram HTML: prefix and suffix are balanced markup; only the text may be cut. */
type TelegramLine = { prefix: string; text: string; suffix: string };

function telegramLines(p: TicketPayload): TelegramLine[] {
  const lines: TelegramLine[] = [{ prefix: `<b>${escapeHtml(titleOf(p))}</b>`, text: '', suffix: '' }];
  for (const b of officerBlocks(p)) {
    lines.push({ prefix: '', text: '', suffix: '' });
    if (b.title) lines.push({ prefix: `<b>${escapeHtml(b.title)}:</b>`, text: '', suffix: '' });
    for (const l of b.lines) {
      const prefix = l.label ? `<b>${escapeHtml(l.label)}:</b> ` : '';
      lines.push({ prefix, text: l.text, suffix: htmlLink(l) });
    }
  }
  return lines;
}

/** A line as one or more pieces of at most `max` characters of HTML. */
function pieces(line: TelegramLine, max: number): string[] {
  const whole = line.prefix + escapeHtml(line.text) + line.suffix;
  if (whole.length <= max) return [whole];
  const room = max - line.prefix.length - line.suffix.length;
  const chunks = splitText(line.text, room).flatMap((chunk) => {
    const html = escapeHtml(chunk);
    // Text full of <, > or & grows when escaped: cut it finer so that every piece still fits.
    return html.length <= room
      ? [html]
      : splitText(chunk, Math.floor(room / MAX_ESCAPE_GROWTH)).map(escapeHtml);
  });
  return chunks.map(
    (chunk, i) => (i === 0 ? line.prefix : '') + chunk + (i === chunks.length - 1 ? line.suffix : ''),
  );
}

const trimNewlines = (text: string) => text.replace(/^\n+|\n+$/g, '');

/**
 * Telegram HTML messages within Telegram's 4096 characters, each ending in a short footer with the ticket number
 * and `footerId` (the idempotency key), so officers can tell a repeated post from a new ticket.
 */
export function officerTelegramParts(p: TicketPayload, opts: { footerId: string }): string[] {
  const footer = (part: string) =>
    `\n\n<i>${escapeHtml(p.ticket.number)}${part} · id: ${escapeHtml(opts.footerId)}</i>`;
  const part = (n: number, of: number) => w('part', { n: String(n), of: String(of) });
  const budget = TELEGRAM_TEXT_LIMIT - footer(part(999, 999)).length;
  const parts: string[] = [];
  let current = '';
  for (const line of telegramLines(p)) {
    for (const piece of pieces(line, budget)) {
      const joined = current ? `${current}\n${piece}` : piece;
      if (joined.length <= budget) current = joined;
      else {
        if (trimNewlines(current)) parts.push(trimNewlines(current));
        current = piece;
      }
    }
  }
  if (trimNewlines(current)) parts.push(trimNewlines(current));
  return parts.map((text, i) => text + footer(parts.length > 1 ? part(i + 1, parts.length) : ''));
}
