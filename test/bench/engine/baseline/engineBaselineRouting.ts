/** Where the engine bench's baseline journeys run: their own workflow type and task queue. */
export const ENGINE_BASELINE_WORKFLOW_TYPE = 'handWrittenEngineJourney';
export const ENGINE_BASELINE_TASK_QUEUE = 'journeys-engine-baseline';
