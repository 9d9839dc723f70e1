// The flow registry: conversations find their flow by id; a new chat starts in the default flow; metrics read the
// flows' active states from it.
import { describe, expect, it } from 'vitest';
import { INTAKE_VERSION } from '../../flows/intake.js';
import { ACTIVE_FLOW_STATES, DEFAULT_FLOW, FLOWS, flowOf } from '../../flows/registry.js';
import { Harness } from '../helpers/harness.js';

describe('flow registry', () => {
  it('names the intake flow with its live version, and falls back to the default for an unknown id', () => {
    expect([...FLOWS.keys()]).toEqual(['intake']);
    expect(flowOf('intake')).toBe(DEFAULT_FLOW);
    expect(DEFAULT_FLOW.version).toBe(INTAKE_VERSION);
    expect(flowOf('survey-2025')).toBe(DEFAULT_FLOW);
    expect(ACTIVE_FLOW_STATES.has('asking')).toBe(true);
    expect(ACTIVE_FLOW_STATES.has('idle')).toBe(false);
  });

  it('stores a new chat under the default flow and its version', () => {
    const h = new Harness();
    h.say('r1', 'halo');
    const conv = h.core.store.conversations.find('simulate', 'r1');
    expect([conv?.flow, conv?.flowVersion]).toEqual([DEFAULT_FLOW.id, DEFAULT_FLOW.version]);
    h.core.close();
  });
});
