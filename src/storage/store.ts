// The storage port bundle the runtime uses: every repository over one database, plus its transaction.
import { AgencyOverrides } from './agency-overrides.js';
import { AnswerFiles } from './answer-files.js';
import { Attachments } from './attachments.js';
import { AuditLog } from './audit-log.js';
import { Audit } from './audit.js';
import { BlockList } from './block-list.js';
import { ChatBlocks } from './chat-blocks.js';
import { Conversations } from './conversations.js';
import type { Db } from './db.js';
import { Deliveries } from './deliveries.js';
import { Erasure } from './erasure.js';
import { FileRemovals } from './file-removals.js';
import { ForwardingViews } from './forwarding-views.js';
import { GroupButtons } from './group-buttons.js';
import { GroupCommit } from './group-commit.js';
import { Handoffs } from './handoffs.js';
import { InboundLog } from './inbound.js';
import { LoginChallenges } from './login-challenges.js';
import { sqliteMetricsQueries } from './metrics-queries.js';
import { OfficerNotices } from './officer-notices.js';
import { Officers } from './officers.js';
import { Open311Requests } from './open311-requests.js';
import { Outbox } from './outbox.js';
import { PasswordLinks } from './password-links.js';
import { QuietChats } from './quiet-chats.js';
import { ResponseTemplates } from './response-templates.js';
import { SearchMasked } from './search-masked.js';
import { SecondFactors } from './second-factors.js';
import { StatisticsCopies } from './statistics-copies.js';
import { StatisticsRollup } from './statistics-rollup.js';
import { StatisticsSources } from './statistics-sources.js';
import { StatusPins } from './status-pins.js';
import { TelegramOfficers } from './telegram-officers.js';
import { Throttles } from './throttles.js';
import { TicketAssignments } from './ticket-assignments.js';
import { TicketCopies } from './ticket-copies.js';
import { TicketDeadlines } from './ticket-deadlines.js';
import { TicketEvents } from './ticket-events.js';
import { TicketInbox } from './ticket-inbox.js';
import { TicketMerges } from './ticket-merges.js';
import { TicketSearch } from './ticket-search.js';
import { Tickets } from './tickets.js';
import { Transactions } from './transactions.js';
import { sqliteWaCloudStore } from './wa-cloud-store.js';

export type Store = {
  conversations: Conversations;
  inbound: InboundLog;
  outbox: Outbox;
  tickets: Tickets;
  /** The officers' reading of tickets: the inbox, status counts and one ticket's page, within a scope. */
  ticketInbox: TicketInbox;
  /** Duplicates merged into another ticket, and the chats that follow a ticket through them. */
  ticketMerges: TicketMerges;
  ticketDeadlines: TicketDeadlines;
  /** What the statistics refresher reads: its marks, the tickets changed since, one ticket's raw facts. */
  statisticsSources: StatisticsSources;
  /** The statistics' counts per month and day, kept by the refresher and read by the statistics page. */
  statisticsRollup: StatisticsRollup;
  /** What a ticket's forwarding reads of it. */
  forwardingViews: ForwardingViews;
  /** Each ticket's history: one typed event per change. */
  ticketEvents: TicketEvents;
  /** Each ticket's one assignee (an account of its agency), and whom it may be given to. */
  ticketAssignments: TicketAssignments;
  /** The copies agencies received of a ticket besides its own agency (Ombudsman's tembusan). */
  ticketCopies: TicketCopies;
  /** The statistics of the tickets an officer's agencies read through a copy (beside the rollup's). */
  statisticsCopies: StatisticsCopies;
  /** The status page's PINs (hashed) and its reading of a ticket by number. */
  statusPins: StatusPins;
  /** The tickets' full-text index (a read model the ticket desk keeps). */
  ticketSearch: TicketSearch;
  /** The one-off rebuild of that index with masked text: its progress. */
  searchMasked: SearchMasked;
  deliveries: Deliveries;
  /** "Hapus data saya" and retention: a ticket's identity and files, a chat's messages and address, expired drafts. */
  erasure: Erasure;
  /** Files whose rows erasure or retention deleted, waiting to be deleted themselves (a crash leaves none behind). */
  fileRemovals: FileRemovals;
  /** The chats retention erases once quiet: no ticket inside retention, the citizen silent for RETENTION_DAYS. */
  quietChats: QuietChats;
  /** The buttons of tickets posted to officers' Telegram groups: their updates, queued as deliveries. */
  groupButtons: GroupButtons;
  attachments: Attachments;
  /** Files officers attach to their answers (rows of `attachments` with the account and the event). */
  answerFiles: AnswerFiles;
  audit: Audit;
  /** The audit trail as the admins read it: filtered, newest first, in keyset pages. */
  auditLog: AuditLog;
  /** Officers' accounts and sessions. */
  officers: Officers;
  /** Officers' TOTP secrets (sealed) and recovery codes (hashed). */
  secondFactors: SecondFactors;
  /** Sign-ins between the password and the TOTP code. */
  loginChallenges: LoginChallenges;
  /** Officers' notification settings, the queue of notices to them, and the deadlines already noticed. */
  officerNotices: OfficerNotices;
  /** The Open311 server's requests: who filed which ticket, what a key may read, the reporters' e-mail queue. */
  open311Requests: Open311Requests;
  /** The admins' changes to agencies of the directory file (destinations, opening hours). */
  agencyOverrides: AgencyOverrides;
  /** One-time links that let an account set its password (hashed, single use). */
  passwordLinks: PasswordLinks;
  /** Chats handed to a person: the live one per chat, the officers' queue. */
  handoffs: Handoffs;
  /** Officers' response templates per agency and status. */
  responseTemplates: ResponseTemplates;
  /** Officers on Telegram: link codes, linked users, and the group messages that carry a ticket. */
  telegramOfficers: TelegramOfficers;
  /** Attempt counters (sign-in, password links, the status page, /tautkan), kept hashed across restarts. */
  throttles: Throttles;
  /** Chats whose citizen blocked the bot: their messages wait until the citizen writes again. */
  chatBlocks: ChatBlocks;
  /** Senders an operator blocked (`npm run block`): never stepped or answered. */
  blockList: BlockList;
  /** The WhatsApp Cloud API's identities, 24-hour windows and message statuses. */
  waCloud: ReturnType<typeof sqliteWaCloudStore>;
  /** What the /metrics gauges read: queue depths, deliveries, the WAL's size. */
  metrics: ReturnType<typeof sqliteMetricsQueries>;
  /** Runs `fn` in one SQLite transaction (nested calls join the outer one as savepoints). */
  tx<T>(fn: () => T): T;
  /** Runs `cb` once what is being written is committed (at once outside a transaction); dropped on a rollback. */
  afterCommit(cb: () => void): void;
  /**
   * Runs `fn` in the next group commit (src/storage/group-commit.ts), under its own savepoint; resolves with its
   * result once that transaction is committed, rejects when `fn` or the commit failed.
   */
  txGrouped<T>(fn: () => T): Promise<T>;
  /** Commits the waiting group now (before the database closes). */
  flushGroup(): void;
  /** Whether the database answers a trivial query (readiness). */
  ping(): boolean;
};

