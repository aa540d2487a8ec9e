import { nodePath } from '../schema/issuePaths';
import type { FlowEdge, ValidationIssue } from '../types';
import type { IndexedNode } from './indexNodes';

/**
 * Checks each edge against the nodes it joins: both ends exist, the output is one the source
 * node has, no output leads two ways, and nothing leads into a trigger.
 * Returns the edges a journey could actually follow (duplicates included), for the graph checks.
 */
export function checkEdges(
  edges: readonly FlowEdge[],
  byId: ReadonlyMap<string, IndexedNode>,
): { issues: ValidationIssue[]; traversable: FlowEdge[] } {
  const issues: ValidationIssue[] = [];
  const traversable: FlowEdge[] = [];
  // By node, then output: the targets each output leads to.
  const targetsByOutput = new Map<string, Map<string, string[]>>();

  edges.forEach((edge, index) => {
    const source = byId.get(edge.from);
    const target = byId.get(edge.to);
    const at = `edges[${index}]`;
    if (source === undefined) {
      issues.push({
        code: 'dangling-edge',
        severity: 'error',
        path: `${at}.from`,
        message: `An edge leaves from node "${edge.from}", which does not exist; remove the edge or restore the node.`,
      });
      return;
    }
    if (target === undefined) {
      issues.push({
        code: 'dangling-edge',
        severity: 'error',
        nodeId: edge.from,
        path: `${at}.to`,
        message: `Output "${edge.output}" of "${edge.from}" leads to node "${edge.to}", which does not exist; point it at another node.`,
      });
      return;
    }
    if (source.outputs !== undefined && !source.outputs.includes(edge.output)) {
      const known = source.outputs.length === 0 ? 'it has none' : `it has ${source.outputs.join(', ')}`;
      issues.push({
        code: 'dangling-edge',
        severity: 'error',
        nodeId: edge.from,
        path: `${at}.output`,
        message: `Node "${edge.from}" has no output "${edge.output}" (${known}); reconnect the edge from one of its outputs or remove it.`,
      });
      return;
    }
    if (target.isTrigger) {
      issues.push({
        code: 'trigger-has-incoming-edge',
        severity: 'error',
        nodeId: edge.to,
        path: `${at}.to`,
        message: `Output "${edge.output}" of "${edge.from}" leads into trigger "${edge.to}"; a trigger only starts journeys, so point the edge at another node.`,
      });
      return;
    }
    traversable.push(edge);
    let byOutput = targetsByOutput.get(edge.from);
    if (byOutput === undefined) {
      byOutput = new Map();
      targetsByOutput.set(edge.from, byOutput);
    }
    const targets = byOutput.get(edge.output);
    if (targets === undefined) byOutput.set(edge.output, [edge.to]);
    else targets.push(edge.to);
  });

  for (const [from, byOutput] of targetsByOutput) {
    for (const [output, targets] of byOutput) {
      if (targets.length < 2) continue;
      issues.push({
        code: 'output-connected-twice',
        severity: 'error',
        nodeId: from,
        path: `${nodePath(from)}.outputs.${output}`,
        message: `Output "${output}" of "${from}" leads to ${targets.length} nodes (${targets.join(', ')}); an output leads to exactly one node, so remove the extra edges.`,
      });
    }
  }
  return { issues, traversable };
}
