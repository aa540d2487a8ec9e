import type { NodeCounts } from '../api/statsApi';

/**
 * A node's counters as the card shows them: short, because cards are narrow ("3 in · 1 waiting
 * · 2 out"), with the long form for the tooltip. `waiting` only when some journey waits there.
 */
export function nodeStatsText(counts: Pick<NodeCounts, 'entered' | 'exited' | 'waiting'>): { short: string; long: string } {
  const parts = [`${counts.entered} in`, ...(counts.waiting > 0 ? [`${counts.waiting} waiting`] : []), `${counts.exited} out`];
  const long =
    `${plural(counts.entered, 'journey')} entered, ${counts.waiting} waiting here now, ${counts.exited} left` +
    ' (entries and exits land with each journey\'s next step that records something, so they may lag a little)';
  return { short: parts.join(' · '), long };
}

/** Whether any journey of the version has reached any node: only then do the cards show counts. */
export function flowHasJourneys(nodes: readonly Pick<NodeCounts, 'entered' | 'waiting'>[]): boolean {
  return nodes.some((node) => node.entered > 0 || node.waiting > 0);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
