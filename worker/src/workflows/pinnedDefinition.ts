import { migrateDefinition } from '@threadline/flows/runtime';
import type { FlowDefinition } from '@threadline/flows/types';
import type { JourneyInput } from '../journeys/contract';
import { definitionFormatFault } from './journeyFailures';

/**
 * The definition a journey runs, brought up to the current schemaVersion. A journey started by
 * an earlier release carries the definition it was started with (issue 4's were version 1), and
 * a replay of its history must walk the same path: the migration keeps the meaning, so it does.
 * A version from a newer release is refused by name rather than guessed at.
 */
export function pinnedDefinition(input: JourneyInput): FlowDefinition {
  const migrated = migrateDefinition(input.definition);
  if (!migrated.ok) throw definitionFormatFault(migrated.message);
  // The API validated the definition when it was published; the workflow bundle carries no zod
  // to check it again, and the interpreter fails a journey on any node it cannot run.
  return migrated.input as FlowDefinition;
}
