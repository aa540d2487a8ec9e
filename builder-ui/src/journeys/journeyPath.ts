/**
 * What the canvas shows of a followed journey, derived from its path and nothing else: the
 * nodes it went through, the node it is at (only while it runs; a finished journey is nowhere),
 * and the edges between consecutive steps.
 */

export type PathMark = 'taken' | 'current';

export interface FollowedPath {
  path: readonly string[];
  /** The node the journey is at while it runs; null once it has finished. */
  currentNode: string | null;
}

/** A journey as the API describes it, seen as a path: a journey that has closed is at no node. */
export function followedPathOf(
  journey: { path: readonly string[]; currentNode: string | null; status: string } | null,
): FollowedPath | null {
  if (journey === null) return null;
  return { path: journey.path, currentNode: journey.status === 'RUNNING' ? journey.currentNode : null };
}

export function pathMarkOf(followed: FollowedPath | null, nodeId: string): PathMark | null {
  if (followed === null) return null;
  if (followed.currentNode === nodeId) return 'current';
  return followed.path.includes(nodeId) ? 'taken' : null;
}

/**
 * The ids of the edges the journey went along: from each step to the next. The path names
 * nodes, not outputs, so when two outputs of a node lead to the same next node (failed and
 * blocked both to one end, say) both edges are marked.
 */
export function takenEdgeIds(
  followed: FollowedPath | null,
  edges: ReadonlyArray<{ id: string; source: string; target: string }>,
): Set<string> {
  const taken = new Set<string>();
  if (followed === null) return taken;
  const steps = new Set<string>();
  for (let i = 1; i < followed.path.length; i += 1) steps.add(`${followed.path[i - 1]}\n${followed.path[i]}`);
  for (const edge of edges) if (steps.has(`${edge.source}\n${edge.target}`)) taken.add(edge.id);
  return taken;
}
