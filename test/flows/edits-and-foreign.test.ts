// Edited messages correct what they answered; forwarded text and other people's cards never become the citizen's own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/locales.js';
import { Harness } from '../helpers/harness.js';
import { expectingOf, textOf } from '../helpers/replies.js';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

/** Up to the name question, with the messages' ids known. */
function toName(chat: string): void {
  h.say(chat, { text: 'halo', id: 'hello' });
  h.say(chat, 'ya');
  h.say(chat, {
    text: 'KTP-el saya belum selesai dicetak sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin',
    id: 'story1',
  });
  h.say(chat, 'benar');
  h.say(chat, 'belum');
  h.say(chat, { text: 'KTP saya segera dicetak', id: 'hope' });
  expect(expectingOf(h.say(chat, '1'))).toBe('name');
}

describe('an edited message', () => {
  it('corrects the answer it gave, says so in one line, and the ticket carries the correction', () => {
    toName('c1');
    expect(expectingOf(h.say('c1', { text: 'Siti', id: 'name1' }))).toBe('nik');
    const edited = h.say('c1', { text: 'Siti Rahmah', id: 'edit-name1', edits: 'name1' });
    expect(edited).toHaveLength(1);
    expect(edited[0]?.text).toBe(
      t('id', 'edit.field', { field: t('id', 'field.name'), value: 'Siti Rahmah' }),
    );
    // The NIK question is still the one open: nothing else moved.
    expect(h.conversationState('c1')).toBe('asking');
    h.say('c1', '6371045708900001');
    expect(expectingOf(h.say('c1', '0812-3456-7890'))).toBe('confirm');
    h.say('c1', 'kirim');
    expect(h.complaints()[0]?.complaint).toMatchObject({ name: 'Siti Rahmah' });
  });

  it('replaces the story fragment it edits; an invalid edit keeps the earlier answer', () => {
    toName('c2');
    h.say('c2', { text: 'Siti Rahmah', id: 'name2' });
    const story = h.say('c2', {
      text: 'KTP-el saya belum selesai dicetak sejak 4 bulan lalu di Disdukcapil Kota Banjarmasin',
      id: 'edit-story1',
      edits: 'story1',
    });
    expect(textOf(story)).toBe(t('id', 'edit.story'));
    // Edited once more: the fragment the first edit wrote is the one replaced.
    h.say('c2', {
      text: 'KTP-el saya belum selesai dicetak sejak 4 bulan lalu di Disdukcapil Kota Banjarmasin, sudah 3 kali datang',
      id: 'edit-story1-b',
      edits: 'story1',
    });
    const nik = h.say('c2', { text: '6371045708900001', id: 'nik2' });
    expect(expectingOf(nik)).toBe('phone');
    const bad = h.say('c2', { text: '12345', id: 'edit-nik2', edits: 'nik2' });
    expect(textOf(bad)).toContain(t('id', 'edit.field_invalid', { field: t('id', 'field.nik') }));
    h.say('c2', '0812-3456-7890');
    h.say('c2', 'kirim');
    const filed = h.complaints()[0]?.complaint;
    expect(filed).toMatchObject({ nik: '6371045708900001' });
    expect(JSON.stringify(filed)).toContain(
      'sejak 4 bulan lalu di Disdukcapil Kota Banjarmasin, sudah 3 kali datang',
    );
    expect(JSON.stringify(filed).match(/sejak 4 bulan lalu/g)).toHaveLength(1);
    expect(JSON.stringify(filed)).not.toContain('sejak 3 bulan lalu');
  });

  it('that answers the question still open moves the conversation on', () => {
    toName('c3');
    h.say('c3', { text: 'Siti Rahmah', id: 'name3' });
    // A NIK with a typo is asked again; the citizen edits the typo away instead of typing it anew.
    expect(expectingOf(h.say('c3', { text: '637104570890000', id: 'nik3' }))).toBe('nik');
    const fixed = h.say('c3', { text: '6371045708900001', id: 'edit-nik3', edits: 'nik3' });
    expect(expectingOf(fixed)).toBe('phone');
    expect(textOf(fixed)).toContain(t('id', 'field.nik'));
  });

  it('at the summary shows the summary again with the change; after "kirim" it becomes a note on the ticket', () => {
    toName('c4');
    h.say('c4', { text: 'Siti Rahmah', id: 'name4' });
    h.say('c4', '6371045708900001');
    expect(expectingOf(h.say('c4', '0812-3456-7890'))).toBe('confirm');
    const again = h.say('c4', { text: 'KTP saya dicetak minggu ini', id: 'edit-hope', edits: 'hope' });
    expect(expectingOf(again)).toBe('confirm');
    expect(textOf(again)).toContain('KTP saya dicetak minggu ini');
    h.say('c4', 'kirim');
    const number = h.complaints()[0]?.number ?? '';
    const note = h.say('c4', { text: 'Siti Rahmah binti Ahmad', id: 'edit-name4', edits: 'name4' });
    expect(textOf(note)).toBe(t('id', 'edit.ticket_note', { ticket: number }));
    const notes = h.core.db.prepare('SELECT text FROM ticket_notes').pluck().all();
    expect(notes).toContain('Siti Rahmah binti Ahmad');
  });

  it('of a piece of story sent before consent replaces that piece, not adds to it', () => {
    h.say('c6', { text: 'jalan di depan rumah saya rusak parah', id: 'p1' });
    h.say('c6', 'ya');
    const note = h.say('c6', { text: 'jalan di depan sekolah rusak parah', id: 'e-p1', edits: 'p1' });
    expect(textOf(note)).toBe(t('id', 'edit.draft_note'));
    const snap = JSON.stringify(h.core.store.conversations.find('simulate', 'c6')?.snapshot);
    expect(snap).toContain('jalan di depan sekolah rusak parah');
    expect(snap).not.toContain('jalan di depan rumah saya rusak parah');
  });

  it('of a message never seen (or sent before the conversation began) is an ordinary message', () => {
    const first = h.say('c5', { text: 'jalan rusak di Martapura', id: 'e1', edits: 'unknown' });
    expect(expectingOf(first)).toBe('consent');
    // During a complaint, an edit of an unknown message is only a note: it never answers the open question.
    h.say('c5', 'ya');
    const note = h.say('c5', { text: 'Budi', id: 'e2', edits: 'never-seen' });
    expect(textOf(note)).toBe(t('id', 'edit.draft_note'));
  });
});

