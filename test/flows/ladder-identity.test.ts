// The ladder in the citizen's chat, transcript style: each step told in plain words, and before Ombudsman's copy of an
// anonim ticket or one without NIK the reporter is asked whether their identity may go (why, in their language):
// Indonesian and Banjar answers ("iya boleh", "kada", "ngga usah", a NIK typed back, "nik saya 6371…"), the choices
// typed back, three answers not understood, silence; only with consent does the ticket become rahasia with it.
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/officers/passwords.js';
import { Harness } from '../helpers/harness.js';
import {
  LADDER,
  OMBUDSMAN,
  deliveriesTo,
  endOpenStages,
  lastTold,
  ombudsmanByMail,
  openStage,
  sweepOn,
} from '../helpers/ladder-fixture.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const ANONIM = 'an informal citizen with chat abbreviations';
const BANJAR = 'Banjar yes and no';
const ENGLISH = 'a citizen who asks for English';
const NIK = '6371045708900001';

describe('the ladder in the chat, and the identity Ombudsman needs', () => {
  let h: Harness;
  let open = false;
  afterEach(() => {
    if (open) h.close();
    open = false;
  });

  /**
   * Files the dialogue's complaint, and climbs its stage to Ombudsman's step (the question, if it is asked);
   * `meanwhile` runs just before that step.
   */
  const climb = (dialogue: string, meanwhile: () => void = () => {}) => {
    if (open) h.close();
    h = new Harness();
    open = true;
    for (const turn of DIALOGUES.find((d) => d.name === dialogue)?.turns ?? [])
      if ('say' in turn) h.say('warga', turn.say);
    const admin = h.core.store.officers.add(
      { username: 'admin', name: null, role: 'admin', passwordHash: hashPassword('x'), agencies: [] },
      h.clock.now(),
    );
    ombudsmanByMail(h, admin);
    endOpenStages(h);
    const number = h.complaints()[0]?.number ?? '';
    const { ticketId } = openStage(h, number);
    sweepOn(h, LADDER.reminder);
    sweepOn(h, LADDER.coordinator);
    const news = lastTold(h, 'simulate', 'warga', 2);
    meanwhile();
    const steps = sweepOn(h, LADDER.ombudsman);
    const asked = h.core.store.outbox.latest('simulate', 'warga', 1)[0]?.message;
    return { number, ticketId, news, asked, steps };
  };
  const say = (text: string) => h.say('warga', text);
  const expects = (text: string) => say(text).map((r) => r.expecting);
  const complaintOf = (number: string) =>
    h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.complaint;
  const copy = (ticketId: number) =>
    h.core.store.ticketEvents.forTicket(ticketId).find((e) => e.type === 'escalated')?.data ?? null;
  const types = (ticketId: number) => h.core.store.ticketEvents.forTicket(ticketId).map((e) => e.type);

  it('tells each step, asks an anonim reporter first, and with "iya boleh", a name and "nik saya …" sends it', () => {
    const { number, ticketId, news, asked } = climb(ANONIM);
    expect(news[0]).toContain(`Batas waktu pemeriksaan awal pengaduan ${number}`);
    expect(news[1]).toContain('ikut mengawasinya dan bisa memindahkannya ke instansi lain');
    expect(asked?.expecting).toBe('identity_consent');
    expect(asked?.text).toContain('Ombudsman hanya bisa memeriksa laporan jika tahu siapa pelapornya');
    expect(asked?.text).toContain('*dirahasiakan*');
    expect(asked?.choices.map((c) => c.label)).toEqual(['Ya, boleh', 'Tidak usah']);
    expect(deliveriesTo(h, OMBUDSMAN)).toBe(0);
    // Held: a second sweep does not ask again, nor send.
    expect(h.core.ladder.sweep()).toBe(0);
    expect(types(ticketId).filter((t) => t === 'identity_asked')).toHaveLength(1);

    expect(expects('iya boleh')).toEqual(['name']);
    expect(expects('Rina Marlina')).toEqual(['nik']);
    const done = say(`nik saya ${NIK}`);
    expect(done.map((r) => r.expecting)).toEqual(['none']);
    expect(done[0]?.text).toContain(
      `Pengaduan ${number} kami teruskan ke Ombudsman RI Kalsel bersama identitas Anda`,
    );
    expect(complaintOf(number)).toMatchObject({ identityMode: 'rahasia', name: 'Rina Marlina', nik: NIK });
    expect(copy(ticketId)).toMatchObject({ why: 'deadline', identity: 'given' });
    expect(types(ticketId)).toContain('identity_given');
    expect(deliveriesTo(h, OMBUDSMAN)).toBe(1);
    expect(h.conversationState('warga')).toBe('submitted');
    expect(sweepOn(h, '2026-12-08')).toBe(0);
    // The event never holds the identity itself.
    expect(JSON.stringify(h.core.store.ticketEvents.forTicket(ticketId))).not.toContain(NIK);
  });

  it('keeps the identity back on a Banjar "kada", and Ombudsman is told without it', () => {
    const { number, ticketId, asked } = climb(BANJAR);
    expect(asked?.expecting).toBe('identity_consent');
    const refused = say('kada');
    expect(refused.map((r) => r.expecting)).toEqual(['none']);
    expect(refused[0]?.text).toContain('Baik, identitas Anda tidak kami kirim');
    expect(complaintOf(number)).toMatchObject({ identityMode: 'rahasia', name: 'Ahmad Fauzi', nik: null });
    expect(copy(ticketId)).toMatchObject({ identity: 'withheld' });
    expect(types(ticketId)).toContain('identity_refused');
    expect(deliveriesTo(h, OMBUDSMAN)).toBe(1);
  });

  it('asks only the NIK when the name is known, and "ngga usah" there refuses', () => {
    const { number, ticketId } = climb(BANJAR);
    expect(expects('inggih')).toEqual(['nik']);
    expect(say('1234')[0]?.text).toContain('NIK harus 16 angka.');
    expect(say('ngga usah')[0]?.text).toContain('identitas Anda tidak kami kirim');
    expect(complaintOf(number)?.nik).toBeNull();
    expect(copy(ticketId)).toMatchObject({ identity: 'withheld' });
  });

  it('takes a NIK typed back at the question as the consent with it', () => {
    const { number, ticketId } = climb(BANJAR);
    expect(expects('6371 0457 0890 0001')).toEqual(['none']);
    expect(complaintOf(number)).toMatchObject({ identityMode: 'rahasia', name: 'Ahmad Fauzi', nik: NIK });
    expect(copy(ticketId)).toMatchObject({ identity: 'given' });
  });

  it('takes the choices typed back, and ends politely after three answers it cannot read', () => {
    climb(BANJAR);
    expect(expects('1')).toEqual(['nik']);
    climb(BANJAR);
    expect(say('Tidak usah')[0]?.text).toContain('identitas Anda tidak kami kirim');
    climb(BANJAR);
    expect(expects('YA, BOLEH!!')).toEqual(['nik']);
    const { ticketId } = climb(BANJAR);
    expect(expects('🤔')).toEqual(['identity_consent']);
    expect(expects('👀')).toEqual(['identity_consent']);
    const end = say('hmm');
    expect(end.map((r) => r.expecting)).toEqual(['none']);
    expect(end[0]?.text).toContain('jawabannya belum saya pahami');
    expect(copy(ticketId)).toMatchObject({ identity: 'withheld' });
    expect(h.conversationState('warga')).toBe('submitted');
    climb(BANJAR);
    expect(say('batal')[0]?.text).toContain('identitas Anda tidak kami kirim');
  });

  it('sends the copy without the identity after 3 working days of silence, and says so', () => {
    const { ticketId } = climb(ANONIM);
    expect(sweepOn(h, '2026-12-09')).toBe(0);
    expect(sweepOn(h, '2026-12-10')).toBe(1);
    expect(copy(ticketId)).toMatchObject({ identity: 'withheld' });
    const told = lastTold(h, 'simulate', 'warga')[0] ?? '';
    expect(told).toContain('sudah kami teruskan juga ke Ombudsman RI Kalsel');
    expect(told).toContain('Identitas Anda tidak ikut dikirim');
    expect(h.conversationState('warga')).toBe('submitted');
    expect(expects('iya')).toEqual(['after_submit']);
  });

  it('asks in the reporter’s language', () => {
    const { asked } = climb(ENGLISH);
    expect(asked?.text).toContain('The Ombudsman can only investigate a report when it knows who made it');
    expect(asked?.choices.map((c) => c.label)).toEqual(['Yes, go ahead', 'No, thanks']);
    expect(say('no')[0]?.text).toContain('OK, your identity will not be sent.');
  });

  it('does not interrupt a new complaint in progress: the copy goes without the identity once the wait is over', () => {
    let state: string | null = null;
    const { ticketId, steps } = climb(BANJAR, () => {
      h.clock.set(Date.parse('2026-12-07T08:00:00+08:00'));
      say('mau lapor lagi, lampu jalan di depan rumah ulun mati');
      state = h.conversationState('warga');
    });
    expect(steps).toBe(0);
    expect(types(ticketId)).not.toContain('identity_asked');
    expect(h.conversationState('warga')).toBe(state);
    expect(sweepOn(h, '2026-12-10')).toBe(1);
    expect(copy(ticketId)).toMatchObject({ identity: 'withheld' });
  });
});
