// Flow registry and the pure step: (stored snapshot, event) → (next stored snapshot, effects, next deadline).
import { type AnyActorScope, createActor, initialTransition } from 'xstate';
import { z } from 'zod';
import type { Effect } from './effects.js';
import {
  DRAFTING_STATES,
  type Draft,
  IntakeContext,
  type IntakeInput,
  SUBMITTED_STATES,
  emptyDraft,
  initialContext,
} from './intake-context.js';
import type { IntakeEvent } from './intake-events.js';
import { nextMissing } from './intake-fields.js';
import { currentQuestion, withNotices } from './intake-questions.js';
import { type StepEvent, withReading } from './intake-reading.js';
import { REMINDER_MS } from './intake-timers.js';
import { INTAKE_VERSION, intakeMachine } from './intake.js';

export { INTAKE_VERSION } from './intake.js';
export { classify, type IntakeEvent, type MessageBody } from './intake-events.js';

/** A conversation as stored: the flow, its version, the state and context. Validated when read back. */
export const StoredSnapshot = z.object({
  flow: z.literal('intake'),
  version: z.number().int(),
  value: z.string(),
  context: z.unknown(),
});
export type StoredSnapshot = z.infer<typeof StoredSnapshot>;

/**
 * The stored snapshots `step` returned in this process. They are frozen, so nothing can change one after it was
 * returned, and restoring one skips the schema: the step that made it also made the text stored for it, and
 * test/flows/stored-snapshot-reuse.test.ts checks that the schema reads that text back to the same context. A snapshot
 * read from the database is still validated. With the conversations' parse cache (src/storage/conversations.ts) a
 * chat's next message starts from its last step's objects: no JSON.parse, no schema.
 */
const produced = new WeakMap<object, StepResult['stored']>();

/** A stored snapshot as the runtime reads it: one this module returned as it is, anything else validated. */
export function readStored(raw: unknown): StoredSnapshot | null {
  const own = typeof raw === 'object' && raw !== null ? produced.get(raw) : undefined;
  if (own) return own;
  const r = StoredSnapshot.safeParse(raw);
  return r.success ? r.data : null;
}

export type StepResult = {
  stored: StoredSnapshot & { context: IntakeContext };
  effects: Effect[];
  /** The earliest stored timer, for the runtime's deadline sweep. */
  nextDeadline: number | null;
};

type Snapshot = ReturnType<typeof intakeMachine.resolveState>;

const STATES = new Set(Object.keys(intakeMachine.config.states ?? {}));
/** States where the citizen is in the middle of a complaint (reminder and expiry apply). */
export const ACTIVE_STATES: ReadonlySet<string> = new Set([
  ...DRAFTING_STATES,
  'cancelConfirm',
  // Waiting for the router's answer inside the same step: never stored, but the timers must survive them.
  'routeGuess',
  'routeSummary',
  'duplicateConfirm',
]);
/** States outside a complaint in progress, and where a salvaged conversation resumes from them. */
const RESTING_STATES: ReadonlyMap<string, string> = new Map([
  ['idle', 'idle'],
  ['declined', 'declined'],
  ['paused', 'paused'],
  ...SUBMITTED_STATES.map((state) => [state, 'submitted'] as const),
]);

/**
 * Restores a stored conversation. A snapshot from another flow version (or one that no longer validates) is not
 * stranded: what it collected is kept and the conversation continues at the first open question, with a notice.
 */
function restore(
  stored: StoredSnapshot | null,
  input: IntakeInput,
): { snapshot: Snapshot; salvaged: boolean } {
  if (!stored) return { snapshot: initialTransition(intakeMachine, input)[0], salvaged: false };
  const own = produced.get(stored);
  if (own)
    return {
      snapshot: intakeMachine.resolveState({ value: own.value, context: own.context }),
      salvaged: false,
    };
  const parsed = IntakeContext.safeParse(stored.context);
  if (stored.version === INTAKE_VERSION && parsed.success && STATES.has(stored.value)) {
    return {
      snapshot: intakeMachine.resolveState({ value: stored.value, context: parsed.data }),
      salvaged: false,
    };
  }
  return { snapshot: intakeMachine.resolveState(salvage(stored, input)), salvaged: true };
}

