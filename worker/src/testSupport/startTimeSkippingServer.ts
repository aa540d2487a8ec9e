import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { ensureTestServer } from '@threadline/stack';
import { journeySearchAttributes } from '../journeys/contract';

const indexedType = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Int: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
  KeywordList: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
} as const;

/**
 * Temporal's time-skipping test server (installed once by the stack), ready for journeys: it
 * starts with no custom search attributes, and the journey keeps its own, so they are
 * registered here. Tear it down with `teardown()`.
 */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  const path = await ensureTestServer();
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(Object.entries(journeySearchAttributes).map(([name, type]) => [name, indexedType[type]])),
  });
  return env;
}
