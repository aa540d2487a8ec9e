import { ActivityFailure } from '@temporalio/workflow';
import type { FlowNodeOf } from '@threadline/flows/types';
import type { HttpRequestResult } from '../../activities/activityTypes';
import { httpRequest } from '../journeyActivities';
import type { JourneyRun } from '../journeyRun';
import { readResponsePath } from './httpRequestResponsePath';
import { httpRequestSummary } from './httpRequestSummary';

/**
 * POST and PATCH may act twice if sent twice: they get one attempt, and a lost answer takes
 * `failed`. The others are retried on network errors (see the proxy's policy).
 */
const NOT_REPEATABLE = new Set(['POST', 'PATCH']);

/**
 * One activity that renders the templates with the worker's secrets (so they stay out of the
 * history) and calls the service; its outcome is the output the journey takes. The response
 * is `nodes.<id>.{status, body, headers}` and the node's "save to variables" copies from it.
 */
export async function runHttpRequest(node: FlowNodeOf<'httpRequest'>, run: JourneyRun, visit: number): Promise<string> {
  const { config } = node;
  let result: HttpRequestResult;
  try {
    result = await httpRequest.executeWithOptions(
      {
        summary: httpRequestSummary(config.method, config.url),
        ...(NOT_REPEATABLE.has(config.method) ? { retry: { maximumAttempts: 1 } } : {}),
      },
      [
        run.nodeStats.attach({
          journeyId: run.journeyId,
          firstRunId: run.firstRunId,
          flowId: run.input.flowId,
          nodeId: node.id,
          visit,
          contactId: run.input.contactId,
          method: config.method,
          url: config.url,
          headers: config.headers.map(({ name, value }) => ({ name, value })),
          ...(config.body === undefined ? {} : { body: config.body }),
          contentType: config.contentType,
          timeoutSeconds: config.timeoutSeconds,
          context: { ...run.context },
        }),
      ],
    );
  } catch (error) {
    // Retries exhausted, or the one attempt of a POST lost: the flow routes on `failed`.
    if (!(error instanceof ActivityFailure)) throw error;
    result = { outcome: 'failed', status: 0, body: null, headers: {}, reason: error.cause?.message ?? error.message };
  }
  const response = { status: result.status, body: result.body, headers: result.headers };
  run.context.nodes[node.id] = response;
  for (const saved of config.saveToVariables) run.context.vars[saved.name] = readResponsePath(response, saved.from);
  return result.outcome;
}
