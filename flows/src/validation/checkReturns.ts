import { nodePath } from '../schema/issuePaths';
import type { FlowInterface, ValidationIssue } from '../types';
import type { IndexedNode } from './indexNodes';

/**
 * An `end` node's returns set the flow's declared outputs (read by a parent as
 * `nodes.<id>.outputs.<name>`); a name the interface does not declare would never be read.
 */
export function checkReturns(
  byId: ReadonlyMap<string, IndexedNode>,
  flowInterface: FlowInterface | undefined,
): ValidationIssue[] {
  const outputs = Array.isArray(flowInterface?.outputs) ? flowInterface.outputs : [];
  const declared = new Set(outputs.map((output) => output.name));
  const issues: ValidationIssue[] = [];
  for (const { valid } of byId.values()) {
    if (valid?.type !== 'end') continue;
    valid.config.returns.forEach((returned, index) => {
      if (declared.has(returned.name)) return;
      const offered = declared.size === 0 ? 'the flow declares no outputs' : `it declares ${[...declared].join(', ')}`;
      issues.push({
        code: 'return-undeclared-output',
        severity: 'error',
        nodeId: valid.id,
        path: `${nodePath(valid.id)}.config.returns[${index}].name`,
        message: `"${returned.name}" is not an output of this flow (${offered}); declare it in the flow's interface or fix the name.`,
      });
    });
  }
  return issues;
}
