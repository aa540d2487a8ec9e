import { canonicalFlowJson, isPublishable } from '@threadline/flows';
import { isDuplicateKeyError, type Store } from '@threadline/worker/store';
import { ApiError, notFound } from '../errors/apiError';
import { readStoredDefinition, readStoredDraft } from './storedDefinition';
import { validateAgainstStore } from './validateAgainstStore';

export interface Published {
  version: number;
  publishedAt: Date;
}

/**
 * Publishes a flow's draft as the next immutable version. The version's `_id` is
 * `<flowId>@<n>`, so of two concurrent publishes that both picked n, one insert fails on the
 * unique key and is answered 409 rather than overwriting the other.
 */
export async function publishFlow(store: Store, flowId: string): Promise<Published> {
  const flow = await store.flows.findById(flowId).lean();
  if (!flow) throw notFound('flow', flowId);
  const issues = await validateAgainstStore(store, readStoredDraft(flow.draftJson, `of flow ${flowId}`));
  if (!isPublishable(issues)) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    throw new ApiError(422, 'flow-invalid', `the draft has ${errors.length} problem(s) to fix before it can be published`, {
      issues,
    });
  }

  // Publishable means every config passed its schema, so the strict read succeeds.
  const definition = readStoredDefinition(flow.draftJson, `of flow ${flowId}`);
  const latest = await store.flowVersions.find({ flowId }, { version: 1 }).sort({ version: -1 }).limit(1).lean();
  const version = (latest[0]?.version ?? 0) + 1;
  const publishedAt = new Date();
  try {
    await store.flowVersions.create({
      _id: `${flowId}@${version}`,
      flowId,
      version,
      definitionJson: canonicalFlowJson(definition),
      publishedAt,
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) {
      throw new ApiError(409, 'publish-conflict', `version ${version} of "${flowId}" was published concurrently; try again`);
    }
    throw error;
  }
  // Only ever move forward: a slower concurrent publish of an older number must not win.
  await store.flows.updateOne(
    { _id: flowId, $or: [{ publishedVersion: null }, { publishedVersion: { $lt: version } }] },
    { $set: { publishedVersion: version } },
  );
  return { version, publishedAt };
}
