// Loads the agency directory from an operator's file (AGENCIES_FILE) or the built-in one, with every problem listed.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import defaultAgencies from '../data/agencies.json' with { type: 'json' };
import defaultRules from '../data/rules.json' with { type: 'json' };
import { checkAgencies, checkRules } from './directory-checks.js';
import { DEFAULT_HOURS, DirectoryFile, RulesFile } from './directory-schema.js';
import { Directory, DirectoryError } from './directory.js';

function describeIssues(
  error: z.ZodError,
  what: string,
  ids: (index: number) => string | undefined,
): string[] {
  return error.issues.map((issue) => {
    const [top, index, ...rest] = issue.path;
    const id = typeof index === 'number' ? ids(index) : undefined;
    const where =
      top === undefined
        ? what
        : typeof index === 'number'
          ? `${String(top)}[${index}]${id ? ` ("${id}")` : ''}${rest.length ? `.${rest.join('.')}` : ''}`
          : issue.path.join('.');
    return `${where}: ${issue.message}`;
  });
}

function readFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DirectoryError(path, [`Cannot read the file: ${e instanceof Error ? e.message : String(e)}.`]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DirectoryError(path, [
      `The file is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`,
    ]);
  }
}

function build(source: string, data: unknown, secrets: Readonly<Record<string, string>>): Directory {
  const parsed = DirectoryFile.safeParse(data);
  if (!parsed.success) {
    const raw = z.object({ agencies: z.array(z.object({ id: z.string() }).loose()) }).safeParse(data);
    const ids = (i: number) => (raw.success ? raw.data.agencies[i]?.id : undefined);
    throw new DirectoryError(source, describeIssues(parsed.error, 'the file', ids));
  }
  const problems: string[] = [];
  const warnings: string[] = [];
  const agencies = checkAgencies(parsed.data, secrets, problems, warnings);
  const ruleInputs = parsed.data.rules ?? RulesFile.parse(defaultRules).rules;
  const rules = checkRules(ruleInputs, agencies, problems, warnings);
  if (problems.length > 0) throw new DirectoryError(source, problems);
  return new Directory(
    source,
    agencies,
    rules,
    parsed.data.kinds,
    warnings,
    parsed.data.defaults?.hours ?? DEFAULT_HOURS,
  );
}

/**
 * The agency directory from an operator's file (AGENCIES_FILE) or the built-in one. Throws a DirectoryError
 * listing every problem; problems that do not stop the service come back as `warnings`.
 */
export function loadDirectory(opts: { file?: string; secrets: Readonly<Record<string, string>> }): Directory {
  return opts.file === undefined
    ? build('built-in agencies.json', defaultAgencies, opts.secrets)
    : build(opts.file, readFile(opts.file), opts.secrets);
}

let builtIn: Directory | undefined;

/** The built-in directory (no destinations, so no secrets needed), loaded once. */
export function defaultDirectory(): Directory {
  builtIn ??= loadDirectory({ secrets: {} });
  return builtIn;
}
