import { FLOW_ID_PATTERN } from '@threadline/flows';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import '../appDependencies';
import { notFound } from '../errors/apiError';
import { parseRequest } from '../errors/parseRequest';
import { cancelFlowJourneys, cancelJourney } from '../journeys/cancelJourneys';
import { describeJourney } from '../journeys/describeJourney';
import { journeySummaryOf } from '../journeys/journeySummary';
import { journeyTraceOf } from '../journeys/journeyTrace';
import { journeyWorkflowIdParam } from '../journeys/journeyWorkflowIdParam';
import { listJourneys } from '../journeys/listJourneys';
import { readJourneyState, readRunningJourneyState } from '../journeys/readJourneyState';
import { contactIdParam } from './contacts';

const MAX_CONTACT_JOURNEYS = 100;

// The patterns admit no quote or backslash, so the ids are safe inside a visibility query.
const flowIdParam = z.object({ flowId: z.string().regex(FLOW_ID_PATTERN, 'not a flow id') });
const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/**
 * Journeys, from Temporal's visibility by their search attributes: a contact's, a flow's, and
 * one journey with the path it took and its trace; and cancelling one or all of a flow's. Registered at `/api` because its routes sit under
 * `/contacts`, `/flows` and `/journeys`.
 */
export const journeysRoutes: FastifyPluginAsync = async (app) => {
  const { store, temporal } = app;

  app.get('/contacts/:contactId/journeys', async (request) => {
    const { contactId } = parseRequest(contactIdParam, request.params, 'params');
    if (!(await store.contacts.exists({ _id: contactId }))) throw notFound('contact', contactId);
    const infos = await listJourneys(temporal, `ContactId = "${contactId}"`, MAX_CONTACT_JOURNEYS);
    const journeys = await Promise.all(
      infos.map(async (info) => ({ ...journeySummaryOf(info), ...(await readRunningJourneyState(temporal, info)) })),
    );
    return { journeys };
  });

  app.get('/flows/:flowId/journeys', async (request) => {
    const { flowId } = parseRequest(flowIdParam, request.params, 'params');
    const { limit } = parseRequest(listQuery, request.query, 'query');
    if (!(await store.flows.exists({ _id: flowId }))) throw notFound('flow', flowId);
    const infos = await listJourneys(temporal, `FlowId = "${flowId}"`, limit);
    return { journeys: infos.map(journeySummaryOf) };
  });

  app.get('/journeys/:workflowId', async (request) => {
    const { workflowId } = parseRequest(journeyWorkflowIdParam, request.params, 'params');
    const info = await describeJourney(temporal, workflowId);
    const summary = journeySummaryOf(info);
    const reading = await readJourneyState(temporal, info);
    const { state } = reading;
    return {
      journey: {
        ...summary,
        // The workflow's own word is fresher than visibility, which is updated asynchronously.
        currentNode: state ? state.currentNodeId : summary.currentNode,
        journeyStatus: state ? state.status : summary.journeyStatus,
        path: state?.path ?? [],
        pendingWait: state?.pendingWait ?? null,
        outcome: state?.outcome ?? null,
        vars: state?.vars ?? {},
        stateError: 'stateError' in reading ? reading.stateError : null,
      },
    };
  });

  app.get('/journeys/:workflowId/trace', async (request) => {
    const { workflowId } = parseRequest(journeyWorkflowIdParam, request.params, 'params');
    const info = await describeJourney(temporal, workflowId);
    return journeyTraceOf(journeySummaryOf(info), await readJourneyState(temporal, info));
  });

  // 202: Temporal has the request; the workflow frees the contact and notes it on the timeline.
  app.post('/journeys/:workflowId/cancel', async (request, reply) => {
    const { workflowId } = parseRequest(journeyWorkflowIdParam, request.params, 'params');
    const info = await describeJourney(temporal, workflowId);
    await cancelJourney(temporal, info);
    return reply.status(202).send({ journey: { workflowId, runId: info.runId, cancelRequested: true } });
  });

  app.post('/flows/:flowId/journeys/cancel', async (request, reply) => {
    const { flowId } = parseRequest(flowIdParam, request.params, 'params');
    if (!(await store.flows.exists({ _id: flowId }))) throw notFound('flow', flowId);
    const cancelled = await cancelFlowJourneys(temporal, flowId);
    return reply.status(202).send({ flowId, cancelled });
  });
};
