// What the citizen is told about the message itself before the flow answers: the channel's notices, a text cut
// short, and each file that was refused with why.
import type { Lang, RenderedMessage } from '../domain/reply.js';
import { t } from '../i18n/locales.js';
import type { InboundMessage } from './inbound.js';

export function messageNotices(
  lang: Lang,
  msg: InboundMessage,
  clipped: boolean,
  rejected: readonly { kind: string; filename?: string; reason: string }[],
  maxBytes: number,
): RenderedMessage[] {
  const pre: RenderedMessage[] = [];
  const notice = (text: string): RenderedMessage => ({ text, choices: [], expecting: 'none' });
  for (const n of msg.notices ?? []) pre.push(notice(t(lang, n.key, n.vars ?? {})));
  if (clipped) pre.push(notice(t(lang, 'error.too_long')));
  for (const r of rejected) {
    pre.push(
      notice(
        t(lang, 'error.attachment', {
          name: r.filename ?? r.kind,
          reason: { key: `error.attachment.reason.${r.reason}` },
          max: Math.round(maxBytes / 1048576),
        }),
      ),
    );
  }
  return pre;
}
