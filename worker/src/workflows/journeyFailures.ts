import { ApplicationFailure } from '@temporalio/workflow';

/** Failure types a journey ends with when the engine, not an activity, gives up on it. */
export const MALFORMED_DEFINITION = 'MalformedDefinition';
export const JOURNEY_LOOP = 'JourneyLoop';

/** A fault in the pinned definition: retrying cannot help, so the journey fails naming the node. */
export function definitionFault(nodeId: string, message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`flow definition, node "${nodeId}": ${message}`, MALFORMED_DEFINITION);
}

/** A fault of the definition as a whole (its format), before any node runs. */
export function definitionFormatFault(message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`flow definition: ${message}`, MALFORMED_DEFINITION);
}

/** Runs a pure helper over a node's config, turning its Error into a definition fault. */
export function guardDefinition<T>(nodeId: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw definitionFault(nodeId, error instanceof Error ? error.message : String(error));
  }
}

export function isEngineFailure(error: unknown): error is ApplicationFailure {
  return error instanceof ApplicationFailure && (error.type === MALFORMED_DEFINITION || error.type === JOURNEY_LOOP);
}
