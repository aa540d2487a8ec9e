import { flowDefinitionJsonSchema } from '@threadline/flows';
import type { FastifyPluginAsync } from 'fastify';
import { catalogView } from '../flows/catalogView';

let definitionSchema: Record<string, unknown> | undefined;

/**
 * The flow language as data, for the builder, the API docs and other tooling: the node catalog
 * (`/api/catalog`) and the definition's JSON Schema (`/api/schema/flow-definition.json`, the
 * same as the file the package publishes). Under /api/schema rather than /api/flows/schema, so
 * no flow id is shadowed.
 */
export const flowLanguageRoutes: FastifyPluginAsync = async (app) => {
  app.get('/catalog', async () => catalogView());

  app.get('/schema/flow-definition.json', async (_request, reply) => {
    definitionSchema ??= flowDefinitionJsonSchema();
    return reply.type('application/schema+json; charset=utf-8').send(definitionSchema);
  });
};
