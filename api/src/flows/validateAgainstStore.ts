import { flowInterfaceSchema, validateFlow, type ResolveFlow, type ResolvedSubflow } from '@threadline/flows';
import type { FlowDefinition, FlowInterface, ValidationIssue } from '@threadline/flows/types';
import type { Store } from '@threadline/worker/store';

/**
 * Validates a definition as the API must: with every rule the CLI checks offline, plus the
 * subflow checks, which need the other flows. The flows its subflow nodes name are fetched up
 * front (validation itself is synchronous), in two queries whatever the number of nodes.
 */
export async function validateAgainstStore(store: Store, definition: FlowDefinition): Promise<ValidationIssue[]> {
  const targets = await fetchSubflowTargets(store, subflowTargetIds(definition));
  return validateFlow(definition, { resolveFlow: (flowId) => targets.get(flowId) });
}

/** The flow ids subflow nodes name; a draft's config may be mid-edit, so each is checked. */
function subflowTargetIds(definition: FlowDefinition): string[] {
  const ids = new Set<string>();
  for (const node of definition.nodes) {
    if (node.type !== 'subflow') continue;
    const flowId: unknown = (node.config as { flowId?: unknown }).flowId;
    if (typeof flowId === 'string' && flowId !== '') ids.add(flowId);
  }
  return [...ids];
}

/**
 * Each named flow that exists, with its published version numbers and its interface: that of
 * the newest published version, which is what "latest" runs, or the draft's while it was
 * never published (the version check then reports it anyway).
 */
async function fetchSubflowTargets(store: Store, flowIds: readonly string[]): Promise<Map<string, ResolvedSubflow>> {
  const targets = new Map<string, ResolvedSubflow>();
  if (flowIds.length === 0) return targets;
  const [flows, versions] = await Promise.all([
    store.flows.find({ _id: { $in: flowIds } }, { draftJson: 1 }).lean(),
    store.flowVersions.find({ flowId: { $in: flowIds } }, { flowId: 1, version: 1 }).lean(),
  ]);
  const publishedOf = new Map<string, number[]>();
  for (const { flowId, version } of versions) publishedOf.set(flowId, [...(publishedOf.get(flowId) ?? []), version]);
  // Only the newest version's definition is read, by `_id`: old versions may be many and large.
  const newestIds = [...publishedOf].map(([flowId, numbers]) => `${flowId}@${Math.max(...numbers)}`);
  const newest = newestIds.length === 0 ? [] : await store.flowVersions.find({ _id: { $in: newestIds } }, { flowId: 1, definitionJson: 1 }).lean();
  const newestJson = new Map(newest.map((version) => [version.flowId, version.definitionJson]));
  for (const flow of flows) {
    targets.set(flow._id, {
      interface: interfaceOf(newestJson.get(flow._id) ?? flow.draftJson),
      publishedVersions: (publishedOf.get(flow._id) ?? []).sort((a, b) => a - b),
    });
  }
  return targets;
}

/** The interface a stored definition declares; none when it declares none (or is unreadable). */
function interfaceOf(json: string): FlowInterface | undefined {
  let definition: unknown;
  try {
    definition = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof definition !== 'object' || definition === null) return undefined;
  const parsed = flowInterfaceSchema.safeParse((definition as { interface?: unknown }).interface);
  return parsed.success ? parsed.data : undefined;
}
