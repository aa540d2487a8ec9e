import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/apiError';
import { parseRequest } from '../errors/parseRequest';
import { contactChangesOf, contactPatchSchema } from './contactPatch';

function pathOfRefusal(body: unknown): string | undefined {
  try {
    parseRequest(contactPatchSchema, body, 'body');
  } catch (error) {
    if (error instanceof ApiError) return error.details.path;
    throw error;
  }
  return undefined;
}

describe('the contact PATCH body', () => {
  it.each([
    [{}, 'body'],
    [{ timezone: 'Mars/Olympus_Mons' }, 'body.timezone'],
    [{ timezone: '+01:00' }, 'body.timezone'],
    [{ timezone: 'europe/paris' }, 'body.timezone'],
    [{ tags: ['vip', ''] }, 'body.tags[1]'],
    [{ tags: 'vip' }, 'body.tags'],
    [{ attributes: { 'plan.tier': 'gold' } }, 'body.attributes.plan.tier'],
    [{ attributes: { plan: 3 } }, 'body.attributes.plan'],
    [{ preferredChannel: 'voice' }, 'body.preferredChannel'],
    [{ doNotCall: 'yes' }, 'body.doNotCall'],
    [{ firstName: '  ' }, 'body.firstName'],
    [{ nickname: 'Ada' }, 'body'],
  ])('refuses %j naming %s', (body, path) => {
    expect(pathOfRefusal(body)).toBe(path);
  });

  it('takes every field, null clearing a name, the zone or the channel', () => {
    const patch = contactPatchSchema.parse({
      firstName: ' Ada ',
      lastName: null,
      timezone: 'Europe/London',
      tags: ['vip', 'vip', 'beta'],
      attributes: { plan: 'gold', trial: null },
      preferredChannel: null,
      doNotCall: true,
    });

    expect(contactChangesOf(patch)).toEqual({
      firstName: 'Ada',
      lastName: null,
      timezone: 'Europe/London',
      tags: ['vip', 'beta'],
      attributes: [
        { name: 'plan', value: 'gold' },
        { name: 'trial', value: null },
      ],
      preferredChannel: null,
      doNotCall: true,
    });
  });

  it('changes only what it names', () => {
    expect(contactChangesOf(contactPatchSchema.parse({ doNotCall: false }))).toEqual({ doNotCall: false });
  });
});
