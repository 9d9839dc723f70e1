// What the citizen hears of the deadlines through the real runtime: the receipt's two dates (verification, answer),
// the chat's "status" naming the running stage, a field check told in their language, and the status page's line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Officer } from '../../src/domain/officer.js';
import { lookUpStatus } from '../../src/tickets/status-lookup.js';
import { Harness } from '../helpers/harness.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

describe('the deadlines as the citizen hears them', () => {
  let h: Harness;
  let receipt = '';
  let number = '';
  let officer: Officer;
  const last = (chat = 'warga') =>
    h.core.store.outbox.latest('simulate', chat, 100).at(-1)?.message.text ?? '';

  /** Files the formal citizen's KTP complaint in `chat` (English after `/lang en`). */
  const file = (chat: string, english = false) => {
    const d = DIALOGUES.find((x) => x.name === 'a formal citizen files a complete complaint');
    if (english) h.say(chat, '/lang en');
    for (const turn of d?.turns ?? [])
      if ('say' in turn)
        for (const m of h.say(chat, turn.say)) if (/ADU-\d{4}-/.test(m.text)) receipt = m.text;
    return /ADU-\d{4}-[A-Z0-9]{4}/.exec(receipt)?.[0] ?? '';
  };

  beforeEach(() => {
    h = new Harness();
    number = file('warga');
    const agency = h.core.store.ticketInbox.inbox({ kind: 'all' })[0]?.agencyId ?? '';
    const id = h.core.store.officers.add(
      { username: 'capil', name: null, role: 'officer', passwordHash: 'x', agencies: [agency] },
      h.clock.now(),
    );
    const account = h.core.store.officers.get(id);
    if (!account) throw new Error('no officer');
    officer = account;
  });
  afterEach(() => h.close());

  it('gives both dates in the receipt: verified by Thursday 26, answered by Thursday 3 December', () => {
    expect(receipt).toContain(
      'Pengaduan Anda diverifikasi instansi paling lambat 26 November 2026, dijawab paling lambat 3 Desember 2026',
    );
    h.clock.advance(60_000);
    file('warga-en', true);
    expect(receipt).toContain(
      'The agency must verify your complaint by 26 November 2026 and answer it by 3 December 2026',
    );
  });

  it('names the running stage in the chat’s status, then the field check, told with its reason and date', () => {
    h.say('warga', `status ${number}`);
    expect(last()).toContain('Tenggat: menunggu verifikasi instansi, paling lambat 26 November 2026.');
    expect(
      h.core.actions.changeStatus(officer, number, 'diverifikasi', { message: null, reason: null }).ok,
    ).toBe(true);
    h.say('warga', `status ${number}`);
    expect(last()).toContain('Tenggat: menunggu jawaban instansi, paling lambat 30 November 2026.');
    expect(
      h.core.actions.changeStatus(officer, number, 'menunggu_pelapor', { message: 'Kapan?', reason: null })
        .ok,
    ).toBe(true);
    h.say('warga', `status ${number}`);
    expect(last()).toContain('Tenggat: tenggat instansi berhenti sementara sambil menunggu jawaban pelapor.');
    expect(h.core.actions.changeStatus(officer, number, 'diproses', { message: null, reason: null }).ok).toBe(
      true,
    );

    const reason = 'Blangko diperiksa langsung ke gudang';
    expect(h.core.actions.fieldCheck(officer, number, { days: 10, reason })).toMatchObject({
      ok: true,
      due: '2026-12-03',
    });
    expect(last()).toContain(
      `🔎 Pengaduan ${number} perlu dicek langsung ke lapangan. Alasan: ${reason}. Instansi akan menjawab paling lambat 3 Desember 2026.`,
    );
    h.say('warga', `status ${number}`);
    expect(last()).toContain(`Tenggat: cek lapangan sampai 3 Desember 2026 (${reason}).`);
    const pin = /PIN \*(\d{6})\*/.exec(receipt)?.[1] ?? '';
    const view = lookUpStatus(h.core.store, number, pin);
    expect(view?.deadline).toEqual({ stage: 'field_check', dueOn: '2026-12-03', paused: false, reason });
    expect(view?.lines.at(-1)).toMatchObject({ kind: 'field_check', due: '2026-12-03', reason });
  });
});
