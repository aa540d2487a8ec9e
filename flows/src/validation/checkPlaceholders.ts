import { nodePath } from '../schema/issuePaths';
import type { ValidationIssue } from '../types';
import type { IndexedNode } from './indexNodes';

/**
 * A placeholder stands in for something an importer could not map; it does nothing when a
 * journey reaches it, so a flow holding one is not ready to publish until it is replaced.
 */
export function checkPlaceholders(byId: ReadonlyMap<string, IndexedNode>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const { valid } of byId.values()) {
    if (valid?.type !== 'placeholder') continue;
    const { source, note } = valid.config;
    issues.push({
      code: 'placeholder-node',
      severity: 'error',
      nodeId: valid.id,
      path: nodePath(valid.id),
      message: `"${valid.id}" is a placeholder for ${source}: ${note} Replace it with nodes that do the same, or remove it.`,
    });
  }
  return issues;
}
