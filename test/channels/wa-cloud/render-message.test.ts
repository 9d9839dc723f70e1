// Rendering for WhatsApp: buttons, lists, paged menus where every choice stays reachable, and text splitting.
import { describe, expect, it } from 'vitest';
import type { GraphBody, ListBody } from '../../../src/channels/wa-cloud/graph-payloads.js';
import {
  MORE_PREFIX,
  morePage,
  renderMenuPage,
  renderMessage,
} from '../../../src/channels/wa-cloud/render-message.js';
import { splitText } from '../../../src/channels/wa-cloud/split-text.js';
import { KABKOTA } from '../../../src/data/regions-data.js';
import { CATEGORY_IDS } from '../../../src/domain/categories.js';
import type { RenderedMessage } from '../../../src/domain/reply.js';
import { t } from '../../../src/i18n/locales.js';

const chars = (s: string) => Array.from(s).length;

const menu = (n: number, label = (i: number) => `Pilihan nomor ${i + 1}`): RenderedMessage => ({
  text: 'Silakan pilih.',
  choices: Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, label: label(i) })),
  expecting: 'category',
});

/** Checks every platform limit on a rendered body. */
function withinLimits(b: GraphBody): void {
  if (b.type === 'text') {
    expect(b.text.body.length).toBeLessThanOrEqual(4096);
    expect(b.text.body.length).toBeGreaterThan(0);
    return;
  }
  if (b.type !== 'interactive') return;
  const i = b.interactive;
  expect(i.body.text.length).toBeLessThanOrEqual(1024);
  expect(i.body.text.length).toBeGreaterThan(0);
  if (i.type === 'button') {
    expect(i.action.buttons.length).toBeLessThanOrEqual(3);
    for (const x of i.action.buttons) expect(chars(x.reply.title)).toBeLessThanOrEqual(20);
  } else {
    expect(chars(i.action.button)).toBeLessThanOrEqual(20);
    const rows = i.action.sections.flatMap((s) => s.rows);
    expect(rows.length).toBeLessThanOrEqual(10);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) {
      expect(chars(r.title)).toBeLessThanOrEqual(24);
      expect(chars(r.description ?? '')).toBeLessThanOrEqual(72);
      expect(r.id.length).toBeLessThanOrEqual(200);
    }
  }
}

const listOf = (bodies: GraphBody[]): ListBody['interactive'] => {
  const last = bodies.at(-1)!;
  if (last.type !== 'interactive' || last.interactive.type !== 'list') throw new Error('no list');
  return last.interactive;
};

/** The choice ids a citizen can reach by tapping: the first list, then every "more" page it leads to. */
function reachableByTapping(message: RenderedMessage): Set<string> {
  const seen = new Set<string>();
  const pages = [listOf(renderMessage(message, 'id'))];
  while (pages.length > 0) {
    const page = pages.pop()!;
    for (const row of page.action.sections.flatMap((s) => s.rows)) {
      const more = morePage(row.id);
      if (more === null) {
        seen.add(row.id);
        continue;
      }
      const next = renderMenuPage(message, more, 'id');
      if (next?.type === 'interactive' && next.interactive.type === 'list') pages.push(next.interactive);
    }
  }
  return seen;
}

