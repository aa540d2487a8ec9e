import type { z } from 'zod';
import type { FlowDefinition, ValidationIssue } from '../types';
import { flowDefinitionSchema } from './flowDefinitionSchema';
import { flowDraftSchema } from './flowDraftSchema';
import { migrateDefinition } from './migrations/migrateDefinition';
import { rememberParsedNodes } from './parsedNodes';
import { zodIssuesToValidationIssues } from './zodIssuesToValidationIssues';

export type ParseFlowDefinitionResult =
  | {
      ok: true;
      definition: FlowDefinition;
      /** Set when the input was an older schemaVersion, migrated forward to the current one. */
      migratedFrom?: number;
    }
  | { ok: false; issues: ValidationIssue[] };

/**
 * Checks that `input` has the shape of a flow definition (every config against its node type),
 * migrating an older schemaVersion forward first. It does not judge the graph; run validateFlow
 * on the result for that: it does not check the configs a second time (see parsedNodes.ts), so
 * treat the result as a value — copy it before editing a config in place. It never throws,
 * whatever the input.
 */
export function parseFlowDefinition(input: unknown): ParseFlowDefinitionResult {
  const result = parseWith(flowDefinitionSchema, input);
  if (result.ok) rememberParsedNodes(result.definition.nodes);
  return result;
}

/**
 * Checks that `input` has the shape of a draft: everything parseFlowDefinition checks except
 * the nodes' configs, which may be mid-edit. The configs are taken at their word here, the one
 * other place besides the canvas compiler; validateFlow checks each against its catalog schema.
 */
export function parseFlowDraft(input: unknown): ParseFlowDefinitionResult {
  return parseWith(flowDraftSchema, input);
}

function parseWith(schema: z.ZodType, input: unknown): ParseFlowDefinitionResult {
  const migration = migrateDefinition(input);
  if (!migration.ok) {
    return {
      ok: false,
      issues: [{ code: 'unsupported-schema-version', severity: 'error', path: 'schemaVersion', message: migration.message }],
    };
  }
  const result = schema.safeParse(migration.input);
  if (!result.success) {
    return { ok: false, issues: zodIssuesToValidationIssues(result.error.issues, migration.input) };
  }
  return {
    ok: true,
    definition: result.data as FlowDefinition,
    ...(migration.migratedFrom === undefined ? {} : { migratedFrom: migration.migratedFrom }),
  };
}
