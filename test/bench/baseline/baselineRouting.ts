/**
 * Where the baseline journeys run: their own workflow type and task queue, so a second
 * in-process worker serves them beside the interpreter's. The bench's second API instance
 * routes missed calls here (buildApp's `journeys` knob).
 */
export const BASELINE_WORKFLOW_TYPE = 'handWrittenMissedCall';
export const BASELINE_TASK_QUEUE = 'journeys-baseline';
