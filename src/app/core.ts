// The conversation core without any server: storage, files, calendar and runtime, shared by the service and the CLIs.
import { join } from 'node:path';
import { type Clock, type Ids, cryptoIds, systemClock } from '../clock.js';
import { removeAllPendingFiles } from '../conversation/file-removals.js';
import { DEFAULT_RETENTION, type RetentionSettings } from '../conversation/retention-settings.js';
import { Retention } from '../conversation/retention.js';
import { type FaultPoint, type Queued, Runtime } from '../conversation/runtime.js';
import type { WorkingDays } from '../domain/working-days.js';
import { HandoffActions } from '../officers/handoff-actions.js';
import { Open311Intake } from '../officers/open311-intake.js';
import { StatisticsRefresher } from '../officers/statistics-refresh.js';
import { TicketActions } from '../officers/ticket-actions.js';
import type { Directory } from '../routing/directory.js';
import { defaultDirectory } from '../routing/load-directory.js';
import { routingPort } from '../routing/routing-port.js';
import { type Db, type Synchronous, openDb } from '../storage/db.js';
import { DEFAULT_FILE_LIMITS, FileStore } from '../storage/file-store.js';
import { type Store, createStore } from '../storage/store.js';
import { DeadlineLadder } from '../tickets/deadline-ladder.js';
import { type RebuildLog, type Schedule, maskSearchIndex } from '../tickets/search-masking.js';
import { TicketDesk } from '../tickets/ticket-desk.js';
import { type PinResult, locatePin } from '../understand/geo.js';
import { loadCalendar } from './holidays.js';

export type CoreOptions = {
  dbPath: string;
  dataDir: string;
  synchronous?: Synchronous;
  /** The upgrade step ran (src/app/upgrade-step.ts): migrations may change a database that holds data. */
  upgradeCleared?: boolean;
  answerDays?: number;
  /** Working days an agency has to verify a new ticket (VERIFY_DAYS); 3 by default. */
  verifyDays?: number;
  /** How long an untaken hand-off waits before the bot takes the chat back; 30 minutes by default. */
  handoffTimeoutMinutes?: number;
  /** How long a taken hand-off stays with its officer without a message from them; 120 minutes by default. */
  handoffIdleMinutes?: number;
  maxUploadMb?: number;
  /** The escalation ladder's working days: reminder → coordinator (2), coordinator → Ombudsman (5) by default. */
  ladder?: { coordinatorDays: number; ombudsmanDays: number };
  /** Where a ladder step that failed is reported (the ticket's id and the error); stderr by default. */
  ladderFailed?: (ticketId: number, err: unknown) => void;
  holidaysFile?: string;
  clock?: Clock;
  ids?: Ids;
  fault?: (point: FaultPoint) => void;
  onQueued?: (queued: Queued) => void;
  /** Whether a message may be written already claimed for the sender (see `RuntimeDeps`). */
  claimUntil?: (channel: string, chatId: string) => number | null;
  /** Locates pins (the operator's boundary polygons); the embedded centroids by default. */
  locate?: (lat: number, lon: number) => PinResult;
  /** The agency directory and routing rules; the embedded Kalsel directory by default. */
  directory?: Directory;
  /** The server's public address (PUBLIC_BASE_URL): the receipt then names its status page. */
  publicBaseUrl?: string;
  /** How long data is kept (RETENTION_DAYS, DRAFT_RETENTION_DAYS) and how far backups reach back. */
  retention?: RetentionSettings;
  /** Runs each slice of the start-up search rebuild later; setImmediate by default (tests step the slices). */
  schedule?: Schedule;
  /** Where the start-up reports: the search rebuild (counts only), a failure; a failure to stderr by default. */
  log?: RebuildLog;
};

/** The start-up's reports without a logger: only a failure is told, without its details. */
const STDERR_LOG: RebuildLog = {
  info: () => {},
  error: (_fields, message) => process.stderr.write(`${message}\n`),
};

export type Core = {
  store: Store;
  /** The open database: the composition's own handle (storage is built on it; tools and tests read it). */
  db: Db;
  runtime: Runtime;
  /** The one writer of ticket state. */
  tickets: TicketDesk;
  /** What officers do to tickets: the desk changes them, the citizen's conversation is told. */
  actions: TicketActions;
  /** What officers do with chats that asked for a person. */
  handoffs: HandoffActions;
  /** Service requests Open311 clients POST: filed as tickets like a chat's. */
  open311: Open311Intake;
  /** The escalation ladder over missed deadline stages (the service's tick; tests call it). */
  ladder: DeadlineLadder;
  /** Keeps the statistics' rollup up to date (the service's tick; tests call it). */
  statistics: StatisticsRefresher;
  /** Erases closed tickets' identities, expired drafts and erased chats' addresses when due (the service's tick). */
  retention: Retention;
  files: FileStore;
  clock: Clock;
  ids: Ids;
  directory: Directory;
  /** The working days deadlines are counted in (the built-in calendar, HOLIDAYS_FILE over it). */
  calendar: WorkingDays;
  close(): void;
};

