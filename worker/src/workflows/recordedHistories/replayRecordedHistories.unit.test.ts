import { readdir, readFile } from 'node:fs/promises';
import { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bundleJourneyWorkflows } from '../../bundleJourneyWorkflows';
import { RECORDED_HISTORY_FORMAT } from './recordedHistoryFormat';

const directory = new URL('./', import.meta.url);
const recorded = (await readdir(directory)).filter((name) => name.endsWith('.history.json'));

let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  workflowBundle = await bundleJourneyWorkflows();
}, 60_000);

describe('recorded journey histories', () => {
  it('include at least the missed-call journey', () => {
    expect(recorded).toContain('missed-call-pricing-reply-on-whatsapp.history.json');
  });

  // Written with RECORD_HISTORIES=1 by the suites that run each library flow (worker/src/library/,
  // worker/src/voiceNodes.test.ts, api/src/routes/voice.test.ts and callOutbound.test.ts).
  // skills-routing has none: its journeys stop at `route`, which the agents' side will run.
  it.each(['speed-to-lead-', 'email-first-', 'multi-touch-', 'delivery-delay-', 'ivr-deflection-', 'order-lookup-ivr-', 'payment-reminder-'])('include a journey of the library flow %s…', (prefix) => {
    expect(recorded.filter((name) => name.startsWith(prefix)).length).toBeGreaterThanOrEqual(1);
  });

  // A change to the interpreter that alters its commands must be guarded with patched();
  // replaying yesterday's histories is what catches one that is not.
  it.each(recorded)('replays %s with today’s workflow code', async (name) => {
    const json = z.record(z.string(), z.unknown()).parse(JSON.parse(await readFile(new URL(name, directory), 'utf8')));
    const history = temporal.api.history.v1.History.fromObject(json);
    await expect(Worker.runReplayHistory({ workflowBundle }, history)).resolves.toBeUndefined();
  }, 30_000);
});
