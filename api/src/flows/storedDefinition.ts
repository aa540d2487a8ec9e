import { parseFlowDefinition } from '@threadline/flows';
import type { FlowDefinition } from '@threadline/flows/types';

/**
 * Reads a definition back from its stored canonical JSON. The database is an edge like any
 * other: a document edited by hand, or written by an older version, is caught here with the
 * path at fault instead of failing somewhere deep in a journey.
 */
export function readStoredDefinition(json: string, where: string): FlowDefinition {
  const result = parseFlowDefinition(JSON.parse(json));
  if (result.ok) return result.definition;
  const first = result.issues[0];
  throw new Error(`stored definition ${where} is invalid${first ? ` at ${first.path}: ${first.message}` : ''}`);
}
