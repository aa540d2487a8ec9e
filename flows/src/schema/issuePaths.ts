/*
 * Paths in validation issues name nodes by id, not by array index: `nodes[n_send].config.template`
 * still points at the right node after the list is reordered, and reads like the canvas.
 */

export function nodePath(nodeId: string): string {
  return `nodes[${nodeId}]`;
}

/** Renders path segments as `a.b[0].c`, with `nodes[<id>]` and `layout[<id>]` for nodes. */
export function formatPath(segments: readonly PropertyKey[], nodeIdAt: (index: number) => string | undefined): string {
  let path = '';
  segments.forEach((segment, position) => {
    const parent = position === 1 ? segments[0] : undefined;
    if (parent === 'nodes' && typeof segment === 'number') {
      path += `[${nodeIdAt(segment) ?? segment}]`;
    } else if (parent === 'layout' && typeof segment === 'string') {
      path += `[${segment}]`;
    } else if (typeof segment === 'number') {
      path += `[${segment}]`;
    } else {
      const name = String(segment);
      const plain = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
      path += plain ? (path === '' ? name : `.${name}`) : `[${JSON.stringify(name)}]`;
    }
  });
  return path;
}
