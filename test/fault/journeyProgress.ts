import type { Client } from '@temporalio/client';
import { JOURNEY_WORKFLOW_TYPE } from '@threadline/worker/contract';
import type { Store } from '@threadline/worker/store';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the sandbox has recorded at least `count` sends. */
export async function sendsRecorded(store: Store, count: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const recorded = await store.sandboxMessages.countDocuments();
    if (recorded >= count) return recorded;
    if (Date.now() > deadline) throw new Error(`only ${recorded} of ${count} sends recorded after ${timeoutMs} ms`);
    await sleep(50);
  }
}

export interface JourneyCounts {
  completed: number;
  running: number;
  other: number;
}

/** Journeys by execution status, from visibility (what `temporal workflow count` says). */
export async function journeyCounts(client: Client): Promise<JourneyCounts> {
  const ofStatus = async (status: string) =>
    (await client.workflow.count(`WorkflowType = "${JOURNEY_WORKFLOW_TYPE}" AND ExecutionStatus = "${status}"`)).count;
  const [all, completed, running] = await Promise.all([
    client.workflow.count(`WorkflowType = "${JOURNEY_WORKFLOW_TYPE}"`).then((answer) => answer.count),
    ofStatus('Completed'),
    ofStatus('Running'),
  ]);
  return { completed, running, other: all - completed - running };
}

/**
 * Waits until no journey runs any more, then reads each one's end from Temporal itself
 * (describe), not only visibility: every id must have closed as COMPLETED.
 */
export async function awaitAllClosed(client: Client, journeyIds: readonly string[], timeoutMs: number): Promise<Map<string, string>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let counts: JourneyCounts | undefined;
    try {
      counts = await journeyCounts(client);
    } catch {
      // The server may be coming back up; ask again.
    }
    if (counts && counts.running === 0 && counts.completed + counts.other >= journeyIds.length) break;
    if (Date.now() > deadline) throw new Error(`journeys still running after ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    await sleep(250);
  }
  const statuses = new Map<string, string>();
  for (let start = 0; start < journeyIds.length; start += 25) {
    const batch = journeyIds.slice(start, start + 25);
    const described = await Promise.all(batch.map((id) => client.workflow.getHandle(id).describe()));
    batch.forEach((id, index) => statuses.set(id, described[index]?.status.name ?? 'UNKNOWN'));
  }
  return statuses;
}

export interface SendAudit {
  /** Sandbox documents (one per idempotency key, i.e. per send node visit). */
  recorded: number;
  /** Keys the provider was called for more than once, with the count. */
  repeatedProviderCalls: Array<{ key: string; providerCalls: number }>;
  /** Journey contact addresses whose sends are not exactly the expected nodes, once each. */
  wrongPerContact: Array<{ to: string; nodes: string[] }>;
  /** Outbox entries not `sent` (pending means an unknown outcome was left behind). */
  unsentOutbox: Array<{ key: string; status: string }>;
}

/**
 * What the sandbox provider saw: a key is `<firstRunId>:<nodeId>:<visit>`, so each contact's
 * journey must own exactly one document per send node, each called once.
 */
export async function auditSends(store: Store, numbers: readonly string[], sendNodeIds: readonly string[]): Promise<SendAudit> {
  const messages = await store.sandboxMessages.find({}, { _id: 1, to: 1, providerCalls: 1 }).lean();
  const byContact = new Map<string, string[]>(numbers.map((number) => [number, []]));
  for (const message of messages) {
    const node = String(message._id).split(':').at(-2) ?? '?';
    const nodes = byContact.get(message.to);
    if (nodes) nodes.push(node);
    else byContact.set(message.to, [node]);
  }
  const expected = [...sendNodeIds].sort().join(',');
  const outbox = await store.outbox.find({ status: { $ne: 'sent' } }, { _id: 1, status: 1 }).lean();
  return {
    recorded: messages.length,
    repeatedProviderCalls: messages
      .filter((message) => message.providerCalls !== 1)
      .map((message) => ({ key: String(message._id), providerCalls: message.providerCalls })),
    wrongPerContact: [...byContact]
      .filter(([, nodes]) => [...nodes].sort().join(',') !== expected)
      .map(([to, nodes]) => ({ to, nodes })),
    unsentOutbox: outbox.map((entry) => ({ key: String(entry._id), status: entry.status })),
  };
}
