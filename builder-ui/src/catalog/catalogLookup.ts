import { NODE_GROUPS, nodeCatalog, type NodeCatalogEntry } from '@threadline/flows';
import type { NodeConfigs, NodeType } from '@threadline/flows/types';

/** The catalog, in its declared (palette) order. */
export const catalogEntries = Object.values(nodeCatalog);

export type CatalogEntry = (typeof catalogEntries)[number];
export type NodeGroup = CatalogEntry['group'];

/**
 * Palette sections in the catalog's group order, each with its node types in catalog order;
 * types an admin does not add by hand (the importer's placeholder) are left out.
 */
export function paletteGroups(): Array<{ group: NodeGroup; entries: CatalogEntry[] }> {
  return NODE_GROUPS
    .map((group) => ({
      group,
      entries: catalogEntries.filter((entry) => entry.group === group && entry.inPalette !== false),
    }))
    .filter(({ entries }) => entries.length > 0);
}

export function isTrigger(type: NodeType): boolean {
  return nodeCatalog[type].group === 'trigger';
}

/**
 * The outputs a node has with this config, which may be half-edited. A config that does not
 * parse yet usually still has the right shape (a split whose "look at" path is empty still lists
 * its conditions), so its outputs are read from it as it stands; only when even that fails does
 * the node fall back to its defaults' outputs plus those already wired, so that neither handles
 * nor edges vanish from under the admin mid-edit.
 */
export function outputsFor<T extends NodeType>(type: T, config: unknown, wired: readonly string[] = []): string[] {
  const entry = nodeCatalog[type];
  const parsed = entry.configSchema.safeParse(config);
  if (parsed.success) return [...entry.outputs(parsed.data)];
  return [...new Set([...outputsOfDraft(entry, config), ...wired])];
}

function outputsOfDraft<T extends NodeType>(entry: NodeCatalogEntry<T>, config: unknown): string[] {
  try {
    // Deliberately unchecked: `outputs` only reads the config's shape, and a wrong shape throws
    // or yields non-strings, both handled here.
    const outputs: readonly unknown[] = entry.outputs(config as NodeConfigs[T]);
    return outputs.filter((output): output is string => typeof output === 'string' && output !== '');
  } catch {
    return [...entry.outputs(entry.defaults)];
  }
}
