import type { Client } from '@temporalio/client';
import type { Store } from '@threadline/worker/store';
import type { JourneyRouting } from './inbound/journeyRouting';
import type { TriggerIndex } from './inbound/triggerIndex';

/*
 * The dependencies buildApp decorates onto the Fastify instance. Routes reach them as
 * `app.store`, `app.temporal`, `app.triggerIndex`, `app.journeyRouting`: passed in by whoever built the app (main,
 * a test, a benchmark), never imported as singletons.
 */
declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    temporal: Client;
    triggerIndex: TriggerIndex;
    journeyRouting: JourneyRouting;
  }
}

export {};
