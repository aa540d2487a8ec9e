import type { FastifyPluginAsync } from 'fastify';
import '../appDependencies';

const CHECK_TIMEOUT_MS = 2_000;

type Check = 'ok' | 'down';

async function within<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /api/health`: 200 when Temporal and the database both answer, else 503 naming what is down. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', async (request, reply) => {
    const [temporal, database] = await Promise.all([
      within(CHECK_TIMEOUT_MS, () => app.temporal.connection.workflowService.getSystemInfo({})).then(
        (): Check => 'ok',
        (error: unknown): Check => {
          request.log.warn({ err: error }, 'health: Temporal is not answering');
          return 'down';
        },
      ),
      within(CHECK_TIMEOUT_MS, async () => {
        const db = app.store.connection.db;
        if (!db) throw new Error('not connected');
        await db.admin().ping();
      }).then(
        (): Check => 'ok',
        (error: unknown): Check => {
          request.log.warn({ err: error }, 'health: the database is not answering');
          return 'down';
        },
      ),
    ]);
    const healthy = temporal === 'ok' && database === 'ok';
    return reply.status(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'down', temporal, database });
  });
};
