/**
 * Open-loop load: each missed-call webhook is sent at its scheduled time whether or not the
 * earlier ones were answered, as real providers do. A closed loop (wait, then send the next)
 * would slow down with the system and hide exactly the queueing we want to see.
 */
import { z } from 'zod';

/** Our number the leads called; any number counts for the library flow's trigger. */
const OUR_NUMBER = '+15005550006';
/** A request the API has not answered by then counts as an error, so a phase always ends. */
const REQUEST_TIMEOUT_MS = 30_000;

const deliveryAnswer = z.object({
  eventId: z.string(),
  contactId: z.string(),
  journeys: z.array(z.string()),
});

export interface LeadShot {
  from: string;
  /** When the open-loop schedule wanted this request sent (epoch ms). */
  scheduledAt: number;
  /** Just before the request was handed to the HTTP client (epoch ms): latency's zero. */
  sentAt: number;
  /** When the API's answer had been read, or null when there was none. */
  answeredAt: number | null;
  /** The timeline event the API persisted for the call. */
  eventId: string | null;
  contactId: string | null;
  /** Journeys the API started or signalled; 0 means the trigger did not match. */
  journeys: number;
  error: string | null;
}

export interface LoadOptions {
  apiUrl: string;
  numbers: readonly string[];
  ratePerSecond: number;
}

/** Sends one missed call per number at `ratePerSecond`, open loop; resolves when all are answered. */
export async function fireLeads({ apiUrl, numbers, ratePerSecond }: LoadOptions): Promise<{ startedAt: number; shots: LeadShot[] }> {
  const intervalMs = 1000 / ratePerSecond;
  const startedAt = Date.now();
  const inFlight: Array<Promise<LeadShot>> = [];
  for (const [index, from] of numbers.entries()) {
    const scheduledAt = startedAt + index * intervalMs;
    const wait = scheduledAt - Date.now();
    if (wait >= 1) await sleep(wait);
    inFlight.push(sendMissedCall(apiUrl, from, scheduledAt));
  }
  return { startedAt, shots: await Promise.all(inFlight) };
}

async function sendMissedCall(apiUrl: string, from: string, scheduledAt: number): Promise<LeadShot> {
  const sentAt = Date.now();
  try {
    const response = await fetch(`${apiUrl}/api/sandbox/missed-call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from, to: OUR_NUMBER }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const answeredAt = Date.now();
    if (response.status !== 200) {
      return { from, scheduledAt, sentAt, answeredAt, eventId: null, contactId: null, journeys: 0, error: `HTTP ${response.status}: ${text.slice(0, 200)}` };
    }
    const answer = deliveryAnswer.parse(JSON.parse(text));
    return { from, scheduledAt, sentAt, answeredAt, eventId: answer.eventId, contactId: answer.contactId, journeys: answer.journeys.length, error: null };
  } catch (error) {
    return { from, scheduledAt, sentAt, answeredAt: null, eventId: null, contactId: null, journeys: 0, error: String(error) };
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
