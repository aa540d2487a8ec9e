import { FLOW_ID_PATTERN } from '@threadline/flows';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import '../appDependencies';
import { notFound } from '../errors/apiError';
import { parseRequest } from '../errors/parseRequest';
import { migrateJourneys } from '../journeys/migrateJourneys';
import { rerunJourney } from '../journeys/rerunJourney';
import { contactIdParam } from './contacts';

const flowIdParam = z.object({ flowId: z.string().regex(FLOW_ID_PATTERN, 'not a flow id') });
const version = z.number().int().positive();

const migrateBody = z
  .object({
    toVersion: version,
    dryRun: z.boolean().default(false),
    fromVersions: z.array(version).min(1).max(100).optional(),
  })
  .strict();

const rerunBody = z
  .object({
    // The pattern admits no quote or backslash: the id goes into a visibility query.
    flowId: z.string().regex(FLOW_ID_PATTERN, 'not a flow id'),
    version: version.optional(),
    nodeId: z.string().min(1).max(200),
  })
  .strict();

/**
 * Journeys across versions (issue 6, "Lifecycle"): move a flow's waiting journeys to a newer
 * published version (with a dry run that lists who would move where), and re-run one contact
 * from a chosen node on a chosen version. Registered at `/api`: the routes sit under `/flows`
 * and `/contacts`.
 */
export const journeyVersionsRoutes: FastifyPluginAsync = async (app) => {
  const { store, temporal } = app;

  app.post('/flows/:flowId/journeys/migrate', async (request) => {
    const { flowId } = parseRequest(flowIdParam, request.params, 'params');
    const body = parseRequest(migrateBody, request.body ?? {}, 'body');
    if (!(await store.flows.exists({ _id: flowId }))) throw notFound('flow', flowId);
    const answer = await migrateJourneys({ store, temporal }, { flowId, ...body });
    if (!answer.dryRun) request.log.info({ flowId, toVersion: body.toVersion, moved: answer.moved.length, skipped: answer.skipped.length }, 'journeys moved');
    return answer;
  });

  app.post('/contacts/:contactId/journeys/rerun', async (request, reply) => {
    const { contactId } = parseRequest(contactIdParam, request.params, 'params');
    const body = parseRequest(rerunBody, request.body ?? {}, 'body');
    const journey = await rerunJourney({ store, temporal, journeys: app.journeyRouting, logger: request.log }, { contactId, ...body });
    return reply.status(201).send({ journey });
  });
};
