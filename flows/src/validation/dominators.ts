/**
 * Dominators of a directed graph whose vertices are 0..n-1: `a` dominates `b` when every path
 * from the entry to `b` passes through `a` (every vertex dominates itself).
 *
 * Computed once with Lengauer and Tarjan's algorithm ("A Fast Algorithm for Finding Dominators
 * in a Flowgraph", 1979, the simple version with path compression: O(m log n)). Cooper, Harvey
 * and Kennedy's iterative algorithm was tried first and measured quadratic on flows: every flow
 * sends its many failure and timeout outputs into one shared End node, and each of those
 * predecessors walks the whole dominator chain above it on every pass (5,000 nodes took
 * seconds). Queries are O(1): `a` dominates `b` iff `a` is an ancestor of `b` in the dominator
 * tree, i.e. the tree's preorder/postorder interval of `a` encloses that of `b`.
 */
export interface Dominators {
  /** True when some path from the entry reaches `vertex`. */
  reachable(vertex: number): boolean;
  /** True when every path from the entry to `b` passes through `a`; false when `b` is unreachable. */
  dominates(a: number, b: number): boolean;
  /** The immediate dominator of `vertex`; the entry's is itself, an unreachable vertex's is -1. */
  immediateDominator(vertex: number): number;
}

const NONE = -1;

export function computeDominators(successors: readonly (readonly number[])[], entry = 0): Dominators {
  const count = successors.length;
  let edgeCount = 0;
  for (const targets of successors) edgeCount += targets.length;
  const tails = new Int32Array(edgeCount);
  const heads = new Int32Array(edgeCount);
  let edge = 0;
  successors.forEach((targets, vertex) => {
    for (const next of targets) {
      tails[edge] = vertex;
      heads[edge] = next;
      edge += 1;
    }
  });
  const forward = compressedRows(count, tails, heads);
  const backward = compressedRows(count, heads, tails);
  const { order, preorder, parent } = depthFirstPreorder(forward, entry);
  const idom = lengauerTarjan(backward, order, preorder, parent);
  const { enter, leave } = treeIntervals(idom, entry, order);
  const number = (array: Int32Array, vertex: number) => array[vertex] ?? NONE;
  return {
    reachable: (vertex) => number(preorder, vertex) !== NONE,
    dominates: (a, b) =>
      number(enter, a) !== NONE &&
      number(enter, b) !== NONE &&
      number(enter, a) <= number(enter, b) &&
      number(leave, b) <= number(leave, a),
    immediateDominator: (vertex) => number(idom, vertex),
  };
}

/**
 * Semidominators in reverse preorder, each vertex's immediate dominator deferred through the
 * buckets, then fixed up in preorder. `semi`, `label` and `ancestor` work on preorder numbers;
 * the result maps vertices to vertices.
 */
function lengauerTarjan(
  predecessors: CompressedRows,
  order: Int32Array,
  preorder: Int32Array,
  parent: Int32Array,
): Int32Array {
  const reached = order.length;
  const semi = new Int32Array(reached);
  const label = new Int32Array(reached);
  const ancestor = new Int32Array(reached).fill(NONE);
  const dominator = new Int32Array(reached);
  const bucketHead = new Int32Array(reached).fill(NONE);
  const bucketNext = new Int32Array(reached).fill(NONE);
  const path = new Int32Array(reached);
  for (let index = 0; index < reached; index += 1) {
    semi[index] = index;
    label[index] = index;
  }

  // The vertex on the forest path above `v` with the least semidominator, compressing the path.
  const evaluate = (v: number): number => {
    if ((ancestor[v] ?? NONE) === NONE) return v;
    let depth = 0;
    for (let x = v; (ancestor[ancestor[x] ?? NONE] ?? NONE) !== NONE; x = ancestor[x] ?? NONE) path[depth++] = x;
    while (depth > 0) {
      const x = path[--depth] ?? v;
      const up = ancestor[x] ?? NONE;
      if ((semi[label[up] ?? 0] ?? 0) < (semi[label[x] ?? 0] ?? 0)) label[x] = label[up] ?? 0;
      ancestor[x] = ancestor[up] ?? NONE;
    }
    return label[v] ?? v;
  };

  for (let w = reached - 1; w > 0; w -= 1) {
    const vertex = order[w] ?? 0;
    for (let at = predecessors.start[vertex] ?? 0; at < (predecessors.start[vertex + 1] ?? 0); at += 1) {
      const v = preorder[predecessors.target[at] ?? 0] ?? NONE;
      if (v === NONE) continue; // a predecessor the entry never reaches
      const u = evaluate(v);
      if ((semi[u] ?? 0) < (semi[w] ?? 0)) semi[w] = semi[u] ?? 0;
    }
    const s = semi[w] ?? 0;
    bucketNext[w] = bucketHead[s] ?? NONE;
    bucketHead[s] = w;
    const p = preorder[parent[vertex] ?? 0] ?? 0;
    ancestor[w] = p;
    for (let v = bucketHead[p] ?? NONE; v !== NONE; v = bucketNext[v] ?? NONE) {
      const u = evaluate(v);
      dominator[v] = (semi[u] ?? 0) < (semi[v] ?? 0) ? u : p;
    }
    bucketHead[p] = NONE;
  }
  for (let w = 1; w < reached; w += 1) {
    if ((dominator[w] ?? 0) !== (semi[w] ?? 0)) dominator[w] = dominator[dominator[w] ?? 0] ?? 0;
  }

  const idom = new Int32Array(preorder.length).fill(NONE);
  order.forEach((vertex, index) => {
    idom[vertex] = order[dominator[index] ?? 0] ?? NONE;
  });
  return idom;
}