export function buildCore(opts: CoreOptions): Core {
  const clock = opts.clock ?? systemClock;
  const ids = opts.ids ?? cryptoIds;
  const db = openDb(opts.dbPath, opts.synchronous ?? 'NORMAL', { upgradeCleared: opts.upgradeCleared });
  const store = createStore(db);
  // Once per database, in the background: the search text of tickets indexed before it was masked, rebuilt masked
  // (resumes after a crash); /readyz answers meanwhile.
  const searchMasking = maskSearchIndex({
    store,
    clock,
    schedule: opts.schedule ?? ((slice) => setImmediate(slice)),
    log: opts.log ?? STDERR_LOG,
  });
  const calendar = loadCalendar(opts.holidaysFile);
  const files = new FileStore(join(opts.dataDir, 'attachments'), {
    ...DEFAULT_FILE_LIMITS,
    maxBytes: Math.round((opts.maxUploadMb ?? 10) * 1024 * 1024),
  });
  // The files an erasure or retention queued and a crash kept from being deleted after its commit (a failure here
  // does not stop the start: the retention pass tries again).
  try {
    removeAllPendingFiles(store, files);
  } catch (err) {
    (opts.log ?? STDERR_LOG).error({ err }, 'queued file removals failed; the retention pass tries again');
  }
  const directory = opts.directory ?? defaultDirectory();
  // The admins' changes to the file's agencies (the page /petugas/instansi) apply from the start.
  directory.applyOverrides(store.agencyOverrides.all());
  const routing = routingPort(directory);
  const tickets = new TicketDesk({
    store,
    routing,
    calendar,
    answerDays: opts.answerDays ?? 5,
    verifyDays: opts.verifyDays ?? 3,
    random: ids.random,
    // The runtime is made next, with this desk; the desk calls it only later, from within a conversation's turn.
    dispatch: (conversationId, event): unknown => runtime.dispatch(conversationId, event),
  });
  const runtime = new Runtime({
    routing,
    tickets,
    locate: opts.locate,
    handoff: {
      timeoutMs: (opts.handoffTimeoutMinutes ?? 30) * 60_000,
      hours: (agencyId) => directory.hours(agencyId),
    },
    statusUrl: opts.publicBaseUrl ? `${opts.publicBaseUrl}/status` : null,
    store,
    files,
    clock,
    ids,
    onQueued: opts.onQueued,
    claimUntil: opts.claimUntil,
    retention: opts.retention ?? DEFAULT_RETENTION,
    fault: opts.fault,
  });
  const actions = new TicketActions({
    store,
    tickets,
    dispatch: (conversationId, event, files) => runtime.dispatch(conversationId, event, files),
    files,
    newId: () => ids.id(),
    directory,
    clock,
    calendar,
  });
  const handoffs = new HandoffActions({
    store,
    directory,
    clock,
    idleMs: (opts.handoffIdleMinutes ?? 120) * 60_000,
    dispatch: (conversationId, event) => runtime.dispatch(conversationId, event),
    tell: (conversationId, reply) => runtime.tell(conversationId, reply),
  });
  return {
    store,
    db,
    runtime,
    tickets,
    actions,
    handoffs,
    open311: new Open311Intake({ store, tickets, locate: opts.locate ?? locatePin, clock }),
    ladder: new DeadlineLadder({
      store,
      routing,
      calendar,
      clock,
      dispatch: (conversationId, event) => runtime.dispatch(conversationId, event),
      ombudsman: (kabkotaCode) => directory.ombudsman(kabkotaCode).id,
      isOmbudsman: (agencyId) => directory.agency(agencyId)?.level === 'ombudsman',
      failed:
        opts.ladderFailed ?? ((ticketId) => process.stderr.write(`ladder step failed: ticket ${ticketId}\n`)),
      coordinatorDays: opts.ladder?.coordinatorDays ?? 2,
      ombudsmanDays: opts.ladder?.ombudsmanDays ?? 5,
    }),
    statistics: new StatisticsRefresher({ store, calendar, clock }),
    retention: new Retention({
      store,
      tickets,
      files,
      clock,
      ids,
      settings: opts.retention ?? DEFAULT_RETENTION,
      dispatch: (conversationId, event) => runtime.dispatch(conversationId, event),
    }),
    files,
    clock,
    ids,
    directory,
    calendar,
    close: () => {
      searchMasking.stop();
      db.close();
    },
  };
}
