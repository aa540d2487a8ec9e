/** One key per send node visit of one journey: `<firstExecutionRunId>:<nodeId>:<visit>`. */
export function sendIdempotencyKey(input: { firstRunId: string; nodeId: string; visit: number }): string {
  return `${input.firstRunId}:${input.nodeId}:${input.visit}`;
}