/** Adjacency in two flat arrays: the neighbours of v are target[start[v] .. start[v + 1]). */
interface CompressedRows {
  start: Int32Array;
  target: Int32Array;
}

function compressedRows(count: number, tails: Int32Array, heads: Int32Array): CompressedRows {
  const start = new Int32Array(count + 1);
  for (const tail of tails) start[tail + 1] = (start[tail + 1] ?? 0) + 1;
  for (let vertex = 0; vertex < count; vertex += 1) start[vertex + 1] = (start[vertex + 1] ?? 0) + (start[vertex] ?? 0);
  const fill = start.slice(0, count);
  const target = new Int32Array(tails.length);
  tails.forEach((tail, index) => {
    const at = fill[tail] ?? 0;
    target[at] = heads[index] ?? 0;
    fill[tail] = at + 1;
  });
  return { start, target };
}

/** Preorder numbers and DFS-tree parents; iterative, so a chain of thousands of nodes cannot overflow the stack. */
function depthFirstPreorder(
  graph: CompressedRows,
  entry: number,
): { order: Int32Array; preorder: Int32Array; parent: Int32Array } {
  const count = graph.start.length - 1;
  const preorder = new Int32Array(count).fill(NONE);
  const parent = new Int32Array(count).fill(NONE);
  const order = new Int32Array(count);
  const stack = new Int32Array(count);
  const nextChild = new Int32Array(count);
  let numbered = 0;
  preorder[entry] = numbered;
  order[numbered++] = entry;
  parent[entry] = entry;
  stack[0] = entry;
  nextChild[0] = graph.start[entry] ?? 0;
  let depth = 1;
  while (depth > 0) {
    const vertex = stack[depth - 1] ?? entry;
    const at = nextChild[depth - 1] ?? 0;
    if (at >= (graph.start[vertex + 1] ?? 0)) {
      depth -= 1;
      continue;
    }
    nextChild[depth - 1] = at + 1;
    const next = graph.target[at] ?? entry;
    if (preorder[next] !== NONE) continue;
    preorder[next] = numbered;
    order[numbered++] = next;
    parent[next] = vertex;
    stack[depth] = next;
    nextChild[depth] = graph.start[next] ?? 0;
    depth += 1;
  }
  return { order: order.subarray(0, numbered), preorder, parent };
}

/** Preorder entry and postorder exit numbers of each vertex in the dominator tree. */
function treeIntervals(
  idom: Int32Array,
  entry: number,
  reachableVertices: Int32Array,
): { enter: Int32Array; leave: Int32Array } {
  const count = idom.length;
  const parents = new Int32Array(reachableVertices.length - 1);
  const vertices = new Int32Array(reachableVertices.length - 1);
  let edge = 0;
  for (const vertex of reachableVertices) {
    if (vertex === entry) continue;
    parents[edge] = idom[vertex] ?? entry;
    vertices[edge] = vertex;
    edge += 1;
  }
  const children = compressedRows(count, parents, vertices);
  const enter = new Int32Array(count).fill(NONE);
  const leave = new Int32Array(count).fill(NONE);
  let clock = 0;
  const stack = new Int32Array(count);
  const nextChild = new Int32Array(count);
  stack[0] = entry;
  nextChild[0] = children.start[entry] ?? 0;
  let depth = 1;
  enter[entry] = clock++;
  while (depth > 0) {
    const vertex = stack[depth - 1] ?? entry;
    const at = nextChild[depth - 1] ?? 0;
    if (at < (children.start[vertex + 1] ?? 0)) {
      nextChild[depth - 1] = at + 1;
      const child = children.target[at] ?? entry;
      enter[child] = clock++;
      stack[depth] = child;
      nextChild[depth] = children.start[child] ?? 0;
      depth += 1;
      continue;
    }
    depth -= 1;
    leave[vertex] = clock++;
  }
  return { enter, leave };
}
