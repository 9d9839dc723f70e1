// The complaint-intake conversation as an XState machine: no I/O, no timers; effects leave as `reply`/`effect` actions.
import { initialContext } from './intake-context.js';
import { intake } from './intake-setup.js';
import { afterSubmit, submitted, withdrawConfirm } from './intake-states/after-filing.js';
import { anywhere } from './intake-states/anywhere.js';
import { asking, next } from './intake-states/asking.js';
import { cancelConfirm, resumeAfterCancel } from './intake-states/cancelling.js';
import { eraseConfirm, resumeAfterErase } from './intake-states/erasing.js';
import { duplicateConfirm, submitting } from './intake-states/filing.js';
import { guess, guessFix } from './intake-states/guess.js';
import { handoff } from './intake-states/handoff.js';
import { identityConsent, identityName, identityNik, ladderNews } from './intake-states/identity.js';
import { officerNews } from './intake-states/officer-news.js';
import { consent, consented, declined, idle, start } from './intake-states/opening.js';
import { paused, resuming } from './intake-states/paused.js';
import { rateComment, rateResolved, rateScore } from './intake-states/rating.js';
import { analyze, routeGuess, story } from './intake-states/story.js';
import { editPick, routeSummary, summary } from './intake-states/summary.js';
import { whichTicket } from './intake-states/which-ticket.js';

export const INTAKE_VERSION = 2;

export const intakeMachine = intake.createMachine({
  id: 'intake',
  context: ({ input }) => initialContext(input),
  initial: 'idle',
  on: { ...officerNews, ...anywhere, ...handoff, ...ladderNews },
  states: {
    idle,
    start,
    consent,
    consented,
    declined,
    story,
    analyze,
    routeGuess,
    guess,
    guessFix,
    next,
    routeSummary,
    asking,
    summary,
    editPick,
    cancelConfirm,
    resumeAfterCancel,
    eraseConfirm,
    resumeAfterErase,
    submitting,
    duplicateConfirm,
    submitted,
    whichTicket,
    afterSubmit,
    withdrawConfirm,
    rateResolved,
    rateScore,
    rateComment,
    identityConsent,
    identityName,
    identityNik,
    paused,
    resuming,
  },
});
