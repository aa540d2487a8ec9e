import { canonicalFlowJson, isPublishable, FLOW_ID_PATTERN } from '@threadline/flows';
import { isDuplicateKeyError } from '@threadline/worker/store';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import '../appDependencies';
import { ApiError, notFound } from '../errors/apiError';
import { parseRequest } from '../errors/parseRequest';
import { emptyDraft } from '../flows/emptyDraft';
import { flowIdFromName, isReservedFlowId } from '../flows/flowIdFromName';
import { toFlowSummary, toFlowView, toVersionSummary } from '../flows/flowViews';
import { parseDefinitionInput } from '../flows/parseDefinitionInput';
import { publishFlow } from '../flows/publishFlow';
import { readStoredDefinition, readStoredDraft } from '../flows/storedDefinition';
import { validateAgainstStore } from '../flows/validateAgainstStore';

const flowIdParam = z.object({ flowId: z.string().min(1) });
const versionParams = flowIdParam.extend({ version: z.coerce.number().int().positive() });
const createBody = z.object({
  name: z.string().trim().min(1, 'give the flow a name').max(200),
  id: z.string().regex(FLOW_ID_PATTERN, 'use 1-63 lower-case letters, digits or "-"').optional(),
  definition: z.unknown().optional(),
});
const draftBody = z.object({ definition: z.unknown().refine((value) => value !== undefined, 'is missing') });

/** Flows: drafts that may be incomplete, validation, and immutable numbered published versions. */
export const flowsRoutes: FastifyPluginAsync = async (app) => {
  const { store } = app;

  async function findFlow(flowId: string) {
    const flow = await store.flows.findById(flowId).lean();
    if (!flow) throw notFound('flow', flowId);
    return flow;
  }

  app.get('/', async () => {
    const flows = await store.flows.find({}, { name: 1, publishedVersion: 1, updatedAt: 1 }).sort({ _id: 1 }).lean();
    return { flows: flows.map(toFlowSummary) };
  });

  app.post('/', async (request, reply) => {
    const body = parseRequest(createBody, request.body, 'body');
    if (body.id !== undefined && isReservedFlowId(body.id)) {
      throw new ApiError(400, 'invalid-request', `body.id: "${body.id}" is reserved; choose another id`, { path: 'body.id' });
    }
    const id = body.id ?? (await flowIdFromName(store, body.name));
    const definition =
      body.definition === undefined
        ? emptyDraft(id, body.name)
        : { ...parseDefinitionInput(body.definition, 'body.definition'), id, name: body.name };
    try {
      const created = await store.flows.create({ _id: id, name: body.name, draftJson: canonicalFlowJson(definition) });
      return reply.status(201).send({ flow: toFlowView(created.toObject()) });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ApiError(409, 'flow-exists', `a flow with id "${id}" already exists`, { path: 'body.id' });
      throw error;
    }
  });

  app.get('/:flowId', async (request) => {
    const { flowId } = parseRequest(flowIdParam, request.params, 'params');
    const flow = toFlowView(await findFlow(flowId));
    return { flow, issues: await validateAgainstStore(store, flow.draft) };
  });

  app.put('/:flowId/draft', async (request) => {
    const { flowId } = parseRequest(flowIdParam, request.params, 'params');
    const body = parseRequest(draftBody, request.body, 'body');
    await findFlow(flowId);
    // The URL names the flow: a definition pasted from another flow is saved under this one.
    const definition = { ...parseDefinitionInput(body.definition, 'body.definition'), id: flowId };
    const saved = await store.flows
      .findOneAndUpdate(
        { _id: flowId },
        { $set: { name: definition.name, draftJson: canonicalFlowJson(definition) } },
        { returnDocument: 'after' },
      )
      .lean();
    if (!saved) throw notFound('flow', flowId);
    return { flow: toFlowView(saved), issues: await validateAgainstStore(store, definition) };
  });

  app.post('/:flowId/validate', async (request) => {
    const { flowId } = parseRequest(flowIdParam, request.params, 'params');
    const flow = await findFlow(flowId);
    const issues = await validateAgainstStore(store, readStoredDraft(flow.draftJson, `of flow ${flowId}`));
    return { publishable: isPublishable(issues), issues };
  });

  app.post('/:flowId/publish', async (request, reply) => {
    const { flowId } = parseRequest(flowIdParam, request.params, 'params');
    const published = await publishFlow(store, flowId);
    await app.triggerIndex.refresh();
    request.log.info({ flowId, flowVersion: published.version }, 'flow published');
    return reply.status(201).send(toVersionSummary(published));
  });

  app.get('/:flowId/versions', async (request) => {
    const { flowId } = parseRequest(flowIdParam, request.params, 'params');
    await findFlow(flowId);
    const versions = await store.flowVersions.find({ flowId }, { version: 1, publishedAt: 1 }).sort({ version: 1 }).lean();
    return { versions: versions.map(toVersionSummary) };
  });

  app.get('/:flowId/versions/:version', async (request) => {
    const { flowId, version } = parseRequest(versionParams, request.params, 'params');
    const found = await store.flowVersions.findById(`${flowId}@${version}`).lean();
    if (!found) throw notFound('version', `${flowId}@${version}`);
    return { ...toVersionSummary(found), definition: readStoredDefinition(found.definitionJson, found._id) };
  });
};