describe('wacloud rendering', () => {
  it('turns up to 3 short choices into reply buttons with the text as body', () => {
    const m: RenderedMessage = {
      text: 'Apakah Anda setuju?',
      choices: [
        { id: 'yes', label: 'Setuju' },
        { id: 'no', label: 'Tidak setuju' },
      ],
      expecting: 'consent',
    };
    const bodies = renderMessage(m, 'id');
    expect(bodies).toEqual([
      {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Apakah Anda setuju?' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'yes', title: 'Setuju' } },
              { type: 'reply', reply: { id: 'no', title: 'Tidak setuju' } },
            ],
          },
        },
      },
    ]);
  });

  it('uses a list when a label is too long for a button (3 choices)', () => {
    const m = menu(3, (i) => (i === 1 ? 'Kependudukan (KTP-el, KK, akta, pindah)' : `Opsi ${i}`));
    const list = listOf(renderMessage(m, 'id'));
    const rows = list.action.sections[0]!.rows;
    expect(rows[1]).toEqual({
      id: 'c2',
      title: 'Kependudukan (KTP-el, K…',
      description: 'Kependudukan (KTP-el, KK, akta, pindah)',
    });
    expect(chars(rows[1]!.title)).toBe(24);
    expect(list.action.button).toBe(t('id', 'channel.choose'));
  });

  it('puts 10 choices in one list: titles clipped with an ellipsis, full labels as descriptions', () => {
    const m = menu(10, (i) => `Kabupaten dengan nama yang panjang sekali nomor ${i + 1}`);
    const bodies = renderMessage(m, 'id');
    expect(bodies).toHaveLength(1);
    bodies.forEach(withinLimits);
    const rows = listOf(bodies).action.sections[0]!.rows;
    expect(rows.map((r) => r.id)).toEqual(m.choices.map((c) => c.id));
    for (const [i, r] of rows.entries()) {
      expect(r.title.endsWith('…')).toBe(true);
      expect(r.description).toBe(m.choices[i]!.label);
    }
    expect(reachableByTapping(m)).toEqual(new Set(m.choices.map((c) => c.id)));
  });

  it('13 kabupaten/kota: all numbered in the text, and a paged list reaching every one', () => {
    const m: RenderedMessage = {
      text: 'Di kabupaten/kota mana kejadiannya?',
      choices: KABKOTA.map((k) => ({ id: k.code, label: k.name })),
      expecting: 'region',
    };
    expect(m.choices).toHaveLength(13);
    const bodies = renderMessage(m, 'id');
    bodies.forEach(withinLimits);
    const list = listOf(bodies);
    m.choices.forEach((c, i) => {
      expect(list.body.text).toContain(`${i + 1}. ${c.label}`);
    });
    expect(list.body.text).toContain(t('id', 'channel.reply_with_number', { range: '1–13' }));
    const rows = list.action.sections[0]!.rows;
    expect(rows).toHaveLength(10);
    expect(rows[9]).toMatchObject({ id: `${MORE_PREFIX}1`, title: t('id', 'channel.more_choices') });
    const page1 = renderMenuPage(m, 1, 'id')!;
    withinLimits(page1);
    expect(renderMenuPage(m, 2, 'id')).toBeNull();
    expect(reachableByTapping(m)).toEqual(new Set(m.choices.map((c) => c.id)));
  });

  it('19 categories: all numbered, the list pages 9 + 10 and reaches every one', () => {
    const m: RenderedMessage = {
      text: 'Masalahnya termasuk jenis apa? Balas dengan nomornya.',
      choices: CATEGORY_IDS.map((id) => ({ id, label: t('id', `category.${id}`) })),
      expecting: 'category',
    };
    expect(m.choices).toHaveLength(19);
    const bodies = renderMessage(m, 'id');
    bodies.forEach(withinLimits);
    for (const [i, c] of m.choices.entries())
      expect(listOf(bodies).body.text).toContain(`${i + 1}. ${c.label}`);
    const page1 = renderMenuPage(m, 1, 'id');
    if (page1?.type !== 'interactive' || page1.interactive.type !== 'list') throw new Error('no page 1');
    expect(page1.interactive.action.sections[0]!.rows.map((r) => r.id)).toEqual(
      m.choices.slice(9).map((c) => c.id),
    );
    expect(reachableByTapping(m)).toEqual(new Set(m.choices.map((c) => c.id)));
  });

  it('keeps every choice reachable for any number of choices, within every platform limit', () => {
    for (let n = 1; n <= 40; n++) {
      const m = menu(n, (i) => `Sebuah pilihan yang cukup panjang untuk dipotong ${i + 1}`);
      const bodies = renderMessage(m, 'en');
      bodies.forEach(withinLimits);
      const last = bodies.at(-1)!;
      if (last.type === 'interactive' && last.interactive.type === 'button') {
        expect(last.interactive.action.buttons.map((b) => b.reply.id)).toEqual(m.choices.map((c) => c.id));
      } else {
        expect(reachableByTapping(m)).toEqual(new Set(m.choices.map((c) => c.id)));
      }
    }
  });

  it('speaks the chat language in its own words', () => {
    const bodies = renderMessage(menu(12), 'en');
    const list = listOf(bodies);
    expect(list.action.button).toBe(t('en', 'channel.choose'));
    expect(list.action.sections[0]!.rows[9]!.title).toBe(t('en', 'channel.more_choices'));
    expect(list.body.text).toContain(t('en', 'channel.reply_with_number', { range: '1–12' }));
  });

  it('sends word choices as text with the keywords, keeping *bold*', () => {
    const m: RenderedMessage = {
      text: '📋 *Ringkasan*\n\nKetik *kirim* bila sudah benar.',
      choices: [
        { id: 'send', label: 'Kirim' },
        { id: 'edit', label: 'Ubah' },
        { id: 'cancel', label: 'Batal' },
      ],
      expecting: 'confirm',
      wordChoices: true,
    };
    expect(renderMessage(m, 'id')).toEqual([
      {
        type: 'text',
        text: { body: '📋 *Ringkasan*\n\nKetik *kirim* bila sudah benar.\n\n*Kirim* · *Ubah* · *Batal*' },
      },
    ]);
  });

  it('falls back to numbered text when ids cannot be carried by a widget', () => {
    const m: RenderedMessage = {
      text: 'Pilih:',
      choices: [
        { id: 'same', label: 'A' },
        { id: 'same', label: 'B' },
      ],
      expecting: 'category',
    };
    expect(renderMessage(m, 'id')).toEqual([
      {
        type: 'text',
        text: { body: `Pilih:\n\n1. A\n2. B\n\n${t('id', 'channel.reply_with_number', { range: '1–2' })}` },
      },
    ]);
  });

  it('splits text over 4096 characters at sentence ends, losing nothing', () => {
    const sentences = Array.from(
      { length: 300 },
      (_, i) => `Ini kalimat nomor ${i + 1} tentang jalan yang rusak.`,
    );
    const text = sentences.join(' ');
    expect(text.length).toBeGreaterThan(4096 * 2);
    const bodies = renderMessage({ text, choices: [], expecting: 'none' }, 'id');
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    bodies.forEach(withinLimits);
    const pieces = bodies.map((b) => (b.type === 'text' ? b.text.body : ''));
    for (const p of pieces) expect(p.endsWith('rusak.')).toBe(true);
    expect(pieces.join(' ')).toBe(text);
  });

  it('prefers paragraph breaks, and cuts words or emoji only when it must', () => {
    const para = 'a'.repeat(3000);
    expect(splitText(`${para}\n\n${para}`, 4096)).toEqual([para, para]);
    const word = 'x'.repeat(5000);
    expect(splitText(word, 4096).map((p) => p.length)).toEqual([4096, 904]);
    const emoji = '😀'.repeat(3000); // 6000 UTF-16 units, no boundary
    const parts = splitText(emoji, 4096);
    expect(parts.join('')).toBe(emoji);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(parts[0]!.endsWith('😀')).toBe(true);
  });

  it('sends a long question as text first, then the widget with the end of it as body', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Baris penjelasan nomor ${i + 1}.`).join('\n');
    const m: RenderedMessage = {
      text: `${long}\n\nApakah Anda setuju?`,
      choices: [
        { id: 'yes', label: 'Setuju' },
        { id: 'no', label: 'Tidak' },
      ],
      expecting: 'consent',
    };
    const bodies = renderMessage(m, 'id');
    bodies.forEach(withinLimits);
    expect(bodies.map((b) => b.type)).toEqual(['text', 'interactive']);
    const joined = bodies.map((b) =>
      b.type === 'text' ? b.text.body : b.type === 'interactive' ? b.interactive.body.text : '',
    );
    expect(joined.join('\n')).toBe(m.text);
  });
});
