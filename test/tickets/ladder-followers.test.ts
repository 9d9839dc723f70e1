// The citizens whose reports were merged into a ticket hear of its ladder's steps and of a field check in the same
// plain words its reporter reads, in their own chat's language, each exactly once (two sweeps a day, a restart in the
// middle of the ladder), the officer's reason scrubbed of the reporter's name; never the identity question or the line
// about the reporter's consent; and of Ombudsman's copy sent with the reporter's answer, too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileTicket } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { LADDER, endOpenStages, ombudsmanByMail, openStage, sweepOn } from '../helpers/ladder-fixture.js';
import { type MergeFixture, mergeFixture } from '../helpers/merge-fixture.js';

const COORDINATOR_ID = 'Pengaduan {n} belum juga ditanggapi. Mulai hari ini Admin LAPOR! Pemkot Banjarmasin';
const NIK = '6371045708900001';

describe('the ladder and field checks told to the chats following a ticket', () => {
  let h: Harness;
  let f: MergeFixture;
  /** Everything queued for a Telegram chat, oldest first (read from the store: it survives a restart). */
  const toChat = (chat: string) =>
    h.core.store.outbox.latest('telegram', chat, 200).map((e) => e.message.text);
  const count = (chat: string, words: string) => toChat(chat).filter((t) => t.includes(words)).length;

  beforeEach(() => {
    h = new Harness();
    f = mergeFixture(h);
    ombudsmanByMail(h, f.admin.id);
    // The twin's citizen reads English; the anonim one Indonesian. Both follow the road ticket from now on.
    h.say(f.chats.twin, '/lang en', 'telegram');
    expect(h.core.actions.merge(f.budi, f.twin, f.road)).toMatchObject({ ok: true });
    expect(h.core.actions.merge(f.budi, f.gap, f.road)).toMatchObject({ ok: true });
  });
  afterEach(() => h.close());

  it('tells each follower of every step the reporter hears, once, across a restart in the middle', () => {
    endOpenStages(h);
    openStage(h, f.road);
    expect(sweepOn(h, LADDER.reminder)).toBe(1);
    expect(h.core.ladder.sweep()).toBe(0);
    const reminder = `The deadline for the first check of complaint ${f.road} (25 November 2026) has passed`;
    expect(count(f.chats.twin, reminder)).toBe(1);
    expect(count(f.chats.gap, `Batas waktu pemeriksaan awal pengaduan ${f.road}`)).toBe(1);

    expect(sweepOn(h, LADDER.coordinator)).toBe(1);
    const watching = COORDINATOR_ID.replace('{n}', f.road);
    expect(count(f.chats.road, watching)).toBe(1);
    expect(count(f.chats.gap, watching)).toBe(1);
    expect(
      count(f.chats.twin, `Complaint ${f.road} has still not been answered. From today Admin LAPOR!`),
    ).toBe(1);

    // A restart between the coordinator and Ombudsman: nothing is told again, the next step comes on its day.
    h.restart();
    expect(sweepOn(h, LADDER.coordinator)).toBe(0);
    expect(sweepOn(h, '2026-12-04')).toBe(0);
    expect(sweepOn(h, LADDER.ombudsman)).toBe(1);
    expect(sweepOn(h, LADDER.ombudsman)).toBe(0);
    h.restart(3);
    expect(sweepOn(h, '2026-12-08')).toBe(0);

    const copy = `We have also sent complaint ${f.road} to Ombudsman RI Kalsel`;
    expect(count(f.chats.twin, copy)).toBe(1);
    expect(count(f.chats.gap, `Pengaduan ${f.road} sudah kami teruskan juga ke Ombudsman RI Kalsel`)).toBe(1);
    expect(count(f.chats.road, `Pengaduan ${f.road} sudah kami teruskan juga ke Ombudsman RI Kalsel`)).toBe(
      1,
    );
    expect(count(f.chats.twin, watching)).toBe(0);
    expect(count(f.chats.twin, `Complaint ${f.road} has still not been answered`)).toBe(1);
    expect(count(f.chats.twin, reminder)).toBe(1);
    // Names: the ladder's words carry agencies' names only, never the reporter's.
    for (const chat of [f.chats.twin, f.chats.gap])
      expect(toChat(chat).join('\n')).not.toContain('Siti Aminah');
  });

  it('tells each follower of a field check with its reason, scrubbed of the reporter’s name, once', () => {
    expect(h.core.actions.changeStatus(f.budi, f.road, 'diproses', { message: null, reason: null })).toEqual({
      ok: true,
    });
    const reason = 'Tim ukur datang bersama Ibu Siti Aminah (0812-3456-7890)';
    expect(h.core.actions.fieldCheck(f.budi, f.road, { days: 14, reason })).toMatchObject({ ok: true });
    expect(h.core.actions.fieldCheck(f.budi, f.road, { days: 14, reason })).toMatchObject({ ok: false });
    const due = '7 December 2026';
    expect(toChat(f.chats.road).at(-1)).toContain(
      `Pengaduan ${f.road} perlu dicek langsung ke lapangan. Alasan: ${reason}.`,
    );
    const twin = `Your complaint ${f.road} needs a check on the spot. Why: Tim ukur datang bersama Ibu … (…). The agency will answer by ${due} at the latest.`;
    expect(count(f.chats.twin, twin)).toBe(1);
    expect(count(f.chats.gap, `Pengaduan ${f.road} perlu dicek langsung ke lapangan. Alasan: Tim ukur`)).toBe(
      1,
    );
    for (const chat of [f.chats.twin, f.chats.gap]) {
      expect(toChat(chat).join('\n')).not.toContain('Siti Aminah');
      expect(toChat(chat).join('\n')).not.toContain('0812');
      // Told as news, never a status change it did not have ("sekarang diproses" came with the move before).
      expect(toChat(chat).filter((t) => t.includes('cek') || t.includes('check on the spot'))).toHaveLength(
        1,
      );
    }
  });

  it('tells the followers of the copy sent with the reporter’s answer, never of the question', () => {
    // A road ticket without a NIK: at Ombudsman's step its reporter is asked first; the twin follows it.
    const main = fileTicket(h, 'warga-tanpa-nik', {
      category: 'infrastruktur',
      kabkotaCode: '63.71',
      kecamatanCode: null,
      story: 'Jalan berlubang di Jl. Veteran depan toko, belum diperbaiki.',
      nik: null,
    });
    expect(h.core.actions.merge(f.budi, f.drain, main)).toMatchObject({ ok: true });
    endOpenStages(h);
    openStage(h, main);
    for (const date of [LADDER.reminder, LADDER.coordinator, LADDER.ombudsman]) sweepOn(h, date);
    const asked = 'Bolehkah kami sertakan identitas Anda?';
    expect(toChat('warga-tanpa-nik').at(-1)).toContain(asked);
    expect(count('warga-got', asked)).toBe(0);
    const copy = `Pengaduan ${main} sudah kami teruskan juga ke Ombudsman RI Kalsel`;
    expect(count('warga-got', copy)).toBe(0);
    h.say('warga-tanpa-nik', 'ya', 'telegram');
    h.say('warga-tanpa-nik', NIK, 'telegram');
    expect(toChat('warga-tanpa-nik').at(-1)).toContain('bersama identitas Anda');
    expect(count('warga-got', copy)).toBe(1);
    expect(toChat('warga-got').join('\n')).not.toContain('Identitas Anda tidak ikut dikirim');
    // Later sweeps send nothing more.
    expect(sweepOn(h, '2026-12-14')).toBe(0);
    expect(count('warga-got', copy)).toBe(1);
  });
});
