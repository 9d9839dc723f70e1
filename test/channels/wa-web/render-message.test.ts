// Rendering for WhatsApp: numbered choices with the locale's hint, keyword choices, and 4096-character parts.
import { describe, expect, it } from 'vitest';
import { ChoiceReplies } from '../../../src/channels/wa-web/choice-replies.js';
import { renderMessage, renderText } from '../../../src/channels/wa-web/render-message.js';
import { splitText } from '../../../src/channels/wa-web/split-text.js';
import type { RenderedMessage } from '../../../src/domain/reply.js';

const msg = (text: string, labels: string[] = [], wordChoices = false): RenderedMessage => ({
  text,
  choices: labels.map((label, i) => ({ id: `c${i}`, label })),
  expecting: 'none',
  ...(wordChoices ? { wordChoices: true } : {}),
});

describe('renderText', () => {
  it('numbers the choices and adds the reply hint from the locale', () => {
    expect(renderText('id', msg('Apakah Anda *setuju*?', ['Setuju', 'Tidak setuju', 'Nanti']))).toBe(
      'Apakah Anda *setuju*?\n\n1. Setuju\n2. Tidak setuju\n3. Nanti\n\nBalas dengan angka 1–3.',
    );
    expect(renderText('en', msg('Agree?', ['Agree']))).toBe('Agree?\n\n1. Agree\n\nReply with a number 1.');
  });

  it('does not list the options twice when the question already numbers them', () => {
    const text = 'Bagaimana identitas Anda?\n1. *Biasa*: …\n2. *Rahasia*: …';
    expect(renderText('id', msg(text, ['Biasa', 'Rahasia']))).toBe(`${text}\n\nBalas dengan angka 1–2.`);
  });

  it('shows keyword choices in brackets', () => {
    expect(renderText('id', msg('Ketik *kirim*.', ['Kirim', 'Ubah', 'Batal'], true))).toBe(
      'Ketik *kirim*.\n\n[Kirim]  [Ubah]  [Batal]',
    );
    expect(renderText('id', msg('Terima kasih.'))).toBe('Terima kasih.');
  });

  it('splits a long message at sentence boundaries, the choices staying at the end', () => {
    const sentence = 'Ini adalah kalimat yang cukup panjang untuk pengujian pemecahan pesan. ';
    const long = sentence.repeat(150).trim();
    const parts = renderMessage('id', msg(long, ['Ya', 'Tidak']));
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    for (const p of parts.slice(0, -1)) expect(p.endsWith('pesan.')).toBe(true);
    expect(parts.at(-1)).toMatch(/1\. Ya\n2\. Tidak\n\nBalas dengan angka 1–2\.$/);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toContain(long.replace(/\s+/g, ' '));
  });
});

describe('splitText', () => {
  it('prefers paragraphs, never cuts an emoji in two, and keeps short texts whole', () => {
    expect(splitText('pendek')).toEqual(['pendek']);
    expect(splitText(`${'a'.repeat(30)}\n\n${'b'.repeat(30)}`, 40)).toEqual(['a'.repeat(30), 'b'.repeat(30)]);
    const emoji = '😀'.repeat(50);
    const parts = splitText(emoji, 41);
    expect(parts.join('')).toBe(emoji);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(41);
    expect(parts.every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});

describe('ChoiceReplies', () => {
  it('turns a bare number into the id of the choice last shown, and nothing else', () => {
    const replies = new ChoiceReplies();
    replies.shown('a', ['yes', 'no']);
    expect(replies.translate('a', '2')).toBe('no');
    expect(replies.translate('a', ' 1. ')).toBe('yes');
    expect(replies.translate('a', '3')).toBe('3');
    expect(replies.translate('a', '1 tahun lalu')).toBe('1 tahun lalu');
    expect(replies.translate('b', '1')).toBe('1');
    replies.shown('a', []);
    expect(replies.translate('a', '1')).toBe('1');
  });
});
