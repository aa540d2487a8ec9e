import { describe, expect, it } from 'vitest';
import { complianceViolations, localTime, type OracleRules, type RecordedSend } from './complianceOracle';

const rules: OracleRules = {
  quietHours: { start: '21:00', end: '08:00', channels: ['sms', 'whatsapp'] },
  frequencyCap: { max: 2, windowMs: 24 * 3_600_000 },
  zone: 'Asia/Tokyo',
};
// 12:00 in Tokyo.
const noonTokyo = Date.parse('2026-07-14T03:00:00Z');
const send = (key: string, channel: RecordedSend['channel'], journeyAtMs: number, machineAtMs = journeyAtMs, flowId = 'flow-a'): RecordedSend => ({
  key,
  flowId,
  channel,
  journeyAtMs,
  machineAtMs,
});

describe('complianceViolations', () => {
  it('allows sends by day, under the cap, on channels the contact is subscribed to', () => {
    expect(complianceViolations([send('a', 'sms', noonTokyo), send('b', 'email', noonTokyo + 1000)], [], rules)).toEqual([]);
  });

  it('names a send made after an opt-out of its channel, and not one made after the opt-in that followed', () => {
    const changes = [
      { channel: 'sms' as const, optedOut: true, machineAtMs: noonTokyo + 10 },
      { channel: 'sms' as const, optedOut: false, machineAtMs: noonTokyo + 30 },
    ];
    expect(complianceViolations([send('a', 'sms', noonTokyo + 20), send('b', 'sms', noonTokyo + 40)], changes, rules)).toEqual([
      'a: sent on sms after the contact opted out of it',
    ]);
  });

  it('reads quiet hours in the contact\'s zone and lets email through them', () => {
    const lateInTokyo = Date.parse('2026-07-14T13:30:00Z'); // 22:30 in Tokyo
    expect(localTime(lateInTokyo, 'Asia/Tokyo')).toBe('22:30');
    expect(complianceViolations([send('a', 'whatsapp', lateInTokyo), send('b', 'email', lateInTokyo)], [], rules)).toEqual([
      'a: sent on whatsapp at 22:30 Asia/Tokyo, in quiet hours 21:00-08:00',
    ]);
  });

  it('names the send past the cap inside one window, and none once the window has passed', () => {
    const day = 24 * 3_600_000;
    const sends = [send('a', 'email', noonTokyo), send('b', 'email', noonTokyo + 1), send('c', 'email', noonTokyo + 2), send('d', 'email', noonTokyo + day + 5)];
    expect(complianceViolations(sends, [], rules)).toEqual(['c: message 3 in the cap\'s window, over the cap of 2']);
  });

  it('names the send past a flow\'s own cap, counting only that flow\'s sends', () => {
    const day = 24 * 3_600_000;
    const flowCapped: OracleRules = { ...rules, frequencyCap: { max: 10, windowMs: day }, flowCaps: { 'flow-a': { max: 1, windowMs: 7 * day } } };
    const sends = [
      send('a', 'email', noonTokyo, noonTokyo, 'flow-a'),
      send('b', 'email', noonTokyo + 1, noonTokyo + 1, 'flow-b'),
      send('c', 'email', noonTokyo + 2, noonTokyo + 2, 'flow-b'),
      send('d', 'email', noonTokyo + 3 * day, noonTokyo + 3 * day, 'flow-a'),
      send('e', 'email', noonTokyo + 11 * day, noonTokyo + 11 * day, 'flow-a'),
    ];
    expect(complianceViolations(sends, [], flowCapped)).toEqual(['d: message 2 of flow flow-a in its cap\'s window, over the flow\'s cap of 1']);
  });
});
