// The house's layers, one way (README "Architecture"): `npm test` fails when an import runs up or round.
//   domain (and ports, privacy) ← understand ← flows ← conversation, tickets ← routing, forwarding, outbox, platforms,
//          officers ← channels, http, ops, observability ← app (composition) and cli (entry points)
// privacy (masking personal data in free text) is pure and domain-level: every layer may use it, it uses only the domain.
// Storage and i18n import only the domain and the clock; nothing imports app/ or cli/. The data folder (src/data/)
// is below everything: regions, agencies, rules, holidays, the category lexicon and seed corpus, with generators.
const BASE = ['^src/domain/', '^src/ports/', '^src/privacy/', '^src/clock\\.ts$', '^locales/', '^src/data/'];
const below = (...paths) => [...BASE, ...paths];
/** Node's own modules and packages may be imported anywhere; only the project's modules are layered. */
const OUTSIDE = [
  'core',
  'npm',
  'npm-dev',
  'npm-optional',
  'npm-peer',
  'npm-no-pkg',
  'npm-unknown',
  'unknown',
];

/** A layer's files may import only the listed paths. */
const layer = (name, from, allowed) => ({
  name,
  severity: 'error',
  comment: `${name} imports only: ${allowed.join(', ')}`,
  from: { path: from },
  to: { pathNot: allowed, dependencyTypesNot: OUTSIDE },
});

const STORAGE = '^src/storage/';
const I18N = '^src/i18n/';
const UNDERSTAND = '^src/understand/';
const FLOWS = '^flows/';
const CORE = '^src/(conversation|tickets)/';
const SERVICES = '^src/(routing|forwarding|outbox|platforms|officers)/';
const EDGES = '^src/(channels|http|ops|observability)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Import cycles hide which module depends on which.',
      from: {},
      to: { circular: true },
    },
    layer('domain', '^src/(domain|ports|privacy)/', below()),
    {
      // Data is data: it may name the types it fills (type-only), never run another layer's code.
      name: 'data',
      severity: 'error',
      comment: 'src/data imports only the domain, itself, and types',
      from: { path: '^src/data/', pathNot: '^src/data/gen-' },
      to: { pathNot: below(), dependencyTypesNot: [...OUTSIDE, 'type-only'] },
    },
    layer('storage', STORAGE, below(STORAGE)),
    layer('i18n', I18N, below(I18N)),
    layer('understand', UNDERSTAND, below(UNDERSTAND)),
    layer('flows', FLOWS, below(UNDERSTAND, I18N, FLOWS)),
    layer('conversation-tickets', CORE, below(STORAGE, I18N, UNDERSTAND, FLOWS, CORE)),
    layer('services', SERVICES, below(STORAGE, I18N, UNDERSTAND, FLOWS, CORE, SERVICES)),
    layer('edges', EDGES, below(STORAGE, I18N, UNDERSTAND, FLOWS, CORE, SERVICES, EDGES)),
    {
      // SQL lives in storage: only its repositories open SQLite (the bench's plain baseline loop excepted).
      name: 'sqlite-only-in-storage',
      severity: 'error',
      comment:
        'better-sqlite3 is imported only by src/storage/ (and the bench, whose baseline is a plain SQLite loop)',
      from: { pathNot: [STORAGE, '^src/cli/bench\\.ts$'] },
      to: { path: '^node_modules/better-sqlite3/' },
    },
    {
      name: 'nothing-imports-the-composition',
      severity: 'error',
      comment: 'app/ and cli/ wire the house together; no other module may import them.',
      from: { pathNot: '^src/(app|cli)/' },
      to: { path: '^src/(app|cli)/' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment:
        'A module nothing imports is dead code (entry points and the web chat scripts, read as text, excepted).',
      from: {
        orphan: true,
        pathNot: [
          '^src/app/main\\.ts$',
          '^src/cli/',
          '\\.d\\.ts$',
          '\\.json$',
          '^src/channels/web/page/[^/]+\\.js$',
          '^src/data/gen-[^/]+\\.ts$',
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(test|scripts)/' },
  },
};
