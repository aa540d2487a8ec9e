/**
 * The recorded histories the unit suite replays on every run (replayRecordedHistories.unit.test.ts)
 * come from the integration suites that run each library flow: they replay the journey's history
 * with today's code, and with RECORD_HISTORIES=1 also write it here as <name>.history.json.
 */
import { writeFile } from 'node:fs/promises';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { RECORDED_HISTORY_FORMAT } from './recordedHistoryFormat';

/** Replays the closed journey's history (the interpreter is deterministic) and, with RECORD_HISTORIES=1, keeps it. */
export async function replayAndMaybeRecord(workflowBundle: WorkflowBundleWithSourceMap, handle: WorkflowHandle, name: string): Promise<void> {
  const history = await handle.fetchHistory();
  await Worker.runReplayHistory({ workflowBundle }, history);
  if (process.env.RECORD_HISTORIES !== '1') return;
  const json = temporal.api.history.v1.History.toObject(temporal.api.history.v1.History.fromObject(history), RECORDED_HISTORY_FORMAT);
  await writeFile(new URL(`${name}.history.json`, import.meta.url), `${JSON.stringify(json, null, 1)}\n`);
}
