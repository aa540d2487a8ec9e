import { z } from 'zod';

export const BENCH_FLOW_ID = 'missed-call-text-back';

const publishAnswer = z.object({ version: z.number().int().positive() });

/** Installs the library's missed-call text-back flow and publishes it, over the API. */
export async function publishMissedCallFlow(apiUrl: string): Promise<number> {
  const install = await fetch(`${apiUrl}/api/flows/library/${BENCH_FLOW_ID}/install`, { method: 'POST' });
  if (install.status !== 201) throw new Error(`installing ${BENCH_FLOW_ID} answered ${install.status}: ${await install.text()}`);
  const publish = await fetch(`${apiUrl}/api/flows/${BENCH_FLOW_ID}/publish`, { method: 'POST' });
  const text = await publish.text();
  if (publish.status !== 201) throw new Error(`publishing ${BENCH_FLOW_ID} answered ${publish.status}: ${text}`);
  return publishAnswer.parse(JSON.parse(text)).version;
}