export function createStore(db: Db): Store {
  const deliveries = new Deliveries(db);
  const conversations = new Conversations(db);
  const transactions = new Transactions(db);
  const group = new GroupCommit(transactions);
  return {
    conversations,
    inbound: new InboundLog(db),
    outbox: new Outbox(db),
    tickets: new Tickets(db),
    ticketInbox: new TicketInbox(db),
    ticketMerges: new TicketMerges(db),
    ticketDeadlines: new TicketDeadlines(db),
    statisticsSources: new StatisticsSources(db),
    statisticsRollup: new StatisticsRollup(db),
    forwardingViews: new ForwardingViews(db),
    ticketEvents: new TicketEvents(db),
    ticketAssignments: new TicketAssignments(db),
    ticketCopies: new TicketCopies(db),
    statisticsCopies: new StatisticsCopies(db),
    ticketSearch: new TicketSearch(db),
    searchMasked: new SearchMasked(db),
    statusPins: new StatusPins(db),
    deliveries,
    erasure: new Erasure(db, conversations),
    fileRemovals: new FileRemovals(db),
    quietChats: new QuietChats(db),
    groupButtons: new GroupButtons(db),
    attachments: new Attachments(db),
    answerFiles: new AnswerFiles(db),
    audit: new Audit(db),
    auditLog: new AuditLog(db),
    chatBlocks: new ChatBlocks(db),
    officers: new Officers(db),
    secondFactors: new SecondFactors(db),
    loginChallenges: new LoginChallenges(db),
    officerNotices: new OfficerNotices(db),
    open311Requests: new Open311Requests(db),
    agencyOverrides: new AgencyOverrides(db),
    passwordLinks: new PasswordLinks(db),
    handoffs: new Handoffs(db),
    responseTemplates: new ResponseTemplates(db),
    telegramOfficers: new TelegramOfficers(db),
    throttles: new Throttles(db),
    blockList: new BlockList(db),
    waCloud: sqliteWaCloudStore(db),
    metrics: sqliteMetricsQueries(db, deliveries, db.name),
    tx: (fn) => transactions.run(fn),
    afterCommit: (cb) => transactions.afterCommit(cb),
    txGrouped: (fn) => group.submit(fn),
    flushGroup: () => group.flush(),
    ping: () => {
      try {
        return db.prepare('SELECT 1').pluck().get() === 1;
      } catch {
        return false;
      }
    },
  };
}
