import type { z } from 'zod';
import { isNodeType, nodeCatalog, nodeTypes } from '../catalog';
import type { ValidationIssue } from '../types';
import { formatPath } from './issuePaths';

/**
 * Turns zod's issues about a definition (or part of one, under `prefix`) into ValidationIssues
 * that name the node by id and the field by its label, so a person knows what to fix.
 */
export function zodIssuesToValidationIssues(
  issues: readonly z.core.$ZodIssue[],
  definition: unknown,
  prefix: readonly PropertyKey[] = [],
): ValidationIssue[] {
  const nodeAt = (index: number): unknown => {
    const nodes = field(definition, 'nodes');
    return Array.isArray(nodes) ? nodes[index] : undefined;
  };
  const nodeIdAt = (index: number): string | undefined => nonEmptyString(field(nodeAt(index), 'id'));

  return issues.flatMap((issue): ValidationIssue[] => {
    const segments = [...prefix, ...issue.path];
    const nodeIndex = segments[0] === 'nodes' && typeof segments[1] === 'number' ? segments[1] : undefined;
    const node = nodeIndex === undefined ? undefined : nodeAt(nodeIndex);
    const nodeId = nodeIndex === undefined ? undefined : nodeIdAt(nodeIndex);
    const inConfig = nodeIndex !== undefined && segments[2] === 'config';
    const code = inConfig ? 'invalid-config' : 'invalid-definition';
    const located = (path: readonly PropertyKey[], message: string, issueCode = code): ValidationIssue => ({
      code: issueCode,
      severity: 'error',
      ...(nodeId === undefined ? {} : { nodeId }),
      path: formatPath(path, nodeIdAt),
      message: inConfig ? withFieldLabel(field(node, 'type'), path[3], message) : message,
    });

    if (issue.code === 'invalid_union' && nodeIndex !== undefined && segments[2] === 'type') {
      const type = field(node, 'type');
      return typeof type === 'string'
        ? [
            located(
              segments,
              `"${type}" is not a node type; use one of ${nodeTypes.join(', ')}`,
              'unknown-node-type',
            ),
          ]
        : [located(segments, `give the node a type, one of ${nodeTypes.join(', ')}`)];
    }
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => located([...segments, key], `unknown field "${key}"; remove it`));
    }
    if (issue.code === 'invalid_type' && valueAt(definition, segments) === undefined) {
      return [located(segments, `${String(segments.at(-1) ?? 'the definition')} is missing`)];
    }
    return [located(segments, issue.message)];
  });
}

function withFieldLabel(type: unknown, fieldName: PropertyKey | undefined, message: string): string {
  if (typeof type !== 'string' || !isNodeType(type)) return message;
  const fields: readonly { name: string; label: string }[] = nodeCatalog[type].fields;
  const label = fields.find((candidate) => candidate.name === fieldName)?.label;
  return label === undefined ? message : `${label}: ${message}`;
}

function field(value: unknown, key: PropertyKey): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
}

function valueAt(value: unknown, segments: readonly PropertyKey[]): unknown {
  return segments.reduce<unknown>((current, segment) => field(current, segment), value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
