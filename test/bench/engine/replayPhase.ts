/**
 * The workflow code alone: each variant's sampled histories replayed in this process, several
 * times over in alternating rounds, with this process's CPU per replayed journey. A replay runs
 * the same workflow code as a worker does, with no server, database or activity, so it says
 * how much of the CPU difference is the interpreter's own code, and it is far less noisy than
 * a live round (no I/O, no other process on the path). Runs last: the SDK's promise hooks stay
 * installed in this process once a replay worker has run.
 */
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { bundleInChildProcess, bundleJourneyWorkflows } from '@threadline/worker/worker';
import { VARIANTS, type Variant } from '../benchStack';

const baselineWorkflowsPath = fileURLToPath(new URL('./baseline/workflows.ts', import.meta.url));
/** Alternating rounds; the median round is reported. */
export const REPLAY_ROUNDS = 4;

interface RecordedHistory {
  workflowId: string;
  history: temporal.api.history.v1.IHistory;
}

export interface ReplayResult {
  /** Distinct histories per variant, each replayed `repeat` times per round. */
  histories: Record<Variant, number>;
  repeat: number;
  /** This process's CPU (user + system) per replayed journey, one figure per round. */
  cpuMsPerJourney: Record<Variant, number[]>;
}

export async function runReplayPhase(client: Client, historyIds: Record<Variant, readonly string[]>, repeat: number, log: (line: string) => void): Promise<ReplayResult> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const bundles = {
    interpreter: await bundleJourneyWorkflows(),
    baseline: await bundleInChildProcess({ workflowsPath: baselineWorkflowsPath, preloadModules: [] }),
  };
  const fetch = (ids: readonly string[]): Promise<RecordedHistory[]> =>
    Promise.all(ids.map(async (workflowId) => ({ workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() })));
  const histories: Record<Variant, RecordedHistory[]> = { interpreter: await fetch(historyIds.interpreter), baseline: await fetch(historyIds.baseline) };
  const cpuMsPerJourney: Record<Variant, number[]> = { interpreter: [], baseline: [] };
  for (let round = 0; round < REPLAY_ROUNDS; round += 1) {
    for (const variant of round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
      const replays = function* () {
        for (let pass = 0; pass < repeat; pass += 1) {
          // A distinct id per pass: the replay worker runs each as its own workflow.
          for (const { workflowId, history } of histories[variant]) yield { workflowId: `${workflowId}#${pass}`, history };
        }
      };
      const before = process.cpuUsage();
      let replayed = 0;
      for await (const result of Worker.runReplayHistories({ workflowBundle: bundles[variant] }, replays())) {
        if (result.error) throw new Error(`replaying ${result.workflowId} (${variant}) failed: ${result.error.message}`);
        replayed += 1;
      }
      const cpu = process.cpuUsage(before);
      cpuMsPerJourney[variant].push((cpu.user + cpu.system) / 1000 / Math.max(replayed, 1));
      log(`replay round ${round + 1} ${variant}: ${replayed} journeys, ${cpuMsPerJourney[variant].at(-1)?.toFixed(2)} ms CPU each`);
    }
  }
  return { histories: { interpreter: histories.interpreter.length, baseline: histories.baseline.length }, repeat, cpuMsPerJourney };
}
