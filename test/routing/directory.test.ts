// The agency directory: the built-in file validates and is complete; operators' files are checked in plain words.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KABKOTA } from '../../src/data/regions-data.js';
import { resolveSecret } from '../../src/domain/destination.js';
import { DirectoryError } from '../../src/routing/directory.js';
import { defaultDirectory, loadDirectory } from '../../src/routing/load-directory.js';

const dir = defaultDirectory();
const tmp = mkdtempSync(join(tmpdir(), 'aduan-directory-'));
const BuiltIn = z.object({ agencies: z.array(z.looseObject({ id: z.string() })) }).loose();
const builtIn = () =>
  BuiltIn.parse(JSON.parse(readFileSync(new URL('../../src/data/agencies.json', import.meta.url), 'utf8')));

function writeJson(name: string, data: unknown): string {
  const file = join(tmp, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (e) {
    if (e instanceof DirectoryError) return e.problems;
    throw e;
  }
  throw new Error('expected a DirectoryError');
}

const agency = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Agency ${id}`,
  shortName: id,
  level: 'kabkota',
  region: '63.71',
  categories: ['adminduk'],
  status: 'unconfirmed',
  source: 'test',
  ...extra,
});
const ombudsman = agency('ombudsman-kalsel', { level: 'ombudsman', region: null, categories: ['lainnya'] });

describe('the built-in directory', () => {
  it('validates without warnings and keeps every id once', () => {
    expect(dir.warnings).toEqual([]);
    const ids = dir.all().map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dir.all().length).toBeGreaterThan(200);
  });

  it('has the standard set of offices, a coordinator, a Polres and a land office for each of the 13 kab/kota', () => {
    const standard = [
      'disdukcapil',
      'dinkes',
      'rsud',
      'disdik',
      'pupr',
      'pdam',
      'dpmptsp',
      'dinsos',
      'dlh',
      'dishub',
    ];
    const more = [
      'satpolpp',
      'bkpsdm',
      'bapenda',
      'disnaker',
      'koordinator',
      'kantah',
      'polres',
      'bpjs-kesehatan',
    ];
    for (const k of KABKOTA) {
      for (const kind of [...standard, ...more, 'bpjs-tk']) {
        expect(dir.ofKind(kind, k.code, null), `${kind} for ${k.name}`).toBeDefined();
      }
      expect(dir.ofKind('dpmd', k.code, null) !== undefined).toBe(k.type === 'kabupaten');
      expect(dir.coordinator(k.code)?.id).toBe(`${k.code.replace('.', '')}-koordinator`);
      expect(dir.ombudsman(k.code).id).toBe('ombudsman-kalsel');
    }
    expect(dir.ombudsman(null).id).toBe('ombudsman-kalsel');
  });

  it('names the provincial, vertical and national offices', () => {
    for (const id of [
      'prov-disdik',
      'prov-rsud-ulin',
      'prov-rsj-sambang-lihum',
      'prov-bapenda',
      'prov-pupr',
      'prov-dishub',
      'polda-kalsel',
      'bpjn-kalsel',
      'bpjs-kesehatan-banjarmasin',
      'bpjs-kesehatan-barabai',
      'bpjs-tk-banjarmasin',
      'pln-uid-kalselteng',
      'ombudsman-kalsel',
    ]) {
      expect(dir.agency(id), id).toBeDefined();
    }
    expect(dir.agency('6371-polres')?.shortName).toBe('Polresta Banjarmasin');
    expect(dir.agency('6371-pdam')?.name).toBe('PT Air Minum Bandarmasih (Perseroda)');
    expect(dir.agency('6303-rsud')?.shortName).toBe('RSUD Ratu Zalecha');
    expect(dir.agency('pln-uid-kalselteng')?.level).toBe('bumn');
    expect(dir.agency('6372-pdam')?.level).toBe('bumd');
    expect(dir.agency('6372-pdam')?.serves).toEqual(['63.72', '63.03']);
  });

  it('marks unconfirmed what the sources give only as a template or a weak hint', () => {
    for (const a of dir.all()) {
      if (a.statusNote === 'template' || a.statusNote === 'pattern_only' || a.statusNote === 'implied') {
        expect(a.status, a.id).toBe('unconfirmed');
      }
    }
    const status = (id: string) => dir.agency(id)?.status;
    expect(status('6371-disdukcapil')).toBe('confirmed');
    expect(status('6372-satpolpp')).toBe('confirmed');
    expect(status('6303-disdukcapil')).toBe('unconfirmed'); // only implied by a Perbup
    expect(status('6301-pdam')).toBe('unconfirmed'); // no name in the sources
    expect(status('6307-pdam')).toBe('unconfirmed'); // a 2005 name, flagged as unverified
    expect(status('prov-disdik')).toBe('unconfirmed');
    expect(status('6301-disnaker')).toBe('unconfirmed');
    expect(status('ombudsman-kalsel')).toBe('confirmed');
  });

  it('gives default hours (shorter on Friday), no destinations, and the Polda its 24-hour answer', () => {
    const a = dir.agency('6371-disdukcapil');
    expect(a?.hours.mon).toBe('08:00-16:00');
    expect(a?.hours.fri).toBe('08:00-11:00');
    expect(a?.hours.sat).toBeNull();
    expect(dir.agency('pln-uid-kalselteng')?.hours.sun).toBe('00:00-24:00');
    expect(dir.all().every((x) => x.destinations.length === 0)).toBe(true);
    expect(dir.agency('polda-kalsel')?.answerDays).toBe(1);
    expect(a?.answerDays).toBeNull();
  });

  it('polices Aluh Aluh and Beruntung Baru (Kabupaten Banjar) from Polres Banjarbaru', () => {
    expect(dir.ofKind('polres', '63.03', '63.03.01')?.id).toBe('6372-polres');
    expect(dir.ofKind('polres', '63.03', '63.03.13')?.id).toBe('6372-polres');
    expect(dir.ofKind('polres', '63.03', '63.03.03')?.id).toBe('6303-polres');
  });

  it('loads the same when given explicitly, and is loaded once by defaultDirectory', () => {
    expect(loadDirectory({ secrets: {} }).all().length).toBe(dir.all().length);
    expect(defaultDirectory()).toBe(dir);
  });
});

describe("an operator's file", () => {
  it('lists every problem in plain words', () => {
    const file = writeJson('bad.json', {
      kinds: { disdukcapil: ['dukcapil'] },
      agencies: [
        agency('6371-disdukcapil', { kind: 'disdukcapil', categories: ['adminduks'] }),
        agency('6371-disdukcapil', { region: '63.99' }),
        agency('6372-x', { kind: 'dukcapil', serves: ['63.72.99'] }),
        agency('6371-y', { kind: 'disdukcapil' }),
        ombudsman,
      ],
      rules: [
        { id: 'adminduk', categories: ['adminduk', 'ktp'], agency: '{kab}-disdukcapil' },
        { id: 'pln', categories: ['energi_listrik'], agency: 'pln-uid-kalselteng' },
        { id: 'pln', agency: '{kab}-pdam', regions: ['63.00'] },
        { id: 'cadangan-koordinator', agency: '6371-y' },
      ],
    });
    const problems = problemsOf(() => loadDirectory({ file, secrets: {} }));
    const expected = [
      'Agency id "6371-disdukcapil" is used 2 times; ids must be unique.',
      'Agency "6371-disdukcapil": unknown category "adminduks"',
      'Agency "6371-disdukcapil": unknown region "63.99"; use a kab/kota code such as 63.71, or null.',
      'Agency "6372-x": serves unknown region "63.72.99"',
      'Agency "6372-x": kind "dukcapil" is not listed under "kinds".',
      'Agencies "6371-disdukcapil" and "6371-y" are both of kind "disdukcapil" for Kota Banjarmasin.',
      'Rule "adminduk": unknown category "ktp".',
      'Rule "pln" points at agency "pln-uid-kalselteng", which is not in the directory.',
      'Rule id "pln" is used twice.',
      'Rule "pln": unknown kab/kota code "63.00".',
      'Rule "pln" points at "{kab}-pdam", but no agency is of kind "pdam".',
      'Rule "cadangan-koordinator": this id is reserved for the router\'s fallback.',
    ];
    for (const text of expected)
      expect(
        problems.some((p) => p.startsWith(text)),
        text,
      ).toBe(true);
    expect(problems).toHaveLength(expected.length);
  });

  it('names the agency and field when the shape is wrong', () => {
    const file = writeJson('shape.json', {
      agencies: [agency('6371-a', { level: 'kota' }), agency('6371-b', { hours: { mon: '16:00-08:00' } })],
    });
    const problems = problemsOf(() => loadDirectory({ file, secrets: {} }));
    expect(problems.some((p) => p.startsWith('agencies[0] ("6371-a").level:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('agencies[1] ("6371-b").hours'))).toBe(true);
  });

  it('says when it cannot read the file or it is not JSON', () => {
    expect(problemsOf(() => loadDirectory({ file: join(tmp, 'missing.json'), secrets: {} }))[0]).toMatch(
      /^Cannot read the file: ENOENT/,
    );
    const file = writeJson('broken.json', '{ "agencies": [ ');
    expect(problemsOf(() => loadDirectory({ file, secrets: {} }))[0]).toMatch(/^The file is not valid JSON/);
  });

  it('requires a province-wide Ombudsman, and warns of kab/kota without a coordinator', () => {
    const file = writeJson('no-ombudsman.json', { agencies: [agency('6371-a')], rules: [] });
    expect(problemsOf(() => loadDirectory({ file, secrets: {} }))).toContain(
      'No agency of level "ombudsman" with region null: complaints without a kab/kota need one.',
    );
    const small = writeJson('small.json', { agencies: [agency('6371-a'), ombudsman], rules: [] });
    const warnings = loadDirectory({ file: small, secrets: {} }).warnings;
    expect(warnings).toHaveLength(13);
    expect(warnings[0]).toBe(
      'Kabupaten Tanah Laut has no complaint coordinator: what no rule routes there goes to the Ombudsman.',
    );
  });

  it('warns, without failing, where a rule has no agency of its kind for a kab/kota', () => {
    const file = writeJson('gaps.json', {
      kinds: { disdukcapil: ['dukcapil'] },
      agencies: [agency('6371-disdukcapil', { kind: 'disdukcapil' }), ombudsman],
      rules: [
        {
          id: 'adminduk',
          categories: ['adminduk'],
          agency: '{kab}-disdukcapil',
          regions: ['63.71', '63.72'],
        },
      ],
    });
    const d = loadDirectory({ file, secrets: {} });
    expect(d.warnings).toContain(
      'Rule "adminduk": no agency of kind "disdukcapil" serves Kota Banjarbaru; complaints there go on to the next rule.',
    );
  });

  it('takes a webhook destination whose secret is an environment variable, resolved with the secrets given', () => {
    const data = builtIn();
    const hook = {
      id: 'lapor-bjm',
      method: 'webhook',
      url: 'https://pengaduan.example.go.id/aduan',
      secret: { env: 'ADUAN_SECRET_X' },
    };
    data.agencies = data.agencies.map((a) =>
      a.id === '6371-disdukcapil' ? { ...a, destinations: [hook] } : a,
    );
    const file = writeJson('operator.json', data);
    const secrets = { ADUAN_SECRET_X: 'a-long-shared-secret-value' };

    const d = loadDirectory({ file, secrets });
    expect(d.warnings).toEqual([]);
    expect(d.source).toBe(file);
    const [dest] = d.agency('6371-disdukcapil')?.destinations ?? [];
    expect(dest?.method).toBe('webhook');
    if (dest?.method !== 'webhook') throw new Error('expected the webhook');
    expect(dest.timeoutMs).toBe(10_000);
    expect(resolveSecret(dest.secret, secrets)).toBe('a-long-shared-secret-value');

    const unset = loadDirectory({ file, secrets: {} });
    expect(unset.warnings).toEqual([
      'Agency "6371-disdukcapil", destination "lapor-bjm": the secret ADUAN_SECRET_X is not set, so this destination cannot deliver.',
    ]);
  });

  it('rejects a destination the forwarding schema does not accept', () => {
    const data = builtIn();
    data.agencies = data.agencies.map((a) =>
      a.id === '6371-dinkes' ? { ...a, destinations: [{ id: 'x', method: 'fax', number: '0511' }] } : a,
    );
    const problems = problemsOf(() => loadDirectory({ file: writeJson('fax.json', data), secrets: {} }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^agencies\[\d+\] \("6371-dinkes"\)\.destinations\.0\.method:/);
  });
});

describe('the agencies’ Telegram groups', () => {
  it('are the Telegram destinations’ chat ids, the same array until an override changes them', () => {
    const d = defaultDirectory();
    expect(d.telegramChats()).toEqual([]);
    expect(d.telegramChats()).toBe(d.telegramChats());
    const group = { id: 'grup', method: 'telegram' as const, chatId: '-1001234567890' };
    d.applyOverrides(new Map([['6371-dinkes', { destinations: [group], hours: null }]]));
    expect(d.telegramChats()).toEqual(['-1001234567890']);
    d.applyOverrides(new Map());
    expect(d.telegramChats()).toEqual([]);
  });
});
