import type { FastifyInstance } from 'fastify';
import { TWO_SENDS_FLOW_ID, twoSendsFlow } from './twoSendsFlow';

/** Creates and publishes the two-sends flow over the API, as an admin would. */
export async function publishTwoSendsFlow(app: FastifyInstance): Promise<void> {
  const definition = twoSendsFlow();
  const created = await app.inject({ method: 'POST', url: '/api/flows', payload: { id: TWO_SENDS_FLOW_ID, name: definition.name, definition } });
  if (created.statusCode !== 201) throw new Error(`creating ${TWO_SENDS_FLOW_ID} answered ${created.statusCode}: ${created.body}`);
  const published = await app.inject({ method: 'POST', url: `/api/flows/${TWO_SENDS_FLOW_ID}/publish` });
  if (published.statusCode !== 201) throw new Error(`publishing ${TWO_SENDS_FLOW_ID} answered ${published.statusCode}: ${published.body}`);
}