function salvage(stored: StoredSnapshot, input: IntakeInput): { value: string; context: IntakeContext } {
  const base = initialContext(input);
  const old = z.record(z.string(), z.unknown()).safeParse(stored.context);
  const pick = <T>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    const r = schema.safeParse(value);
    return r.success ? r.data : fallback;
  };
  const o = old.success ? old.data : {};
  const draftFields = z.record(z.string(), z.unknown()).safeParse(o.draft);
  const draft: Draft = { ...emptyDraft() };
  if (draftFields.success) {
    const shape = IntakeContext.shape.draft.shape;
    for (const key of Object.keys(shape) as (keyof Draft)[]) {
      const r = shape[key].safeParse(draftFields.data[key]);
      if (r.success) Object.assign(draft, { [key]: r.data });
    }
  }
  const context: IntakeContext = {
    ...base,
    lang: pick(IntakeContext.shape.lang, o.lang, base.lang),
    consent: pick(IntakeContext.shape.consent, o.consent, null),
    lastTicket: pick(IntakeContext.shape.lastTicket, o.lastTicket, null),
    channelPhone: pick(IntakeContext.shape.channelPhone, o.channelPhone, null),
    draft: { ...draft, guessed: [] },
    notices: [{ key: 'notice.flow_updated' }],
  };
  const resting = RESTING_STATES.get(stored.value);
  if (resting) return { value: resting, context: { ...context, notices: [] } };
  if (!context.consent) return { value: 'consent', context: { ...context, at: 'consent' } };
  if (context.draft.story.length === 0) return { value: 'story', context: { ...context, at: 'story' } };
  const field = nextMissing(context);
  if (!field) return { value: 'summary', context: { ...context, at: 'summary' } };
  return { value: 'asking', context: { ...context, at: 'asking', field } };
}

function stateName(snapshot: Snapshot): string {
  return typeof snapshot.value === 'string' ? snapshot.value : (Object.keys(snapshot.value)[0] ?? 'idle');
}

/**
 * xstate's own pure `transition(machine, snapshot, event)`, with one inert actor scope made once: the library helper
 * builds a throwaway actor, and with it the machine's whole initial state, on every call. Measured 2026-12-06 (six
 * golden dialogues replayed through `step`, 20,000 steps a run, the two alternated A/B/B/A, three sessions): the
 * public `transition` 142–183 µs/step, this scope 103–124 µs/step, about 40% more per step, so the scope stays.
 * Actions are collected, never executed.
 */
const scope: AnyActorScope = (() => {
  const self = createActor(intakeMachine, { input: { channel: 'web', now: 0 } });
  return {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    actionExecutor: () => {},
  };
})();

function pureTransition(
  snapshot: Snapshot,
  event: StepEvent,
): [Snapshot, { type: string; params?: unknown }[]] {
  const actions: { type: string; params?: unknown }[] = [];
  scope.actionExecutor = (action) => {
    actions.push(action);
  };
  return [intakeMachine.transition(snapshot, event, scope), actions];
}

/** One step of the intake flow. Pure: the clock arrives inside the event. */
export function step(stored: StoredSnapshot | null, event: IntakeEvent, input: IntakeInput): StepResult {
  const { snapshot: before, salvaged } = restore(stored, input);
  // A salvaged conversation in the middle of a complaint: the citizen's message answered a question of the old
  // flow, so it is not taken as an answer to a new one; the open question is asked again, with a notice.
  const question = salvaged && event.type !== 'timer' ? currentQuestion(before.context) : null;
  // The machine's event carries its reading: what the message answers, computed once for this step's guards and
  // actions, and gone with the event (the stored snapshot is only the state and the context).
  const [after, actions] = question
    ? [before, [{ type: 'reply', params: withNotices(before.context, question) }]]
    : pureTransition(before, withReading(event));
  const effects: Effect[] = [];
  for (const action of actions) {
    if ((action.type === 'reply' || action.type === 'effect') && action.params) {
      const effect = action.params as Effect;
      if (effect.type !== 'reply' || effect.key) effects.push(effect);
    }
  }
  const value = stateName(after);
  // The open question's notices went out with it (a restored context is frozen: replaced, not changed).
  let context = question ? { ...after.context, notices: [] } : after.context;
  // Anything the citizen sends, an edit too, is activity: the reminder and expiry count from it.
  if (
    event.type === 'message' ||
    event.type === 'command' ||
    event.type === 'emergency' ||
    event.type === 'edit' ||
    event.type === 'handoff.returned'
  ) {
    const active = ACTIVE_STATES.has(value);
    context = {
      ...context,
      lastActivity: event.now,
      timers: {
        storyQuiet: context.timers.storyQuiet,
        storyNudge: context.timers.storyNudge,
        ...(active ? { reminder: event.now + REMINDER_MS } : {}),
      },
    };
  } else if (!ACTIVE_STATES.has(value) && value !== 'paused') {
    context = { ...context, timers: {} };
  }
  const deadlines = Object.values(context.timers).filter((t): t is number => typeof t === 'number');
  const next = freezeDeep({ flow: 'intake' as const, version: INTAKE_VERSION, value, context });
  produced.set(next, next);
  return {
    stored: next,
    effects,
    nextDeadline: deadlines.length > 0 ? Math.min(...deadlines) : null,
  };
}

/** Freezes a value and everything it holds; a part frozen already (shared with the last step's) is not walked again. */
function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freezeDeep(v);
  }
  return value;
}
