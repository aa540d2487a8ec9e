import { canonicalFlowJson, flowLibrary } from '@threadline/flows';
import { isDuplicateKeyError } from '@threadline/worker/store';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import '../appDependencies';
import { ApiError, notFound } from '../errors/apiError';
import { parseRequest } from '../errors/parseRequest';
import { toFlowView } from '../flows/flowViews';

const libraryIdParam = z.object({ libraryId: z.string().min(1) });

/** The templates gallery: ready-made flows, and installing one as a new flow's draft. */
export const flowLibraryRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', async () => ({
    flows: flowLibrary.map(({ id, name, description }) => ({ id, name, description })),
  }));

  app.post('/:libraryId/install', async (request, reply) => {
    const { libraryId } = parseRequest(libraryIdParam, request.params, 'params');
    const entry = flowLibrary.find((candidate) => candidate.id === libraryId);
    if (!entry) throw notFound('library flow', libraryId);
    try {
      const created = await app.store.flows.create({
        _id: entry.id,
        name: entry.name,
        draftJson: canonicalFlowJson(entry.definition),
      });
      request.log.info({ flowId: entry.id }, 'library flow installed');
      return reply.status(201).send({ flow: toFlowView(created.toObject()) });
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw new ApiError(409, 'flow-exists', `a flow with id "${entry.id}" already exists; open it instead`);
      }
      throw error;
    }
  });
};
