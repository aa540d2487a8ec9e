import type { Client, WorkflowExecutionInfo } from '@temporalio/client';

/**
 * Up to `limit` executions matching a visibility query, newest start first. Temporal's SQL
 * visibility (the dev server's SQLite) has no ORDER BY, so the page is sorted here; it lists
 * running executions first, so with more than `limit` journeys the oldest running ones may
 * crowd out newer closed ones — acceptable for a builder panel, not for reporting.
 */
export async function listJourneys(temporal: Client, query: string, limit: number): Promise<WorkflowExecutionInfo[]> {
  const infos: WorkflowExecutionInfo[] = [];
  for await (const info of temporal.workflow.list({ query, pageSize: limit })) {
    infos.push(info);
    if (infos.length >= limit) break;
  }
  return infos.sort((a, b) => b.startTime.getTime() - a.startTime.getTime());
}
