import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

const OUR_NUMBER = '+14155550100';
const deliveryAnswer = z.object({ contactId: z.string(), journeys: z.array(z.string()) });

/** Distinct US numbers, one contact each: +1415 5xx xxxx. */
export function callerNumbers(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `+1415${String(5_000_000 + index).padStart(7, '0')}`);
}

/**
 * Missed calls through the sandbox webhook, as a provider delivers them (the API's
 * deliverInboundEvent path), `concurrency` at a time. Returns the journey ids they started.
 */
export async function fireMissedCalls(app: FastifyInstance, numbers: readonly string[], concurrency = 16): Promise<string[]> {
  const journeys: string[] = [];
  for (let start = 0; start < numbers.length; start += concurrency) {
    const batch = numbers.slice(start, start + concurrency);
    const answers = await Promise.all(
      batch.map(async (from) => {
        const response = await app.inject({ method: 'POST', url: '/api/sandbox/missed-call', payload: { from, to: OUR_NUMBER } });
        if (response.statusCode !== 200) throw new Error(`missed call from ${from} answered ${response.statusCode}: ${response.body}`);
        return deliveryAnswer.parse(response.json());
      }),
    );
    for (const answer of answers) {
      if (answer.journeys.length !== 1) throw new Error(`a missed call for ${answer.contactId} started ${answer.journeys.length} journeys`);
      journeys.push(...answer.journeys);
    }
  }
  return journeys;
}
