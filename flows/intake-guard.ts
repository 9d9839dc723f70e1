// The intake machine's guards as `setup` reads them, so they can be written in modules of their own.
import type { GuardArgs } from 'xstate';
import type { IntakeContext } from './intake-context.js';
import type { StepEvent } from './intake-reading.js';

/** Guards with their arguments typed; each guard's own params (its second argument) stay typed for the machine. */
export function defineGuards<P extends Record<string, unknown>>(
  guards: {
    [K in keyof P]: (args: GuardArgs<IntakeContext, StepEvent>, params: P[K]) => boolean;
  },
) {
  return guards;
}
