import { isNodeType, nodeCatalog } from '../catalog';
import type { NodeType } from '../types';
import type { IndexedNode } from './indexNodes';
import type { ResultOutputSets } from './resultAvailability';

/** Per type, the output lists of its results that name several outputs (a gather's `captured`, `invalid`). */
const setsByType = new Map<NodeType, ReadonlyArray<readonly string[]>>();

function resultOutputSetsOf(type: NodeType): ReadonlyArray<readonly string[]> {
  let sets = setsByType.get(type);
  if (sets === undefined) {
    const distinct = new Map<string, readonly string[]>();
    for (const result of nodeCatalog[type].results) {
      if (result.on !== '*' && result.on.length > 1) distinct.set([...result.on].sort().join('\u0000'), result.on);
    }
    sets = [...distinct.values()];
    setsByType.set(type, sets);
  }
  return sets;
}

/** What resultAvailability needs to answer results set on several outputs in one pass, from the catalog. */
export function catalogResultOutputSets(byId: ReadonlyMap<string, IndexedNode>): ResultOutputSets {
  return (nodeId) => {
    const type = byId.get(nodeId)?.node.type;
    return type !== undefined && isNodeType(type) ? resultOutputSetsOf(type) : [];
  };
}
