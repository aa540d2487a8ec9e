import { startForSuite } from '@threadline/worker/start-for-suite';
import { expect } from 'vitest';
import { startApiUnderTest, type ApiUnderTest, type ApiUnderTestOptions } from './startApiUnderTest';

export interface ApiSuiteOptions extends ApiUnderTestOptions {
  /** Flows installed from the library and published before the tests, so what the tests send starts their journeys. */
  publishedLibraryFlows?: readonly string[];
}

/**
 * The API under test for a suite: started before its tests with its library flows published,
 * stopped after them. `api` is there inside the tests; `call` is `api.call`, to hand around.
 */
export function useApiUnderTest(options: ApiSuiteOptions = {}): { api: Omit<ApiUnderTest, 'stop'>; call: ApiUnderTest['call'] } {
  const { publishedLibraryFlows = [], ...apiOptions } = options;
  const api = startForSuite(
    'the API under test',
    async () => {
      const started = await startApiUnderTest(apiOptions);
      try {
        for (const flowId of publishedLibraryFlows) await publishLibraryFlow(started, flowId);
      } catch (error) {
        await started.stop();
        throw error;
      }
      return started;
    },
    // With the worker, its workflows are bundled first, which takes longer.
    { timeoutMs: apiOptions.worker ? 180_000 : 120_000 },
  );
  return { api, call: (method, url, payload) => api.call(method, url, payload) };
}

async function publishLibraryFlow(api: ApiUnderTest, flowId: string): Promise<void> {
  const installed = await api.call('POST', `/api/flows/library/${flowId}/install`);
  expect(installed.status, JSON.stringify(installed.body)).toBe(201);
  const published = await api.call('POST', `/api/flows/${flowId}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(201);
}
