import type { Client } from '@temporalio/client';
import type { Store } from '@threadline/worker/store';
import type { FastifyBaseLogger } from 'fastify';
import type { JourneyRouting } from '../inbound/journeyRouting';
import type { CallTriggerIndex } from './callTriggerIndex';

/** What answering a call and its turns needs: the Twilio webhooks and the sandbox share it. */
export interface VoiceDeps {
  store: Store;
  temporal: Client;
  journeys: JourneyRouting;
  callFlows: CallTriggerIndex;
  logger: FastifyBaseLogger;
}
