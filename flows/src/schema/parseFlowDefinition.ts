import type { FlowDefinition, ValidationIssue } from '../types';
import { flowDefinitionSchema } from './flowDefinitionSchema';
import { flowDraftSchema } from './flowDraftSchema';
import { zodIssuesToValidationIssues } from './zodIssuesToValidationIssues';

export type ParseFlowDefinitionResult =
  | { ok: true; definition: FlowDefinition }
  | { ok: false; issues: ValidationIssue[] };

/**
 * Checks that `input` has the shape of a flow definition (every config against its node type).
 * It does not judge the graph; run validateFlow on the result for that.
 */
export function parseFlowDefinition(input: unknown): ParseFlowDefinitionResult {
  const result = flowDefinitionSchema.safeParse(input);
  if (result.success) return { ok: true, definition: result.data };
  return { ok: false, issues: zodIssuesToValidationIssues(result.error.issues, input) };
}

/**
 * Checks that `input` has the shape of a draft: everything parseFlowDefinition checks except
 * the nodes' configs, which may be mid-edit. The configs are taken at their word here, the one
 * other place besides the canvas compiler; validateFlow checks each against its catalog schema.
 */
export function parseFlowDraft(input: unknown): ParseFlowDefinitionResult {
  const result = flowDraftSchema.safeParse(input);
  if (result.success) return { ok: true, definition: result.data as FlowDefinition };
  return { ok: false, issues: zodIssuesToValidationIssues(result.error.issues, input) };
}
