import { CURRENT_SCHEMA_VERSION } from '../../types';
import { migrateV1ToV2 } from './v1ToV2';

/** One step forward: takes a definition of version N (as loose JSON) to version N + 1. */
type Migration = (definition: Record<string, unknown>) => Record<string, unknown>;

/** Index N holds the step from version N + 1 to N + 2. */
const MIGRATIONS: readonly Migration[] = [migrateV1ToV2];

export type MigrationResult =
  | { ok: true; input: unknown; migratedFrom?: number }
  | { ok: false; message: string };

/**
 * Brings a definition written by an older Threadline up to CURRENT_SCHEMA_VERSION before it is
 * parsed, so a flow in git or in the database from an earlier release still loads. It works on
 * loose JSON and never throws: anything that is not recognisably an older definition is passed
 * through untouched for the schema to judge. A version from the future is refused by name
 * rather than guessed at.
 */
export function migrateDefinition(input: unknown): MigrationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: true, input };
  const version = (input as Record<string, unknown>).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: true, input };
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `schemaVersion ${version} was written by a newer Threadline; this one reads up to ${CURRENT_SCHEMA_VERSION}`,
    };
  }
  if (version === CURRENT_SCHEMA_VERSION) return { ok: true, input };
  // The steps build new objects and never change their input in place, so no copy is needed
  // (and structuredClone does not exist inside Temporal's workflow sandbox, which runs this).
  let definition = input as Record<string, unknown>;
  for (let from = version; from < CURRENT_SCHEMA_VERSION; from += 1) {
    const step = MIGRATIONS[from - 1];
    if (step === undefined) return { ok: false, message: `no migration from schemaVersion ${from}` };
    definition = step(definition);
  }
  return { ok: true, input: definition, migratedFrom: version };
}
