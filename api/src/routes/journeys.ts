import { WorkflowNotFoundError } from '@temporalio/client';
import { FLOW_ID_PATTERN } from '@threadline/flows';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import '../appDependencies';
import { notFound } from '../errors/apiError';
import { parseRequest } from '../errors/parseRequest';
import { journeySummaryOf } from '../journeys/journeySummary';
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
 * one journey with the path it took. Registered at `/api` because its routes sit under
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
    let info;
    try {
      info = await temporal.workflow.getHandle(workflowId).describe();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound('journey', workflowId);
      throw error;
    }
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
};
