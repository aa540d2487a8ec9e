import { fallbackOutputOf } from '../runtime/outputsOf';
import { nodePath } from '../schema/issuePaths';
import type { FlowEdge, ValidationIssue } from '../types';
import type { IndexedNode } from './indexNodes';

/** Every output must lead somewhere, so a journey never stops without an outcome on record. */
export function checkOutputsConnected(
  byId: ReadonlyMap<string, IndexedNode>,
  edges: readonly FlowEdge[],
): ValidationIssue[] {
  const connected = new Map<string, Set<string>>();
  for (const edge of edges) {
    const outputs = connected.get(edge.from);
    if (outputs === undefined) connected.set(edge.from, new Set([edge.output]));
    else outputs.add(edge.output);
  }
  const issues: ValidationIssue[] = [];
  for (const [nodeId, { node, outputs }] of byId) {
    for (const output of outputs ?? []) {
      if (connected.get(nodeId)?.has(output) === true) continue;
      // Left open on purpose: the engine takes the fallback, which is connected.
      const fallback = fallbackOutputOf(node, output);
      if (fallback !== undefined && connected.get(nodeId)?.has(fallback) === true) continue;
      issues.push({
        code: 'output-not-connected',
        severity: 'error',
        nodeId,
        path: `${nodePath(nodeId)}.outputs.${output}`,
        message: `Output "${output}" of "${nodeId}" leads nowhere; connect it to the next step, or to an End node if the journey stops there.`,
      });
    }
  }
  return issues;
}
