import { describe, expect, it } from 'vitest';
import { updateContactSummary } from './updateContactSummary';

describe('updateContactSummary', () => {
  it('reads like the node: tags added and removed, then the attributes it sets, by name', () => {
    expect(
      updateContactSummary({ addTags: ['vip'], removeTags: ['trial'], attributes: [{ name: 'plan', value: '{{ nodes.lookup.body.plan }}' }] }),
    ).toBe('update contact: +vip, -trial, plan');
  });

  it('names the preferences it sets', () => {
    expect(updateContactSummary({ addTags: [], removeTags: [], attributes: [], preferredChannel: 'sms', doNotCall: true, timezone: 'Europe/Paris' })).toBe(
      'update contact: prefers sms, no calls, Europe/Paris',
    );
  });

  it('cuts a long list on a word boundary', () => {
    const summary = updateContactSummary({ addTags: Array.from({ length: 20 }, (_, index) => `tag${index}`), removeTags: [], attributes: [] });
    expect(summary.length).toBeLessThanOrEqual('update contact: '.length + 61);
    expect(summary.endsWith('…')).toBe(true);
  });
});