describe("a forwarded message or someone else's contact card", () => {
  it('is kept with the story and never taken as the name, NIK or phone', () => {
    toName('f1');
    const fwd = h.say('f1', { text: 'Ahmad Fauzi', id: 'fw1', forwarded: true });
    expect(expectingOf(fwd)).toBe('name');
    expect(textOf(fwd)).toContain(t('id', 'notice.foreign_kept'));
    h.say('f1', 'Siti Rahmah');
    h.say('f1', '6371045708900001');
    const card = h.say('f1', { contact: { phone: '+6281100001111', name: 'Pak RT', own: false } });
    expect(expectingOf(card)).toBe('phone');
    const own = h.say('f1', { contact: { phone: '+6281234567890', name: 'Siti', own: true } });
    expect(expectingOf(own)).toBe('confirm');
    h.say('f1', 'kirim');
    const filed = h.complaints()[0]?.complaint;
    expect(filed).toMatchObject({ name: 'Siti Rahmah', phone: '+6281234567890' });
    expect(JSON.stringify(filed)).toContain('Ahmad Fauzi');
  });
});

describe('a place sent with its pin', () => {
  it('gives its name and address to the location question, and the region from them', () => {
    h.say('p1', 'halo');
    h.say('p1', 'ya');
    h.say('p1', 'lampu jalan mati sudah seminggu, gelap sekali kalau malam');
    const replies = h.say('p1', 'benar');
    const asked = expectingOf(replies);
    const placed = h.say('p1', {
      location: { lat: -3.4425, lon: 114.8401 },
      place: { name: 'Taman Van der Pijl', address: 'Jl. Panglima Batur, Banjarbaru' },
    });
    expect(asked === 'location' || asked === 'region').toBe(true);
    expect(textOf(placed)).not.toContain(t('id', 'notice.outside_kalsel'));
    const conv = h.core.store.conversations.find('simulate', 'p1');
    const draft = JSON.stringify(conv?.snapshot);
    expect(draft).toContain('63.72');
    expect(draft).toContain('Taman Van der Pijl');
  });
});

describe('coordinates typed as text', () => {
  it('are a location, as a pin is: the region comes from them', () => {
    h.say('k1', 'halo');
    h.say('k1', 'ya');
    h.say('k1', 'lampu jalan mati sudah seminggu, gelap sekali kalau malam');
    h.say('k1', 'benar');
    h.say('k1', '-3.4425, 114.8401');
    const snap = JSON.stringify(h.core.store.conversations.find('simulate', 'k1')?.snapshot);
    expect(snap).toContain('"location":{"lat":-3.4425,"lon":114.8401}');
    expect(snap).toContain('"kabkotaCode":"63.72"');
  });
});
