// A citizen's message after filing reaches the right ticket: by the platform's reply context, else the only open
// ticket, else the citizen picks one (one tap) — through the real runtime, storage and outbox.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/officers/passwords.js';
import { Harness } from '../helpers/harness.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

describe('which ticket a later message is for', () => {
  let h: Harness;
  let road: string;
  let levy: string;

  /** Says the turns of a dialogue from the transcripts, `from` up to `to`. */
  const play = (chat: string, name: string, from = 0, to?: number) => {
    const dialogue = DIALOGUES.find((d) => d.name === name);
    if (!dialogue) throw new Error(`no dialogue ${name}`);
    for (const turn of dialogue.turns.slice(from, to)) if ('say' in turn) h.say(chat, turn.say);
  };
  const numbers = () => h.complaints().map((c) => c.number);
  const notes = (number: string) => {
    const t = h.core.store.ticketInbox.forOfficer(number, { kind: 'all' });
    return h.core.store.tickets.notes(t?.id ?? -1).map((n) => n.text);
  };
  /** The platform id of the newest message to the chat that mentions the text: sent under its outbox id. */
  const sentId = (chat: string, text: string) => {
    const m = h.core.store.outbox.latest('simulate', chat, 50).find((e) => e.message.text.includes(text));
    if (!m) throw new Error(`nothing sent with ${text}`);
    if (m.status !== 'sent') h.core.store.outbox.markSent(m.id, h.clock.now(), String(m.id));
    return String(m.id);
  };

  beforeEach(() => {
    h = new Harness();
    play('warga', 'an informal citizen with chat abbreviations');
    h.say('warga', 'mulai');
    // The second complaint up to "kirim", without the consent turns (given once for the chat).
    play(
      'warga',
      'after submitting: add to the ticket, check status, withdraw, and start a second complaint',
      2,
      8,
    );
    const filed = numbers();
    levy = filed[0] ?? '';
    road = filed[1] ?? '';
  });
  afterEach(() => h.close());

  it('files two tickets from one chat (the fixture the rest relies on)', () => {
    expect(road).toMatch(/^ADU-/);
    expect(levy).toMatch(/^ADU-/);
    expect(road).not.toBe(levy);
  });

  it('asks which ticket when several are open, and one tap adds the message to it', () => {
    const [ask] = h.say('warga', 'lubangnya makin besar pak, tadi ada motor jatuh');
    expect(ask?.expecting).toBe('which_ticket');
    expect(ask?.choices.map((c) => c.id)).toEqual([levy, road, 'new', 'withdraw']);
    expect(ask?.choices[1]?.label).toContain('Jalan');
    const [ack] = h.say('warga', '2');
    expect(ack?.text).toContain(road);
    expect(notes(road)).toContain('lubangnya makin besar pak, tadi ada motor jatuh');
    expect(notes(levy)).not.toContain('lubangnya makin besar pak, tadi ada motor jatuh');
    expect(h.conversationState('warga')).toBe('submitted');
  });

  it('takes a ticket number typed in full or by its last four symbols', () => {
    h.say('warga', 'ada foto baru nanti saya kirim');
    h.say('warga', `yang ${road.slice(-4).toLowerCase()} pak`);
    expect(notes(road)).toContain('ada foto baru nanti saya kirim');
    h.say('warga', 'petugasnya sudah dipanggil camat');
    h.say('warga', levy.toLowerCase().replace(/-/g, ' '));
    expect(notes(levy)).toContain('petugasnya sudah dipanggil camat');
  });

  it('sends a reply to a message about a ticket straight to that ticket', () => {
    const receipt = sentId('warga', `*${road}*`);
    const replies = h.say('warga', { text: 'foto jalannya menyusul ya', replyTo: receipt });
    expect(replies.map((r) => r.expecting)).toEqual(['none']);
    expect(replies[0]?.text).toContain(road);
    expect(notes(road)).toEqual(['foto jalannya menyusul ya']);
    // A reply to a message about no ticket (a question) is asked about like any other message.
    const question = sentId('warga', 'Ringkasan');
    expect(h.say('warga', { text: 'yang tadi', replyTo: question })[0]?.expecting).toBe('which_ticket');
  });

  it('sends the answer to an officer’s question to the ticket that asked it, as a reply', () => {
    const officer = h.core.store.officers.add(
      {
        username: 'petugas',
        name: null,
        role: 'admin',
        passwordHash: hashPassword('kata-sandi-uji-1'),
        agencies: [],
      },
      h.clock.now(),
    );
    const admin = h.core.store.officers.get(officer);
    if (!admin) throw new Error('no admin');
    h.core.actions.changeStatus(admin, levy, 'menunggu_pelapor', {
      message: 'Berapa yang diminta?',
      reason: null,
    });
    const question = sentId('warga', 'Berapa yang diminta?');
    h.say('warga', { text: '200 ribu pak', replyTo: question });
    expect(notes(levy)).toEqual(['200 ribu pak']);
    expect(h.core.store.ticketInbox.forOfficer(levy, { kind: 'all' })?.status).toBe('diproses');
    // Without the reply, the ticket waiting for an answer is offered first, marked so.
    h.core.actions.changeStatus(admin, road, 'menunggu_pelapor', { message: 'RT berapa?', reason: null });
    const [ask] = h.say('warga', 'RT 5');
    expect(ask?.choices[0]?.id).toBe(road);
    expect(ask?.choices[0]?.label).toContain('menunggu jawaban Anda');
  });

  it('withdraws one of several: "cabut" asks which, then the usual "sure?"', () => {
    h.say('warga', 'saya mau cabut');
    const [which] = h.say('warga', 'cabut pengaduan');
    expect(which?.expecting).toBe('which_ticket');
    expect(which?.choices.map((c) => c.id)).toEqual([levy, road]);
    expect(h.say('warga', '1')[0]?.expecting).toBe('cancel_confirm');
    h.say('warga', 'ya');
    expect(h.complaints().find((c) => c.number === levy)?.status).toBe('dicabut');
    expect(h.complaints().find((c) => c.number === road)?.status).not.toBe('dicabut');
    // One open ticket left: the usual question about it, no choice of tickets.
    expect(h.say('warga', 'jalannya masih rusak')[0]?.expecting).toBe('after_submit');
  });

  it('starts a new complaint from the question, with the message as its story', () => {
    h.say('warga', 'Lampu jalan di Jl. Veteran mati semua sejak minggu lalu');
    const [next] = h.say('warga', 'pengaduan baru');
    expect(next?.expecting).not.toBe('which_ticket');
    expect(h.conversationState('warga')).not.toBe('submitted');
  });

  it('drops the message after three misses, saying how to reach one ticket', () => {
    h.say('warga', 'gimana ini');
    h.say('warga', 'hmm');
    h.say('warga', 'entah');
    const [dropped] = h.say('warga', 'apa ya');
    expect(dropped?.text).toContain('balas (reply)');
    expect(h.conversationState('warga')).toBe('submitted');
    expect(notes(road)).toEqual([]);
    expect(notes(levy)).toEqual([]);
  });
});
