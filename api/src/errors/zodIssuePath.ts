import type { z } from 'zod';

type PathSegment = PropertyKey;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Writes a zod issue's path the way our users read it: `definition.nodes[n_send].config.template`.
 * Array items that carry a string `id` (nodes) are named by their id rather than their index,
 * because ids are stable across edits and are what the builder shows on the canvas; other items
 * keep their index (`edges[2]`). `input` is the value that was parsed, walked alongside the path.
 */
export function formatIssuePath(path: readonly PathSegment[], input: unknown, prefix = ''): { path: string; nodeId?: string } {
  let text = prefix;
  let current: unknown = input;
  let nodeId: string | undefined;
  let parentKey: PathSegment | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      const item = Array.isArray(current) ? current[segment] : undefined;
      const id = isRecord(item) && typeof item.id === 'string' && item.id !== '' ? item.id : undefined;
      text += `[${id ?? segment}]`;
      if (id !== undefined && parentKey === 'nodes') nodeId = id;
      current = item;
    } else {
      const key = String(segment);
      text += text === '' ? key : `.${key}`;
      current = isRecord(current) ? current[key] : undefined;
    }
    parentKey = segment;
  }
  return nodeId === undefined ? { path: text } : { path: text, nodeId };
}

/** The first issue of a failed parse, as the path at fault and a message saying what to fix. */
export function describeZodError(error: z.ZodError, input: unknown, prefix: string): { path: string; nodeId?: string; message: string } {
  const issue = error.issues[0];
  if (issue === undefined) return { path: prefix, message: 'invalid input' };
  const located = formatIssuePath(issue.path, input, prefix);
  return { ...located, message: `${located.path}: ${issue.message}` };
}
