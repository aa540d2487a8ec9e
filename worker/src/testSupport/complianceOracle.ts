/**
 * What the compliance rules allow, written independently of the worker's code, for the property
 * test to hold every recorded send against: no send on a channel the contact had opted out of
 * when it went, none in the contact's quiet hours (in their zone), never more than the worker's
 * cap in any window, and never more of one flow's messages than that flow's own cap.
 */
import type { Channel, MessageChannel } from '@threadline/flows/types';

export interface RecordedSend {
  key: string;
  /** The flow whose journey made the send. */
  flowId: string;
  channel: MessageChannel;
  /** When the provider was called, on the machine's clock (opt-outs are applied on it too). */
  machineAtMs: number;
  /** When the send activity ran, on Temporal's (skipping) clock: quiet hours and the cap are read on it. */
  journeyAtMs: number;
}

export interface SubscriptionChange {
  channel: MessageChannel;
  optedOut: boolean;
  /** When the change was written, on the machine's clock. */
  machineAtMs: number;
}

export interface OracleRules {
  /** "HH:MM" local; the quiet spans midnight when `end` is before `start`. */
  quietHours: { start: string; end: string; channels: readonly Channel[] };
  frequencyCap: { max: number; windowMs: number };
  /** The flows' own caps by flow id; a flow not listed has none. */
  flowCaps?: Readonly<Record<string, { max: number; windowMs: number }>>;
  zone: string;
}

export function localTime(atMs: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(atMs);
  const part = (type: 'hour' | 'minute') => parts.find((each) => each.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

function inQuietHours(local: string, quiet: OracleRules['quietHours']): boolean {
  return quiet.start <= quiet.end ? local >= quiet.start && local < quiet.end : local >= quiet.start || local < quiet.end;
}

/** Each violation as a sentence naming the send; empty when every send was allowed. */
export function complianceViolations(sends: readonly RecordedSend[], changes: readonly SubscriptionChange[], rules: OracleRules): string[] {
  const violations: string[] = [];
  for (const send of sends) {
    const last = changes.filter((change) => change.channel === send.channel && change.machineAtMs < send.machineAtMs).at(-1);
    if (last?.optedOut) violations.push(`${send.key}: sent on ${send.channel} after the contact opted out of it`);
    const local = localTime(send.journeyAtMs, rules.zone);
    if (rules.quietHours.channels.includes(send.channel) && inQuietHours(local, rules.quietHours)) {
      violations.push(`${send.key}: sent on ${send.channel} at ${local} ${rules.zone}, in quiet hours ${rules.quietHours.start}-${rules.quietHours.end}`);
    }
  }
  for (const over of overCap(sends, rules.frequencyCap)) {
    violations.push(`${over.send.key}: message ${over.count} in the cap's window, over the cap of ${rules.frequencyCap.max}`);
  }
  for (const [flowId, cap] of Object.entries(rules.flowCaps ?? {})) {
    for (const over of overCap(sends.filter((send) => send.flowId === flowId), cap)) {
      violations.push(`${over.send.key}: message ${over.count} of flow ${flowId} in its cap's window, over the flow's cap of ${cap.max}`);
    }
  }
  return violations;
}

/** Each send that made more than `max` in the window ending at it. */
function overCap(sends: readonly RecordedSend[], cap: { max: number; windowMs: number }): Array<{ send: RecordedSend; count: number }> {
  const byTime = [...sends].sort((a, b) => a.journeyAtMs - b.journeyAtMs);
  return byTime.flatMap((send, index) => {
    const count = byTime.slice(0, index + 1).filter((earlier) => send.journeyAtMs - earlier.journeyAtMs < cap.windowMs).length;
    return count > cap.max ? [{ send, count }] : [];
  });
}
