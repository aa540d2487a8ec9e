import { renderTemplate } from '@threadline/flows/runtime';
import type { MessageChannel } from '@threadline/flows/types';
import type { Logger } from 'pino';
import type { ChannelProvider } from '../channels';
import type { Store } from '../store';
import type { JourneyActivities } from './activityTypes';
import { completeJourney } from './completeJourney';
import { httpRequest, resolveWithSystemDns } from './httpRequest';
import type { ResolveHost } from './httpRequestDestination';
import { emptyHttpRequestSettings, type HttpRequestSettings } from './httpRequestSettings';
import type { ComplianceSettings } from './compliance/complianceSettings';
import { sendMessage } from './sendMessage';
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
  /** Quiet hours and the frequency cap enforced at send time; none unless given. */
  compliance?: ComplianceSettings;
}

/** The journey activities, built from their dependencies (style.md, rule 4). */
export function createActivities(deps: ActivityDeps): JourneyActivities {
  const providerFor = (_channel: MessageChannel): ChannelProvider => deps.providers.sandbox;
  return {
    // The flow language's one render function: a body renders as the builder previews it and
    // as the workflow's splits read their inputs.
    sendMessage: (input) =>
      sendMessage({ store: deps.store, providerFor, render: renderTemplate, logger: deps.logger, ...(deps.compliance ? { compliance: deps.compliance } : {}) }, input),
    completeJourney: (input) => completeJourney(deps.store, deps.logger, input),
    httpRequest: (input) =>
      httpRequest(
        {
          store: deps.store,
          logger: deps.logger,
          settings: deps.httpRequests ?? emptyHttpRequestSettings,
          resolve: deps.resolveHost ?? resolveWithSystemDns,
          render: renderTemplate,
        },
        input,
      ),
    updateContact: (input) => updateContact(deps.store, deps.logger, input),
  };
}
