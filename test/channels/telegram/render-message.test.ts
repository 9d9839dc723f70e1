// renderMessage: HTML escaping and bold, 4096-character parts, inline keyboards, the phone keyboard.
import { describe, expect, it } from 'vitest';
import { htmlToPlain, toTelegramHtml } from '../../../src/channels/telegram/format-html.js';
import { renderMessage } from '../../../src/channels/telegram/render-message.js';
import { t } from '../../../src/i18n/locales.js';
import { splitText } from '../../../src/platforms/telegram/split-text.js';

describe('toTelegramHtml', () => {
  it('escapes &, < and > and turns *bold* into <b>', () => {
    expect(toTelegramHtml('Ketik *selesai* & <kirim> "ya"')).toBe(
      'Ketik <b>selesai</b> &amp; &lt;kirim&gt; "ya"',
    );
    expect(toTelegramHtml('5 * 3 * 2')).toBe('5 * 3 * 2');
    expect(toTelegramHtml('*a\nb*')).toBe('*a\nb*');
    expect(toTelegramHtml('<b>*x*</b>')).toBe('&lt;b&gt;<b>x</b>&lt;/b&gt;');
    expect(htmlToPlain(toTelegramHtml('a *b* & <c>'))).toBe('a b & <c>');
  });
});

describe('splitText', () => {
  it('leaves short texts alone', () => {
    expect(splitText('halo')).toEqual(['halo']);
  });

  it('splits at paragraphs, then sentences, never above the limit, losing nothing but the spaces', () => {
    const para = `${'Kalimat pertama yang cukup panjang. '.repeat(60).trim()}`;
    const text = [para, para, para].join('\n\n');
    const parts = splitText(text, 4096);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(parts[0]?.endsWith('panjang.')).toBe(true);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });

  it('cuts a text without any boundary hard, but not inside an emoji', () => {
    const text = `${'a'.repeat(4095)}😀${'b'.repeat(10)}`;
    const parts = splitText(text, 4096);
    expect(parts[0]).toBe('a'.repeat(4095));
    expect(parts[1]?.startsWith('😀')).toBe(true);
  });
});

describe('renderMessage', () => {
  it('renders HTML text without a keyboard when there are no choices', () => {
    expect(renderMessage({ text: 'Ini *Aduan*', choices: [], expecting: 'none' }, { lang: 'id' })).toEqual([
      { text: 'Ini <b>Aduan</b>', parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    ]);
  });

  it('puts short choices two to a row, with the choice id as callback data', () => {
    const [p] = renderMessage(
      {
        text: 'Setuju?',
        choices: [
          { id: 'yes', label: 'Setuju' },
          { id: 'no', label: 'Tidak setuju' },
          { id: 'help', label: 'Bantuan' },
        ],
        expecting: 'consent',
      },
      { lang: 'id' },
    );
    expect(p?.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: 'Setuju', callback_data: 'yes' },
          { text: 'Tidak setuju', callback_data: 'no' },
        ],
        [{ text: 'Bantuan', callback_data: 'help' }],
      ],
    });
  });

  it('puts long labels one to a row', () => {
    const [p] = renderMessage(
      {
        text: 'Kategori?',
        choices: [
          { id: 'adminduk', label: 'Kependudukan (KTP-el, KK, akta)' },
          { id: 'kesehatan', label: 'Kesehatan' },
        ],
        expecting: 'category',
      },
      { lang: 'id' },
    );
    expect(p?.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: 'Kependudukan (KTP-el, KK, akta)', callback_data: 'adminduk' }],
        [{ text: 'Kesehatan', callback_data: 'kesehatan' }],
      ],
    });
  });

  it('lists the choices as numbers when an id is too long for callback data (64 bytes)', () => {
    const [p] = renderMessage(
      {
        text: 'Pilih',
        choices: [
          { id: 'x'.repeat(65), label: 'Satu' },
          { id: 'b', label: 'Dua' },
        ],
        expecting: 'agency',
      },
      { lang: 'id' },
    );
    expect(p?.reply_markup).toBeUndefined();
    expect(p?.text).toContain('1. Satu\n2. Dua');
    expect(p?.text).toContain(t('id', 'channel.reply_with_number', { range: '1–2' }));
  });

  it('asks for the phone with a one-time keyboard that shares the contact', () => {
    for (const lang of ['id', 'en'] as const) {
      const [p] = renderMessage(
        { text: 'Nomor HP?', choices: [{ id: 'skip', label: 'Lewati' }], expecting: 'phone' },
        { lang },
      );
      expect(p?.reply_markup).toEqual({
        keyboard: [[{ text: t(lang, 'channel.share_phone'), request_contact: true }], [{ text: 'Lewati' }]],
        one_time_keyboard: true,
        resize_keyboard: true,
      });
    }
  });

  it('removes a leftover phone keyboard on the next message without buttons', () => {
    const [p] = renderMessage(
      { text: 'Ringkasan', choices: [], expecting: 'none' },
      {
        lang: 'id',
        removeReplyKeyboard: true,
      },
    );
    expect(p?.reply_markup).toEqual({ remove_keyboard: true });
  });

  it('splits a long message and puts the keyboard on the last part only', () => {
    const long = Array.from({ length: 200 }, (_, i) => `Baris ${i}: ${'kata '.repeat(8)}& <x>`).join('\n');
    const parts = renderMessage(
      { text: long, choices: [{ id: 'send', label: 'Kirim' }], expecting: 'confirm' },
      { lang: 'id' },
    );
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(htmlToPlain(p.text).length).toBeLessThanOrEqual(4096);
    expect(parts.slice(0, -1).every((p) => p.reply_markup === undefined)).toBe(true);
    expect(parts.at(-1)?.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Kirim', callback_data: 'send' }]],
    });
    expect(parts[0]?.text).toContain('&amp; &lt;x&gt;');
  });
});
