import { parseFlowDefinition, parseFlowDraft, type ParseFlowDefinitionResult } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';

/**
 * Reads a definition back from its stored canonical JSON. The database is an edge like any
 * other: a document edited by hand, or written by an older version, is caught here with the
 * path at fault instead of failing somewhere deep in a journey.
 */
export function readStoredDefinition(json: string, where: string): FlowDefinition {
  return definitionOrThrow(parseFlowDefinition(JSON.parse(json)), where);
}

/** Reads a draft back: like a definition, but its nodes' configs may be mid-edit. */
export function readStoredDraft(json: string, where: string): FlowDefinition {
  return definitionOrThrow(parseFlowDraft(JSON.parse(json)), where);
}

function definitionOrThrow(result: ParseFlowDefinitionResult, where: string): FlowDefinition {
  if (result.ok) return result.definition;
  const first = result.issues[0];
  throw new Error(`stored definition ${where} is invalid${first ? ` at ${first.path}: ${first.message}` : ''}`);
}
