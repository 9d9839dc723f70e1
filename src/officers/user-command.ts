// `npm run user`: officers' accounts from the operator's shell (add, import, link, list, disable, reset-password,
// reset-2fa, agencies, token).
import { OfficerRole as Role } from '../domain/officer.js';
import type { Directory } from '../routing/directory.js';
import type { Store } from '../storage/store.js';
import { USERNAME, agencyProblem } from './account-rules.js';
import { checkImport, createImported } from './officer-import.js';
import { issuePasswordLink } from './password-links.js';
import { MIN_PASSWORD_LENGTH, NO_PASSWORD_HASH, hashPassword } from './passwords.js';
import { newApiToken, tokenHash } from './tokens.js';
import { resetTwoFactor } from './two-factor.js';

export type UserArgs = {
  command: string | undefined;
  username?: string;
  role?: string;
  agencies: string[];
  name?: string;
  revoke?: boolean;
  /** import: the file's name and its text (null when it could not be read); --dry-run only checks it. */
  file?: string;
  csv?: string | null;
  dryRun?: boolean;
};

export type UserCommandDeps = {
  store: Pick<Store, 'officers' | 'passwordLinks' | 'secondFactors' | 'throttles' | 'audit' | 'tx'>;
  directory: Directory;
  /** The first line of stdin, for add and reset-password; never a command-line argument. */
  readPassword: () => string | null;
  now: number;
  /** PUBLIC_BASE_URL: the password-set links are built on it (without it, the path alone is printed). */
  publicBaseUrl?: string;
};

/** `lines` go to stdout on success (stderr otherwise); `notes` always to stderr, so stdout stays a clean CSV. */
export type UserCommandResult = { code: number; lines: string[]; notes?: string[] };

