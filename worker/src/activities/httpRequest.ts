import { lookup } from 'node:dns/promises';
import type { Logger } from 'pino';
import { appendTimelineEvent, type Store } from '../store';
import { httpRequestInputSchema } from './activityInputSchemas';
import type { HttpRequestInput, HttpRequestResult } from './activityTypes';
import { callHttp, type HttpCallDeps } from './httpRequestCall';
import type { ResolveHost } from './httpRequestDestination';

export interface HttpRequestDeps extends HttpCallDeps {
  store: Store;
  logger: Logger;
}

/** Every address of a host, as the system resolver (and so /etc/hosts) answers. */
export const resolveWithSystemDns: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

/**
 * Runs an HTTP request node's request and notes its outcome on the contact's timeline (once per
 * visit). A 4xx or 5xx is an answer, returned as `failed`; only a network error on a method safe
 * to repeat is thrown, for Temporal to retry.
 */
export async function httpRequest(deps: HttpRequestDeps, rawInput: HttpRequestInput): Promise<HttpRequestResult> {
  const input = httpRequestInputSchema.parse(rawInput);
  const log = deps.logger.child({ journeyId: input.journeyId, contactId: input.contactId, flowId: input.flowId, nodeId: input.nodeId });
  const { result, target } = await callHttp(deps, input);
  const what = target ?? `${input.method} request`;
  await appendTimelineEvent(deps.store, {
    _id: `http:${input.firstRunId}:${input.nodeId}:${input.visit}`,
    contactId: input.contactId,
    at: new Date(),
    channel: 'internal',
    direction: 'internal',
    kind: 'decision',
    body: result.reason === null ? `${what} → ${result.status}` : `${what} failed: ${result.reason}`,
    journeyId: input.journeyId,
    nodeId: input.nodeId,
    status: result.outcome,
  });
  log.info({ target, status: result.status, outcome: result.outcome, reason: result.reason }, 'http request made');
  return result;
}
