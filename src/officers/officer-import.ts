// `npm run user -- import FILE.csv [--dry-run]`: officers' accounts from a CSV (username,name,role,agencies[,email]),
// every row checked before anything is made, then all created in one transaction without a usable password, each
// with a one-time link to set it.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { OfficerRole } from '../domain/officer.js';
import type { Directory } from '../routing/directory.js';
import type { NewOfficer } from '../storage/officers.js';
import type { Store } from '../storage/store.js';
import { USERNAME, agencyProblem } from './account-rules.js';
import { parseCsv } from './csv.js';
import { issuePasswordLink } from './password-links.js';
import { hashPassword } from './passwords.js';

const REQUIRED = ['username', 'name', 'role', 'agencies'] as const;
const COLUMNS = new Set<string>([...REQUIRED, 'email']);
const Email = z.email().max(200);

export type ImportRow = Omit<NewOfficer, 'passwordHash'> & { line: number; email: string | null };
export type Checked = { ok: true; rows: ImportRow[] } | { ok: false; problems: string[] };

/** Every row of the file as an account to make, or every problem found (`line N: …`); nothing is written. */
export function checkImport(text: string, store: Pick<Store, 'officers'>, directory: Directory): Checked {
  const [header, ...records] = parseCsv(text).records;
  if (!header) return { ok: false, problems: ['line 1: the file is empty (a header row is needed)'] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const headerProblems = [
    ...REQUIRED.filter((c) => !names.includes(c)).map((c) => `line ${header.line}: no "${c}" column`),
    ...names.filter((n) => !COLUMNS.has(n)).map((n) => `line ${header.line}: unknown column "${n}"`),
  ];
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };
  const problems: string[] = [];
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const cell = (column: string) => {
      const i = names.indexOf(column);
      return i < 0 ? '' : (record.fields[i] ?? '').trim();
    };
    const at = `line ${record.line}:`;
    const before = problems.length;
    if (record.fields.length > names.length)
      problems.push(`${at} ${record.fields.length} fields for ${names.length} columns`);
    const username = cell('username');
    const key = username.toLowerCase();
    if (!USERNAME.test(username))
      problems.push(`${at} username "${username}": 3–40 letters, digits, dots, dashes or underscores`);
    else if (seen.has(key)) problems.push(`${at} username ${username} is already on line ${seen.get(key)}`);
    else {
      seen.set(key, record.line);
      if (store.officers.find(username)) problems.push(`${at} username ${username} already exists`);
    }
    const role = OfficerRole.safeParse(cell('role').toLowerCase());
    const agencies = cell('agencies')
      .split(/[;\s]+/)
      .filter((a) => a !== '');
    if (!role.success || role.data === 'integration')
      problems.push(`${at} role "${cell('role')}" must be admin, supervisor or officer`);
    const agencyIssue = role.success ? agencyProblem(role.data, agencies, directory) : null;
    if (agencyIssue) problems.push(`${at} ${agencyIssue.replace('--agency', 'agencies')}`);
    const email = cell('email');
    if (email !== '' && !Email.safeParse(email).success)
      problems.push(`${at} email "${email}" is not an address`);
    if (problems.length > before || !role.success) continue;
    const name = cell('name');
    rows.push({
      line: record.line,
      username,
      name: name === '' ? null : name,
      role: role.data,
      agencies: [...new Set(agencies)],
      email: email === '' ? null : email,
    });
  }
  if (records.length === 0) problems.push(`line ${header.line}: no accounts under the header`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

export type Created = { username: string; link: string; expiresAt: number };

/**
 * Makes the checked accounts in one transaction (all or none), each with a password nobody knows and a one-time link
 * to set its own.
 */
export function createImported(
  rows: readonly ImportRow[],
  store: Pick<Store, 'officers' | 'passwordLinks' | 'audit' | 'tx'>,
  now: number,
  publicBaseUrl: string | undefined,
): Created[] {
  const unusable = rows.map((row) => ({
    ...row,
    passwordHash: hashPassword(randomBytes(32).toString('base64url')),
  }));
  return store.tx(() =>
    unusable.map((row) => {
      const id = store.officers.add(row, now);
      if (row.email) store.passwordLinks.recordEmail(id, row.email);
      return { username: row.username, ...issuePasswordLink(store, id, now, publicBaseUrl) };
    }),
  );
}