export const USER_USAGE = [
  'usage:',
  '  npm run user -- add --username U --role admin|supervisor|officer [--agency ID]… [--name "…"]  (password on stdin)',
  '  npm run user -- add --username U --role integration --agency ID… [--name "…"]  (an Open311 client; no password)',
  '  npm run user -- import FILE.csv [--dry-run]  (username,name,role,agencies[,email]; prints one-time links)',
  '  npm run user -- link --username U  (a new one-time password-set link; the old one stops working)',
  '  npm run user -- list',
  '  npm run user -- disable --username U',
  '  npm run user -- reset-password --username U  (password on stdin)',
  '  npm run user -- --reset-2fa U  (two-step verification off, sessions ended: a locked-out admin sets it up again)',
  '  npm run user -- agencies',
  '  npm run user -- token --username U [--revoke]  (a new API token or Open311 api_key, printed once on the last line)',
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
      if (!args.username || !USERNAME.test(args.username))
        return fail('✗ --username: 3–40 letters, digits, dots, dashes or underscores');
      const role = Role.safeParse(args.role);
      if (!role.success) return fail('✗ --role must be admin, supervisor, officer or integration');
      const problem = agencyProblem(role.data, args.agencies, directory);
      if (problem) return fail(`✗ ${problem}`);
      if (store.officers.find(args.username)) return fail(`✗ ${args.username} already exists`, 1);
      if (role.data === 'integration') return addIntegration(args.username, args.name, args.agencies, deps);
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
    case 'import':
      return importAccounts(args, deps);
    case 'link': {
      const officer = args.username ? store.officers.find(args.username) : null;
      if (!officer) return fail(`✗ no account named ${args.username ?? '(none given)'}`, 1);
      if (officer.disabled) return fail(`✗ ${officer.username} is disabled`, 1);
      if (officer.role === 'integration') return fail(NO_PASSWORD(officer.username), 1);
      const issued = issuePasswordLink(store, officer.id, deps.now, deps.publicBaseUrl);
      return linksCsv([{ username: officer.username, ...issued }], deps.publicBaseUrl, [
        `✓ a new link for ${officer.username}; an earlier one no longer works`,
      ]);
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
      const how =
        officer.role === 'integration'
          ? `an Open311 api_key for ${officer.username}; it is shown once, keep it secret (send it as api_key=… to /open311/v2):`
          : `a new API token for ${officer.username}; it is shown once, keep it secret (send it as Authorization: Bearer …):`;
      return { code: 0, lines: [`✓ ${how}`, token] };
    }
    case 'reset-2fa': {
      const officer = args.username ? store.officers.find(args.username) : null;
      if (!officer) return fail(`✗ no account named ${args.username ?? '(none given)'}`, 1);
      const had = resetTwoFactor(store, officer, deps.now);
      const next =
        officer.role === 'admin' ? 'it must set it up again at its next sign-in' : 'it may set it up again';
      return {
        code: 0,
        lines: [
          had
            ? `✓ two-step verification of ${officer.username} reset; its sessions ended; ${next}`
            : `✓ ${officer.username} had no two-step verification; its sessions ended`,
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
      if (officer.role === 'integration') return fail(NO_PASSWORD(officer.username), 1);
      const password = checkedPassword(deps.readPassword());
      if (typeof password !== 'string') return password;
      store.officers.setPassword(officer.id, hashPassword(password));
      return { code: 0, lines: [`✓ new password for ${officer.username}; its sessions ended`] };
    }
    default:
      return { code: 2, lines: USER_USAGE };
  }
}

const NO_PASSWORD = (username: string) =>
  `✗ ${username} is an integration account: it has no password and never signs in (npm run user -- token)`;

/**
 * An Open311 client's account: no password (a marker no password matches, so it never signs in), read no stdin; its
 * api_key comes from `token`.
 */
function addIntegration(
  username: string,
  name: string | undefined,
  agencies: string[],
  deps: UserCommandDeps,
): UserCommandResult {
  deps.store.tx(() =>
    deps.store.officers.add(
      { username, name: name?.trim() || null, role: 'integration', passwordHash: NO_PASSWORD_HASH, agencies },
      deps.now,
    ),
  );
  return {
    code: 0,
    lines: [`✓ ${username} (integration) added; its api_key: npm run user -- token --username ${username}`],
  };
}

function checkedPassword(line: string | null): string | UserCommandResult {
  const password = line?.replace(/\r?\n$/, '') ?? '';
  if (password.length < MIN_PASSWORD_LENGTH)
    return fail(`✗ the password (first line of stdin) needs at least ${MIN_PASSWORD_LENGTH} characters`);
  return password;
}

function importAccounts(args: UserArgs, deps: UserCommandDeps): UserCommandResult {
  if (!args.file) return { code: 2, lines: USER_USAGE };
  if (typeof args.csv !== 'string') return fail(`✗ cannot read ${args.file}`, 1);
  const checked = checkImport(args.csv, deps.store, deps.directory);
  if (!checked.ok)
    return { code: 1, lines: [...checked.problems.map((p) => `✗ ${p}`), '✗ nothing was created'] };
  const count = `${checked.rows.length} account(s)`;
  if (args.dryRun) return { code: 0, lines: [`✓ ${count} valid; nothing created (--dry-run)`] };
  const created = createImported(checked.rows, deps.store, deps.now, deps.publicBaseUrl);
  return linksCsv(created, deps.publicBaseUrl, [
    `✓ ${count} created without a password; each sets its own through its link (72 hours, once)`,
  ]);
}

/** The links as a CSV (username,link,expires) for the operator to hand out; the remarks go to stderr. */
function linksCsv(
  links: readonly { username: string; link: string; expiresAt: number }[],
  publicBaseUrl: string | undefined,
  notes: string[],
): UserCommandResult {
  return {
    code: 0,
    lines: [
      'username,link,expires',
      ...links.map((l) => [l.username, l.link, new Date(l.expiresAt).toISOString()].join(',')),
    ],
    notes: publicBaseUrl
      ? notes
      : [...notes, '! PUBLIC_BASE_URL is not set: prefix each link with the server address (https://…)'],
  };
}
