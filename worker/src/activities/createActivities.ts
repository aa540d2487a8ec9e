import { renderTemplate } from '@threadline/flows/runtime';
import type { MessageChannel } from '@threadline/flows/types';
import type { Logger } from 'pino';
import type { ChannelProvider } from '../channels';
import { createNodeStatsWriter, type NodeStatsBatch, type Store } from '../store';
import type { JourneyActivities } from './activityTypes';
import { carryNodeStats } from './carryNodeStats';
import { completeJourney } from './completeJourney';
import { httpRequest, resolveWithSystemDns } from './httpRequest';
import { loadSubflow } from './loadSubflow';
import { placeCall } from './placeCall';
import type { ResolveHost } from './httpRequestDestination';
import { emptyHttpRequestSettings, type HttpRequestSettings } from './httpRequestSettings';
import type { ComplianceSettings } from './compliance/complianceSettings';
import { sendMessage } from './sendMessage';
import { createSendTurns } from './sendThrottle';
import { createThrottle } from './throttle';
import type { SendRates } from './throttleRates';
import { updateContact } from './updateContact';

export interface ActivityDeps {
  store: Store;
  /** The sandbox serves every channel in this slice; real adapters join it later. */
  providers: { sandbox: ChannelProvider };
  logger: Logger;
  /** Allow-list and secrets of HTTP request nodes; without it no private address and no secret. */
  httpRequests?: HttpRequestSettings;
  /** How hostnames resolve; the system resolver unless given. */
  resolveHost?: ResolveHost;
  /** Quiet hours and the frequency cap enforced at send time (quiet hours also hold calls); none unless given. */
  compliance?: ComplianceSettings;
  /** Sends per provider (THREADLINE_SEND_RATE, throttleRates.ts); unthrottled unless given. */
  sendRates?: SendRates;
}

/** The journey activities, built from their dependencies (style.md, rule 4). */
export function createActivities(deps: ActivityDeps): JourneyActivities {
  const providerFor = (_channel: MessageChannel): ChannelProvider => deps.providers.sandbox;
  // One set of token buckets per worker: the send and HTTP limits hold per worker process.
  const throttle = createThrottle();
  const awaitSendTurn = deps.sendRates ? createSendTurns(throttle, deps.sendRates) : undefined;
  // The builder's per-node counts ride on these activities, applied in order per worker (store/nodeStats.ts).
  const applyNodeStats = createNodeStatsWriter(deps.store);
  const carry = <Input extends { nodeStats?: NodeStatsBatch | undefined }, Result>(activity: (input: Input) => Promise<Result>) =>
    carryNodeStats(applyNodeStats, deps.logger, activity);
  return {
    // The flow language's one render function: a body renders as the builder previews it and
    // as the workflow's splits read their inputs.
    sendMessage: carry((input) =>
      sendMessage(
        {
          store: deps.store,
          providerFor,
          render: renderTemplate,
          logger: deps.logger,
          ...(deps.compliance ? { compliance: deps.compliance } : {}),
          ...(awaitSendTurn ? { awaitSendTurn } : {}),
        },
        input,
      ),
    ),
    completeJourney: carry((input) => completeJourney(deps.store, deps.logger, input)),
    httpRequest: carry((input) =>
      httpRequest(
        {
          store: deps.store,
          logger: deps.logger,
          settings: deps.httpRequests ?? emptyHttpRequestSettings,
          resolve: deps.resolveHost ?? resolveWithSystemDns,
          render: renderTemplate,
          throttle,
        },
        input,
      ),
    ),
    updateContact: carry((input) => updateContact(deps.store, deps.logger, input)),
    loadSubflow: (input) => loadSubflow(deps.store, input),
    // Calls go through the same provider as sends (the sandbox in this slice), under the same quiet hours.
    placeCall: carry((input) =>
      placeCall(
        {
          store: deps.store,
          provider: deps.providers.sandbox,
          render: renderTemplate,
          logger: deps.logger,
          ...(deps.compliance ? { compliance: deps.compliance } : {}),
        },
        input,
      ),
    ),
  };
}
