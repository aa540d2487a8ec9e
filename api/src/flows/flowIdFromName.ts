import type { Store } from '@threadline/worker/store';

/** Ids that would be shadowed by a static route under /api/flows. */
const RESERVED_IDS: ReadonlySet<string> = new Set(['library']);

/** "Missed call → text back!" becomes "missed-call-text-back". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  return slug === '' ? 'flow' : slug;
}

/**
 * A free flow id derived from the name: the slug, or the slug with `-2`, `-3`, … when taken.
 * Two creates racing for the same slug still cannot both win: the insert is keyed by `_id`.
 */
export async function flowIdFromName(store: Store, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (RESERVED_IDS.has(candidate)) continue;
    if (!(await store.flows.exists({ _id: candidate }))) return candidate;
  }
}

export function isReservedFlowId(id: string): boolean {
  return RESERVED_IDS.has(id);
}
