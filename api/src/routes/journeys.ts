import type { WorkflowExecutionInfo } from '@temporalio/client';
import { STATE_QUERY, type JourneyState } from '@threadline/worker/contract';
import type { FastifyPluginAsync } from 'fastify';
import '../appDependencies';
import { notFound } from '../errors/apiError';
import { parseRequest } from '../errors/parseRequest';
import { journeySearchAttributeKeys as journeyKeys } from '@threadline/worker/contract';
import { contactIdParam } from './contacts';

/** A query needs a worker to answer; without one it would wait for the RPC's long default. */
const STATE_QUERY_TIMEOUT_MS = 2_000;
const MAX_JOURNEYS = 100;

/** A contact's journeys, from Temporal's visibility by the ContactId search attribute. */
export const journeysRoutes: FastifyPluginAsync = async (app) => {
  const { temporal } = app;

  async function stateOf(info: WorkflowExecutionInfo): Promise<{ state: JourneyState | null; stateError?: string }> {
    if (info.status.name !== 'RUNNING') return { state: null };
    try {
      const handle = temporal.workflow.getHandle(info.workflowId, info.runId);
      const state = await temporal.withDeadline(Date.now() + STATE_QUERY_TIMEOUT_MS, () =>
        handle.query<JourneyState>(STATE_QUERY),
      );
      return { state };
    } catch (error) {
      return { state: null, stateError: error instanceof Error ? error.message : String(error) };
    }
  }

  app.get('/:contactId/journeys', async (request) => {
    // The param schema only admits [A-Za-z0-9_-], so it is safe inside the visibility query.
    const { contactId } = parseRequest(contactIdParam, request.params, 'params');
    if (!(await app.store.contacts.exists({ _id: contactId }))) throw notFound('contact', contactId);
    const infos: WorkflowExecutionInfo[] = [];
    for await (const info of temporal.workflow.list({ query: `ContactId = "${contactId}"`, pageSize: MAX_JOURNEYS })) {
      infos.push(info);
      if (infos.length >= MAX_JOURNEYS) break;
    }
    const journeys = await Promise.all(
      infos.map(async (info) => ({
        workflowId: info.workflowId,
        runId: info.runId,
        status: info.status.name,
        flowId: info.typedSearchAttributes.get(journeyKeys.FlowId) ?? null,
        flowVersion: info.typedSearchAttributes.get(journeyKeys.FlowVersion) ?? null,
        currentNode: info.typedSearchAttributes.get(journeyKeys.CurrentNode) ?? null,
        journeyStatus: info.typedSearchAttributes.get(journeyKeys.JourneyStatus) ?? null,
        startTime: info.startTime.toISOString(),
        closeTime: info.closeTime?.toISOString() ?? null,
        ...(await stateOf(info)),
      })),
    );
    return { journeys };
  });
};
