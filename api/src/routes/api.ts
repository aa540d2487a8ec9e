import type { FastifyPluginAsync } from 'fastify';
import { routeNotFound } from '../errors/errorHandler';
import { contactsRoutes } from './contacts';
import { eventsRoutes } from './events';
import { flowLanguageRoutes } from './flowLanguage';
import { flowLibraryRoutes } from './flowLibrary';
import { flowsRoutes } from './flows';
import { flowStatsRoutes } from './flowStats';
import { healthRoutes } from './health';
import { journeySimulationRoutes } from './journeySimulation';
import { journeysRoutes } from './journeys';
import { journeyVersionsRoutes } from './journeyVersions';
import { sandboxRoutes } from './sandbox';
import { sandboxCallsRoutes } from './sandboxCalls';

/** Everything under `/api`: one plugin per area, and a JSON 404 for anything undeclared. */
export const apiRoutes: FastifyPluginAsync = async (app) => {
  app.setNotFoundHandler(routeNotFound);
  await app.register(healthRoutes);
  await app.register(flowLanguageRoutes);
  await app.register(flowsRoutes, { prefix: '/flows' });
  await app.register(flowStatsRoutes, { prefix: '/flows' });
  await app.register(flowLibraryRoutes, { prefix: '/flows/library' });
  await app.register(sandboxRoutes, { prefix: '/sandbox' });
  await app.register(sandboxCallsRoutes, { prefix: '/sandbox/calls' });
  await app.register(contactsRoutes, { prefix: '/contacts' });
  await app.register(eventsRoutes, { prefix: '/events' });
  // Its routes sit under /contacts, /flows and /journeys, so it takes no prefix of its own.
  await app.register(journeysRoutes);
  // POST /flows/:flowId/journeys/migrate and /contacts/:contactId/journeys/rerun.
  await app.register(journeyVersionsRoutes);
  // POST /journeys/:workflowId/skip-wait, for the builder's simulator and tests.
  await app.register(journeySimulationRoutes);
};
