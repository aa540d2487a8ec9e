/**
 * Readers for a raw canvas config, which may be half-edited: each returns a usable value of the
 * expected shape, or an empty one, and never throws.
 */

export type RawRecord = Record<string, unknown>;

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function records(value: unknown): RawRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function isRecord(value: unknown): value is RawRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record(value: unknown): RawRecord {
  return isRecord(value) ? value : {};
}

export function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function listOr(value: unknown, whenEmpty: string): string {
  const items = strings(value);
  return items.length === 0 ? whenEmpty : items.join(', ');
}

/** One line, cut at `max` characters with an ellipsis. */
export function ellipsis(value: string, max = 40): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1).trimEnd()}…` : oneLine;
}
