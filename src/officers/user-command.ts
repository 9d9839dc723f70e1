// `npm run user`: officers' accounts from the operator's shell (add, list, disable, reset-password, agencies).
import { type OfficerRole, OfficerRole as Role } from '../domain/officer.js';
import type { Directory } from '../routing/directory.js';
import type { Store } from '../storage/store.js';
import { MIN_PASSWORD_LENGTH, hashPassword } from './passwords.js';
import { newApiToken, tokenHash } from './tokens.js';

export type UserArgs = {
  command: string | undefined;
  username?: string;
  role?: string;
  agencies: string[];
  name?: string;
  revoke?: boolean;
};

export type UserCommandDeps = {
  store: Pick<Store, 'officers' | 'tx'>;
  directory: Directory;
  /** The first line of stdin, for add and reset-password; never a command-line argument. */
  readPassword: () => string | null;
  now: number;
};

export type UserCommandResult = { code: number; lines: string[] };

export const USER_USAGE = [
  'usage:',
  '  npm run user -- add --username U --role admin|supervisor|officer [--agency ID]… [--name "…"]  (password on stdin)',
  '  npm run user -- list',
  '  npm run user -- disable --username U',
  '  npm run user -- reset-password --username U  (password on stdin)',
  '  npm run user -- agencies',
  '  npm run user -- token --username U [--revoke]  (a new API token, printed once on the last line)',
];

const fail = (line: string, code = 2): UserCommandResult => ({ code, lines: [line] });

export function userCommand(args: UserArgs, deps: UserCommandDeps): UserCommandResult {
  const { store, directory } = deps;
  switch (args.command) {
    case 'agencies':
      return {
        code: 0,
        lines: directory.all().map((a) => [a.id, a.level, a.region ?? '-', a.name].join('\t')),
      };
    case 'list':
      return {
        code: 0,
        lines: store.officers
          .list()
          .map((o) =>
            [
              o.username,
              o.role,
              o.agencies.join(',') || '-',
              o.disabled ? 'disabled' : 'active',
              o.name ?? '',
            ].join('\t'),
          ),
      };
    case 'add': {
      if (!args.username || !/^[a-z0-9._-]{3,40}$/i.test(args.username))
        return fail('✗ --username: 3–40 letters, digits, dots, dashes or underscores');
      const role = Role.safeParse(args.role);
      if (!role.success) return fail('✗ --role must be admin, supervisor or officer');
      const problem = agencyProblem(role.data, args.agencies, directory);
      if (problem) return fail(`✗ ${problem}`);
      if (store.officers.find(args.username)) return fail(`✗ ${args.username} already exists`, 1);
      const password = checkedPassword(deps.readPassword());
      if (typeof password !== 'string') return password;
      store.tx(() =>
        store.officers.add(
          {
            username: args.username ?? '',
            name: args.name?.trim() || null,
            role: role.data,
            passwordHash: hashPassword(password),
            agencies: args.agencies,
          },
          deps.now,
        ),
      );
      return { code: 0, lines: [`✓ ${args.username} (${role.data}) added`] };
    }
    case 'token': {
      const officer = args.username ? store.officers.find(args.username) : null;
      if (!officer) return fail(`✗ no account named ${args.username ?? '(none given)'}`, 1);
      if (args.revoke) {
        const n = store.officers.revokeTokensOf(officer.id, deps.now);
        return { code: 0, lines: [`✓ ${n} API token(s) of ${officer.username} revoked`] };
      }
      if (officer.disabled) return fail(`✗ ${officer.username} is disabled`, 1);
      const token = newApiToken();
      store.officers.addToken(tokenHash(token), officer.id, deps.now);
      return {
        code: 0,
        lines: [
          `✓ a new API token for ${officer.username}; it is shown once, keep it secret (send it as Authorization: Bearer …):`,
          token,
        ],
      };
    }
    case 'disable':
    case 'reset-password': {
      const officer = args.username ? store.officers.find(args.username) : null;
      if (!officer) return fail(`✗ no account named ${args.username ?? '(none given)'}`, 1);
      if (args.command === 'disable') {
        store.officers.disableAccount(officer.id, deps.now);
        return { code: 0, lines: [`✓ ${officer.username} disabled; its sessions ended`] };
      }
      const password = checkedPassword(deps.readPassword());
      if (typeof password !== 'string') return password;
      store.officers.setPassword(officer.id, hashPassword(password));
      return { code: 0, lines: [`✓ new password for ${officer.username}; its sessions ended`] };
    }
    default:
      return { code: 2, lines: USER_USAGE };
  }
}

function checkedPassword(line: string | null): string | UserCommandResult {
  const password = line?.replace(/\r?\n$/, '') ?? '';
  if (password.length < MIN_PASSWORD_LENGTH)
    return fail(`✗ the password (first line of stdin) needs at least ${MIN_PASSWORD_LENGTH} characters`);
  return password;
}

/** An officer needs an agency of the directory; a supervisor a coordinator or Ombudsman; an admin none. */
function agencyProblem(role: OfficerRole, agencies: readonly string[], directory: Directory): string | null {
  if (role === 'admin') return agencies.length > 0 ? 'an admin has no --agency: it sees everything' : null;
  if (agencies.length === 0) return `a ${role} needs --agency (npm run user -- agencies lists them)`;
  for (const id of agencies) {
    const agency = directory.agency(id);
    if (!agency) return `unknown agency ${id} (npm run user -- agencies lists them)`;
    if (role === 'supervisor' && !agency.coordinator && agency.level !== 'ombudsman')
      return `${id} is not a complaint coordinator or Ombudsman: a supervisor belongs to one`;
  }
  return null;
}
