// Two filed tickets (a road in Banjarmasin, a KTP) and one account of each kind the response templates care about:
// admin, Banjarmasin's and Banjarbaru's coordinators, Ombudsman, and an officer of each ticket's agency.
import type { createApp } from '../../src/http/app.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { newToken, tokenHash } from '../../src/officers/tokens.js';
import { DIALOGUES } from '../transcripts/dialogues.js';
import { Harness } from './harness.js';
import { officerApp } from './officer-app.js';
import { pageClient } from './page-session.js';

export const PASSWORD = 'kata-sandi-panjang-1';

export type TemplateFixture = {
  h: Harness;
  app: ReturnType<typeof createApp>;
  client: ReturnType<typeof pageClient>;
  road: { number: string; agencyId: string };
  ktp: { number: string; agencyId: string };
  /** Account ids by username: admin, korbjm, korbjb, ombudsman, pupr (the road's agency), capil (the KTP's). */
  ids: Record<string, number>;
  /** An API bearer token per username. */
  tokens: Record<string, string>;
};

export function templateFixture(): TemplateFixture {
  const h = new Harness();
  const file = (chat: string, name: string) => {
    for (const turn of DIALOGUES.find((d) => d.name === name)?.turns ?? [])
      if ('say' in turn) h.say(chat, turn.say);
  };
  file('warga-jalan', 'an informal citizen with chat abbreviations');
  file('warga-ktp', 'a formal citizen files a complete complaint');
  const rows = h.core.store.ticketInbox.inbox({ kind: 'all' });
  const ticket = (category: string) => {
    const row = rows.find((r) => r.category === category);
    if (!row?.agencyId) throw new Error(`no ${category} ticket with an agency`);
    return { number: row.number, agencyId: row.agencyId };
  };
  const road = ticket('infrastruktur');
  const ktp = ticket('adminduk');
  const ids: Record<string, number> = {};
  const tokens: Record<string, string> = {};
  const accounts = [
    ['admin', 'admin', []],
    ['korbjm', 'supervisor', ['6371-koordinator']],
    ['korbjb', 'supervisor', ['6372-koordinator']],
    ['ombudsman', 'supervisor', ['ombudsman-kalsel']],
    ['pupr', 'officer', [road.agencyId]],
    ['capil', 'officer', [ktp.agencyId]],
  ] as const;
  for (const [username, role, agencies] of accounts) {
    const id = h.core.store.officers.add(
      { username, name: `Petugas ${username}`, role, passwordHash: hashPassword(PASSWORD), agencies },
      h.clock.now(),
    );
    ids[username] = id;
    tokens[username] = newToken();
    h.core.store.officers.addToken(tokenHash(tokens[username] ?? ''), id, h.clock.now());
  }
  const app = officerApp(h);
  return { h, app, client: pageClient(app), road, ktp, ids, tokens };
}
