// The flows by id, each with its live version: the runtime, metrics and ops look a conversation's flow up here instead
// of naming the intake flow. A snapshot stored by another version is salvaged by the flow itself when it is restored.
import { ACTIVE_STATES, type StepResult, type StoredSnapshot, step } from './index.js';
import type { IntakeInput } from './intake-context.js';
import { type IntakeEvent, type MessageBody, classify } from './intake-events.js';
import { INTAKE_VERSION } from './intake.js';

export type FlowDefinition = {
  id: string;
  version: number;
  /** States where a citizen is in the middle of something (reminders apply; metrics count them as active). */
  activeStates: ReadonlySet<string>;
  /** The pure step: (stored snapshot, event) → (snapshot, effects). */
  step: (stored: StoredSnapshot | null, event: IntakeEvent, input: IntakeInput) => StepResult;
  /** A message as the flow's event (a command, an emergency or an ordinary message). */
  classify: (body: MessageBody, now: number) => IntakeEvent;
};

const intake: FlowDefinition = {
  id: 'intake',
  version: INTAKE_VERSION,
  activeStates: ACTIVE_STATES,
  step,
  classify,
};

export const FLOWS: ReadonlyMap<string, FlowDefinition> = new Map([[intake.id, intake]]);

/** The flow a chat that writes for the first time starts in. */
export const DEFAULT_FLOW: FlowDefinition = intake;

/** A stored conversation's flow; an unknown id (a flow since removed) continues in the default flow. */
export function flowOf(id: string): FlowDefinition {
  return FLOWS.get(id) ?? DEFAULT_FLOW;
}

/** Every flow's active states: what metrics count as a conversation in progress. */
export const ACTIVE_FLOW_STATES: ReadonlySet<string> = new Set(
  [...FLOWS.values()].flatMap((f) => [...f.activeStates]),
);
