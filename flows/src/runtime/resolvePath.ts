/**
 * Reads a dotted path such as `nodes.wait_reply.reply.text` from the journey context. A missing
 * step yields `undefined` rather than throwing: a split over a reply that never came is blank.
 * Only own properties are followed, so `constructor` or `__proto__` read nothing.
 */
export function resolvePath(context: unknown, path: string): unknown {
  let current: unknown = context;
  for (const segment of path.split('.')) {
    if (segment === '') return undefined;
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
