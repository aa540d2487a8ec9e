import { JOURNEY_TASK_QUEUE, JOURNEY_WORKFLOW_TYPE } from '@threadline/worker/contract';

/**
 * Which workflow type, on which task queue, a new journey is signal-with-started as. Always
 * the contract's interpreter in the product; the knob exists so the benchmark can route the
 * same webhook path to a hand-written baseline workflow (test/bench/baseline) and compare.
 */
export interface JourneyRouting {
  workflowType: string;
  taskQueue: string;
}

/** The contract's journey workflow, with either half overridden when given. */
export function journeyRouting(overrides: Partial<JourneyRouting> = {}): JourneyRouting {
  return {
    workflowType: overrides.workflowType ?? JOURNEY_WORKFLOW_TYPE,
    taskQueue: overrides.taskQueue ?? JOURNEY_TASK_QUEUE,
  };
}
