/*
 * The compiler copies every config between the canvas and a definition, so neither side's edits
 * leak into the other. structuredClone is general, and for thousands of small JSON configs it is
 * several times slower than a plain walk (it serialises to a buffer and back). Configs are JSON
 * in practice; anything else (a Date, a Map, a cycle) is still copied by structuredClone.
 */

/** Deeper than any real config: past it the rest is left to structuredClone, which handles cycles. */
const MAX_DEPTH = 64;

/** A deep copy of `value`, as structuredClone would make it. */
export function cloneJsonValue<T>(value: T): T {
  return cloneAt(value, 0) as T;
}

function cloneAt(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return structuredClone(value);
  if (Array.isArray(value)) return value.map((item: unknown) => cloneAt(item, depth + 1));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value);
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const child = cloneAt(record[key], depth + 1);
    // A key named "__proto__" (valid JSON) must stay a key, not set the prototype.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: child, enumerable: true, writable: true, configurable: true });
    else copy[key] = child;
  }
  return copy;
}
