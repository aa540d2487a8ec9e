import { describe, expect, it } from 'vitest';
import { contactSnapshot, readContactProfile } from './contactProfile';

describe('readContactProfile', () => {
  it('gives a contact stored before profiles existed the defaults', () => {
    const profile = readContactProfile({ _id: 'c_old', identities: [{ type: 'phone', value: '+14155550100' }], optOuts: ['sms'] });

    expect(profile).toEqual({
      id: 'c_old',
      identities: [{ type: 'phone', value: '+14155550100' }],
      firstName: null,
      lastName: null,
      timezone: null,
      tags: [],
      attributes: [],
      preferredChannel: null,
      doNotCall: false,
      revision: 0,
    });
  });

  it('reads what FerretDB left out or nulled as empty', () => {
    const profile = readContactProfile({ _id: 'c_1', identities: null, tags: null, attributes: undefined, doNotCall: null });
    expect(profile).toMatchObject({ identities: [], tags: [], attributes: [], doNotCall: false });
  });
});

describe('contactSnapshot', () => {
  it('gives a journey the names, first phone and email, tags, attributes by name and preferences', () => {
    const profile = readContactProfile({
      _id: 'c_ada',
      identities: [
        { type: 'webchat', value: 'chat_1234' },
        { type: 'phone', value: '+447400123456' },
        { type: 'email', value: 'ada@example.com' },
        { type: 'phone', value: '+447700900999' },
      ],
      firstName: 'Ada',
      lastName: 'Lovelace',
      timezone: 'America/New_York',
      tags: ['vip'],
      attributes: [{ name: 'plan', value: 'gold' }],
      preferredChannel: 'whatsapp',
      doNotCall: true,
      profileRevision: 3,
    });

    expect(contactSnapshot(profile)).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: '+447400123456',
      email: 'ada@example.com',
      timezone: 'America/New_York',
      tags: ['vip'],
      attributes: { plan: 'gold' },
      preferredChannel: 'whatsapp',
      doNotCall: true,
    });
  });

  it("falls back to the phone country's zone when the contact has none of their own", () => {
    const profile = readContactProfile({ _id: 'c_uk', identities: [{ type: 'phone', value: '+447400123456' }] });
    expect(contactSnapshot(profile).timezone).toBe('Europe/London');
  });

  it('leaves out what is unknown, so templates can test for it', () => {
    const profile = readContactProfile({ _id: 'c_us', identities: [{ type: 'phone', value: '+14155550100' }] });

    expect(contactSnapshot(profile)).toEqual({ phone: '+14155550100', tags: [], attributes: {}, doNotCall: false });
  });

  it('keeps an attribute named like a prototype key as plain data', () => {
    const profile = readContactProfile({ _id: 'c_p', attributes: [{ name: '__proto__', value: 'x' }] });
    const { attributes } = contactSnapshot(profile);
    expect(Object.keys(attributes ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
  });
});
