// The numbered migrations, in order. Add a file NNN-name.ts exporting `sql` and list it here; never edit an applied one.
import { sql as init } from './001-init.js';
import { sql as waCloud } from './002-wa-cloud.js';
import { sql as blockList } from './003-block-list.js';
import { sql as metricsIndexes } from './004-metrics-indexes.js';
import { sql as forwarding } from './005-forwarding.js';
import { sql as outboxChatHead } from './006-outbox-chat-head.js';
import { sql as deliveryFailures } from './007-delivery-failures.js';
import { sql as waIdentities } from './008-wa-identities.js';
import { sql as ticketEvents } from './009-ticket-events.js';
import { sql as conversationLang } from './010-conversation-lang.js';
import { sql as officers } from './011-officers.js';
import { sql as ratings } from './012-ratings.js';
import { sql as apiTokens } from './013-api-tokens.js';
import { sql as ticketSearch } from './014-ticket-search.js';
import { sql as scopeIndexes } from './015-ticket-scope-indexes.js';
import { sql as pastAgencies } from './016-past-agencies.js';
import { sql as outboxTicket } from './017-outbox-ticket.js';
import { sql as inboxSorting } from './018-inbox-sorting.js';
import { sql as routingWhy } from './019-routing-why.js';
import { sql as assignment } from './020-assignment.js';
import { sql as responseTemplates } from './021-response-templates.js';
import { sql as auditIndexes } from './022-audit-indexes.js';
import { sql as telegramOfficers } from './023-telegram-officers.js';
import { sql as statusPin } from './024-status-pin.js';
import { sql as handoffs } from './025-handoffs.js';
import { sql as answerFiles } from './026-answer-files.js';
import { sql as ticketMerges } from './027-ticket-merges.js';
import { sql as officerNotifications } from './028-officer-notifications.js';
import { sql as agencyOverrides } from './029-agency-overrides.js';
import { sql as passwordLinks } from './030-password-links.js';
import { sql as outboxParts } from './031-outbox-parts.js';
import { sql as throttlesHandoffIdle } from './032-throttles-handoff-idle.js';
import { sql as ticketDeadlines } from './033-ticket-deadlines.js';
import { sql as statistics } from './034-statistics.js';
import { sql as ticketCopies } from './035-ticket-copies.js';
import { sql as integrationAccounts } from './036-integration-accounts.js';
import { sql as erasure } from './037-erasure.js';
import { sql as statisticsDays } from './038-statistics-days.js';
import { sql as searchMasked } from './039-search-masked.js';
import { sql as pendingFileRemovals } from './040-pending-file-removals.js';
import { sql as twoFactor } from './041-two-factor.js';
import { sql as scanFreeReads } from './042-scan-free-reads.js';
import { sql as outboxOneDueIndex } from './043-outbox-one-due-index.js';
import { sql as relatedCandidatesIndex } from './044-related-candidates-index.js';

/**
 * `foreignKeysOff`: the migration rebuilds a table other tables reference, so it runs with foreign keys off (they
 * cannot be switched inside a transaction) and `PRAGMA foreign_key_check` must find nothing before it commits.
 */
export type Migration = { version: number; name: string; sql: string; foreignKeysOff?: true };

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'wa-cloud', sql: waCloud },
  { version: 3, name: 'block-list', sql: blockList },
  { version: 4, name: 'metrics-indexes', sql: metricsIndexes },
  { version: 5, name: 'forwarding', sql: forwarding },
  { version: 6, name: 'outbox-chat-head', sql: outboxChatHead },
  { version: 7, name: 'delivery-failures', sql: deliveryFailures },
  { version: 8, name: 'wa-identities', sql: waIdentities },
  { version: 9, name: 'ticket-events', sql: ticketEvents },
  { version: 10, name: 'conversation-lang', sql: conversationLang },
  { version: 11, name: 'officers', sql: officers },
  { version: 12, name: 'ratings', sql: ratings },
  { version: 13, name: 'api-tokens', sql: apiTokens },
  { version: 14, name: 'ticket-search', sql: ticketSearch },
  { version: 15, name: 'ticket-scope-indexes', sql: scopeIndexes },
  { version: 16, name: 'past-agencies', sql: pastAgencies },
  { version: 17, name: 'outbox-ticket', sql: outboxTicket },
  { version: 18, name: 'inbox-sorting', sql: inboxSorting },
  { version: 19, name: 'routing-why', sql: routingWhy },
  { version: 20, name: 'assignment', sql: assignment },
  { version: 21, name: 'response-templates', sql: responseTemplates },
  { version: 22, name: 'audit-indexes', sql: auditIndexes },
  { version: 23, name: 'telegram-officers', sql: telegramOfficers },
  { version: 24, name: 'status-pin', sql: statusPin },
  { version: 25, name: 'handoffs', sql: handoffs },
  { version: 26, name: 'answer-files', sql: answerFiles },
  { version: 27, name: 'ticket-merges', sql: ticketMerges },
  { version: 28, name: 'officer-notifications', sql: officerNotifications },
  { version: 29, name: 'agency-overrides', sql: agencyOverrides },
  { version: 30, name: 'password-links', sql: passwordLinks },
  { version: 31, name: 'outbox-parts', sql: outboxParts },
  { version: 32, name: 'throttles-handoff-idle', sql: throttlesHandoffIdle },
  { version: 33, name: 'ticket-deadlines', sql: ticketDeadlines },
  { version: 34, name: 'statistics', sql: statistics },
  { version: 35, name: 'ticket-copies', sql: ticketCopies },
  { version: 36, name: 'integration-accounts', sql: integrationAccounts, foreignKeysOff: true },
  { version: 37, name: 'erasure', sql: erasure },
  { version: 38, name: 'statistics-days', sql: statisticsDays },
  { version: 39, name: 'search-masked', sql: searchMasked },
  { version: 40, name: 'pending-file-removals', sql: pendingFileRemovals },
  { version: 41, name: 'two-factor', sql: twoFactor },
  { version: 42, name: 'scan-free-reads', sql: scanFreeReads },
  { version: 43, name: 'outbox-one-due-index', sql: outboxOneDueIndex },
  { version: 44, name: 'related-candidates-index', sql: relatedCandidatesIndex },
];
