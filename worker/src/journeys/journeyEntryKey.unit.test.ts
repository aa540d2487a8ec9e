import { describe, expect, it } from 'vitest';
import { journeyEntryKey, journeyEntryWorkflowId } from './contract';

describe('the entry key of a parallel journey', () => {
  it('reads like the event id and is the same for a retry of it', () => {
    const key = journeyEntryKey('sandbox:CA12ab');
    expect(key).toMatch(/^sandbox-CA12ab-[0-9a-z]{1,7}$/);
    expect(journeyEntryKey('sandbox:CA12ab')).toBe(key);
    expect(journeyEntryWorkflowId('missed-call-text-back', 'c_4f9k2m', 'sandbox:CA12ab')).toBe(`journey:missed-call-text-back:c_4f9k2m:${key}`);
  });

  it('tells apart events whose safe forms meet', () => {
    expect(journeyEntryKey('api:a:b')).not.toBe(journeyEntryKey('api:a-b'));
    const long = 'twilio:SM' + '0'.repeat(60);
    expect(journeyEntryKey(`${long}1`)).not.toBe(journeyEntryKey(`${long}2`));
  });

  it('stays a short id segment whatever the event id holds', () => {
    for (const eventId of ['twilio:SM' + 'f'.repeat(200), '::://', 'api:ünïcødé id', '-x-']) {
      expect(journeyEntryKey(eventId)).toMatch(/^[A-Za-z0-9_-]{1,48}$/);
    }
  });
});
