// Response templates without HTTP: placeholders rendered for a ticket (the date left for the officer, unknown ones
// visible), unknown placeholders found, and who reaches and edits which agency's templates.
import { describe, expect, it } from 'vitest';
import type { Officer } from '../../src/domain/officer.js';
import { placeholdersIn, renderTemplate, unknownPlaceholders } from '../../src/domain/response-template.js';
import {
  editableAgencies,
  editsTemplates,
  mayEditTemplate,
  reachesTemplate,
  templateReach,
} from '../../src/officers/template-access.js';
import { defaultDirectory } from '../../src/routing/load-directory.js';

const directory = defaultDirectory();
const account = (role: Officer['role'], agencies: string[], disabled = false): Officer => ({
  id: 1,
  username: 'u',
  name: null,
  role,
  agencies,
  disabled,
});

describe('response template text', () => {
  const values = {
    nomor: 'ADU-2611-4K7Q',
    instansi: 'Dinas PUPR Kota Banjarmasin',
    kategori: 'Jalan',
    petugas: 'Budi',
  };

  it('fills what the system knows and leaves the date as … for the officer', () => {
    expect(
      renderTemplate('Pengaduan Anda {nomor} sudah kami jadwalkan untuk perbaikan pada {tanggal}.', values),
    ).toBe('Pengaduan Anda ADU-2611-4K7Q sudah kami jadwalkan untuk perbaikan pada ….');
    expect(renderTemplate('{instansi} · {kategori} · {petugas} · {nomor}{nomor}', values)).toBe(
      'Dinas PUPR Kota Banjarmasin · Jalan · Budi · ADU-2611-4K7QADU-2611-4K7Q',
    );
  });

  it('keeps a placeholder it does not know visible, and names it', () => {
    expect(renderTemplate('Yth. {nama}, {nomor}', values)).toBe('Yth. {nama}, ADU-2611-4K7Q');
    expect(unknownPlaceholders('Yth. {nama} ({nik}) {nomor} {tanggal} {nama}')).toEqual(['nama', 'nik']);
    expect(placeholdersIn('{nomor} {tanggal} {nomor} { spasi } {}')).toEqual(['nomor', 'tanggal']);
  });
});

describe('who reaches and edits templates', () => {
  const pupr = '6371-pupr';
  const banjarbaru = '6372-pupr';

  it('lets admins and coordinators reaching every agency edit all, the every-agency ones included', () => {
    for (const who of [account('admin', []), account('supervisor', ['ombudsman-kalsel'])]) {
      expect(templateReach(who, directory)).toBeNull();
      expect(mayEditTemplate(who, null, directory)).toBe(true);
      expect(mayEditTemplate(who, banjarbaru, directory)).toBe(true);
      expect(editableAgencies(who, directory)).toHaveLength(directory.all().length);
    }
  });

  it('lets a pemda coordinator edit its kab/kota’s agencies only, and read the every-agency ones', () => {
    const korbjm = account('supervisor', ['6371-koordinator']);
    expect(mayEditTemplate(korbjm, pupr, directory)).toBe(true);
    expect(mayEditTemplate(korbjm, banjarbaru, directory)).toBe(false);
    expect(mayEditTemplate(korbjm, null, directory)).toBe(false);
    expect(reachesTemplate(korbjm, null, directory)).toBe(true);
    expect(reachesTemplate(korbjm, banjarbaru, directory)).toBe(false);
    expect(editableAgencies(korbjm, directory).every((a) => a.region === '63.71')).toBe(true);
    expect(editsTemplates(korbjm, directory)).toBe(true);
  });

  it('lets officers, disabled accounts and a coordinator of no known agency edit nothing', () => {
    const officer = account('officer', [pupr]);
    expect(reachesTemplate(officer, pupr, directory)).toBe(true);
    expect(reachesTemplate(officer, banjarbaru, directory)).toBe(false);
    for (const who of [officer, account('admin', [], true), account('supervisor', ['tidak-ada'])]) {
      expect(editsTemplates(who, directory)).toBe(false);
      expect(mayEditTemplate(who, pupr, directory)).toBe(false);
      expect(editableAgencies(who, directory)).toEqual([]);
    }
  });
});
