import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFerretDB, freePort, retryOnPortClash, startFerretDB } from '@threadline/stack';
import { connectStore, type Store } from '../store';

export interface ThrowawayStore {
  store: Store;
  stop(): Promise<void>;
}

/**
 * FerretDB alone on a free port with a throwaway data dir, and the store on it: for suites
 * whose Temporal is the time-skipping test server and need no dev server.
 */
export async function startThrowawayStore(): Promise<ThrowawayStore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'threadline-store-'));
  try {
    const binary = await ensureFerretDB();
    const ferret = await retryOnPortClash(async () => startFerretDB({ binary, dataDir, port: await freePort() }));
    const store = await connectStore(ferret.uri).catch(async (error: unknown) => {
      await ferret.stop();
      throw error;
    });
    return {
      store,
      async stop() {
        await store.connection.close();
        await ferret.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
