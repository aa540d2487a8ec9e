import { describe, expect, it } from 'vitest';
import { applyContactChanges, describeContactChanges, type ContactChanges } from './contactChanges';
import type { ContactProfileFields } from './contactProfile';

const blank: ContactProfileFields = {
  firstName: null,
  lastName: null,
  timezone: null,
  tags: [],
  attributes: [],
  preferredChannel: null,
  doNotCall: false,
};

describe('applyContactChanges', () => {
  it('adds and removes tags, sets attributes and preferences, keeping what the change does not name', () => {
    const current: ContactProfileFields = {
      ...blank,
      firstName: 'Ada',
      tags: ['trial', 'newsletter'],
      attributes: [
        { name: 'plan', value: 'free' },
        { name: 'source', value: 'ads' },
      ],
    };

    const next = applyContactChanges(current, {
      addTags: ['vip', 'newsletter'],
      removeTags: ['trial'],
      attributes: [
        { name: 'plan', value: 'gold' },
        { name: 'seats', value: '12' },
      ],
      preferredChannel: 'whatsapp',
      doNotCall: true,
      timezone: 'Europe/Paris',
    });

    expect(next).toEqual({
      firstName: 'Ada',
      lastName: null,
      timezone: 'Europe/Paris',
      tags: ['newsletter', 'vip'],
      attributes: [
        { name: 'plan', value: 'gold' },
        { name: 'source', value: 'ads' },
        { name: 'seats', value: '12' },
      ],
      preferredChannel: 'whatsapp',
      doNotCall: true,
    });
  });

  it('leaves the record as it was when the same change is applied twice (a retried activity)', () => {
    const change: ContactChanges = { addTags: ['vip'], removeTags: ['trial'], attributes: [{ name: 'plan', value: 'gold' }], doNotCall: true };
    const once = applyContactChanges({ ...blank, tags: ['trial'] }, change);
    expect(applyContactChanges(once, change)).toEqual(once);
  });

  it('replaces the tag list, removes attributes set to null and clears fields set to null', () => {
    const current: ContactProfileFields = {
      ...blank,
      firstName: 'Ada',
      timezone: 'Europe/London',
      tags: ['a', 'b'],
      attributes: [{ name: 'plan', value: 'gold' }],
      preferredChannel: 'sms',
    };

    const next = applyContactChanges(current, {
      tags: ['c', 'c'],
      attributes: [{ name: 'plan', value: null }, { name: 'absent', value: null }],
      firstName: null,
      timezone: null,
      preferredChannel: null,
    });

    expect(next).toEqual({ ...blank, tags: ['c'] });
  });
});

describe('describeContactChanges', () => {
  it('tells the timeline what a node changed, as "tags +vip, plan=gold"', () => {
    expect(describeContactChanges({ addTags: ['vip'], attributes: [{ name: 'plan', value: 'gold' }] })).toBe('tags +vip, plan=gold');
    expect(
      describeContactChanges({
        addTags: ['vip'],
        removeTags: ['trial'],
        attributes: [],
        preferredChannel: 'email',
        doNotCall: false,
        timezone: 'Asia/Tokyo',
      }),
    ).toBe('tags +vip -trial, preferred channel email, calls allowed, time zone Asia/Tokyo');
  });

  it('shortens long values and says when nothing changes', () => {
    expect(describeContactChanges({ attributes: [{ name: 'note', value: 'x'.repeat(100) }] })).toBe(`note=${'x'.repeat(39)}…`);
    expect(describeContactChanges({ addTags: [], removeTags: [] })).toBe('nothing changed');
  });
});
