import type { MessageChannel } from '@threadline/flows/types';
import type { Logger } from 'pino';
import type { ChannelProvider } from '../channels';
import type { Store } from '../store';
import type { JourneyActivities } from './activityTypes';
import { completeJourney } from './completeJourney';
import { createTemplateRenderer } from './renderTemplate';
import { sendMessage } from './sendMessage';

export interface ActivityDeps {
  store: Store;
  /** The sandbox serves every channel in this slice; real adapters join it later. */
  providers: { sandbox: ChannelProvider };
  logger: Logger;
}

/** The journey activities, built from their dependencies (style.md, rule 4). */
export function createActivities(deps: ActivityDeps): JourneyActivities {
  const render = createTemplateRenderer();
  const providerFor = (_channel: MessageChannel): ChannelProvider => deps.providers.sandbox;
  return {
    sendMessage: (input) => sendMessage({ store: deps.store, providerFor, render, logger: deps.logger }, input),
    completeJourney: (input) => completeJourney(deps.store, deps.logger, input),
  };
}
