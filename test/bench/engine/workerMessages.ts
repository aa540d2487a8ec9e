/**
 * What the bench and a worker child process say to each other over Node's IPC channel. Plain
 * JSON; checked with zod on the parent's side, since it crosses a process boundary.
 */
import { z } from 'zod';

export type WorkerRequest = { id: number; kind: 'stats' | 'gc' | 'stop' };

export const workerStatsSchema = z.object({
  /** process.cpuUsage() user + system, µs: every thread of the process (Node, the SDK's Rust core). */
  cpuMicros: z.number(),
  /** /proc/self/status VmRSS, bytes. */
  rssBytes: z.number(),
  heapUsedBytes: z.number(),
});
export type WorkerStats = z.infer<typeof workerStatsSchema>;

export const workerReplySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ready'),
    pid: z.number(),
    maxCachedWorkflows: z.number(),
    heapSizeLimitMiB: z.number(),
    gcExposed: z.boolean(),
  }),
  z.object({ kind: z.literal('stats'), id: z.number(), stats: workerStatsSchema }),
  z.object({ kind: z.literal('stopped'), id: z.number() }),
  z.object({ kind: z.literal('failed'), message: z.string() }),
]);
export type WorkerReply = z.infer<typeof workerReplySchema>;

export const workerArgsSchema = z.object({
  variant: z.enum(['interpreter', 'baseline']),
  temporalAddress: z.string(),
  mongoUri: z.string(),
});
export type WorkerArgs = z.infer<typeof workerArgsSchema>;
