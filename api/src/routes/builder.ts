import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { routeNotFound } from '../errors/errorHandler';

export interface BuilderRoutesOptions {
  /** The built builder (`npm run build:ui`); served at `/`. */
  builderDist: string;
}

function wantsPage(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return (request.method === 'GET' || request.method === 'HEAD') && path !== '/api' && !path.startsWith('/api/');
}

/**
 * Serves the builder's built files at `/`. The builder routes on the client, so any other page
 * URL (`/flows/missed-call`) answers index.html; only `/api/*` keeps its JSON 404. Without a
 * build, `/` says how to make one instead of a bare 404.
 */
export const builderRoutes: FastifyPluginAsync<BuilderRoutesOptions> = async (app, options) => {
  const dist = options.builderDist;
  const built = existsSync(join(dist, 'index.html'));

  if (built) {
    await app.register(fastifyStatic, { root: dist, prefix: '/', wildcard: true, index: ['index.html'] });
  }

  const missingBuild = (reply: FastifyReply) =>
    reply
      .status(503)
      .type('text/plain; charset=utf-8')
      .send(`The builder is not built yet (looked in ${dist}).\nRun \`npm run build:ui\`, then reload; the API is at /api.\n`);

  if (!built) app.get('/', (_request, reply) => missingBuild(reply));

  app.setNotFoundHandler((request, reply) => {
    if (!wantsPage(request)) return routeNotFound(request, reply);
    return built ? reply.type('text/html; charset=utf-8').sendFile('index.html') : missingBuild(reply);
  });
};
