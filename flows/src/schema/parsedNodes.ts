import type { FlowNode } from '../types';

/*
 * parseFlowDefinition checks every node's config against its catalog schema; validateFlow, run
 * on the result right after (the API's save, the CLI), would check each config again, which is
 * a third of its time on a big flow. So a successful parse remembers the config objects it
 * produced, with the type each was checked as, and validation takes those configs at their word.
 *
 * Keyed by object identity, in a WeakMap (nothing is kept alive): only the very objects zod
 * returned count, so a definition from the canvas (canvasToDefinition copies every config), from
 * JSON, from a draft parse or built by hand is checked for real. Replacing a node's config or
 * changing its type is noticed; changing a parsed config in place is not — parsed definitions
 * are treated as values, not edited in place (copy one, e.g. with structuredClone, to edit it).
 */
const parsedConfigs = new WeakMap<object, string>();

/** Called by parseFlowDefinition with the nodes of a definition whose every config passed its schema. */
export function rememberParsedNodes(nodes: readonly FlowNode[]): void {
  for (const node of nodes) {
    const config: unknown = node.config;
    if (typeof config === 'object' && config !== null) parsedConfigs.set(config, node.type);
  }
}

/** True when `node`'s config is one a successful parseFlowDefinition returned, for a node of this same type. */
export function isParsedNode(node: { readonly type: string; readonly config: unknown }): boolean {
  const config = node.config;
  return typeof config === 'object' && config !== null && parsedConfigs.get(config) === node.type;
}
