// The inbound pipeline: named stages around the runtime, outermost first. Every message from every channel and the
// web chat takes it: storage guard → block list → sender limits → metrics → runtime.
import type { Handle } from '../conversation/runtime.js';

/** One stage: wraps the handler of the stages after it. */
export type Stage = { name: string; wrap: (next: Handle) => Handle };

export function composePipeline(stages: readonly Stage[], runtime: Handle): Handle {
  return stages.reduceRight<Handle>((next, stage) => stage.wrap(next), runtime);
}
