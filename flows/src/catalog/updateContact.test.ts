import { describe, expect, it } from 'vitest';
import type { NodeConfigs } from '../types';
import { updateContact } from './updateContact';

type UpdateConfig = NodeConfigs['updateContact'];

const NOTHING: UpdateConfig = { attributes: [], addTags: [], removeTags: [] };

const issuesOf = (config: UpdateConfig) =>
  updateContact.configSchema
    .safeParse(config)
    .error?.issues.map((issue) => ({ path: issue.path, message: issue.message })) ?? [];

describe('the updateContact catalog entry', () => {
  it('accepts attributes, tags, preferences and a zone together', () => {
    expect(
      issuesOf({
        attributes: [{ name: 'plan', value: '{{ nodes.lookup.body.plan }}' }],
        addTags: ['vip'],
        removeTags: ['cold'],
        preferredChannel: 'whatsapp',
        doNotCall: true,
        timezone: 'America/Chicago',
      }),
    ).toEqual([]);
  });

  it('counts clearing "do not call" as a change', () => {
    expect(issuesOf({ ...NOTHING, doNotCall: false })).toEqual([]);
  });

  it('refuses a node that changes nothing', () => {
    expect(issuesOf(NOTHING)).toEqual([
      {
        path: ['attributes'],
        message: 'this node changes nothing; set an attribute, a tag, the preferred channel, "do not call" or the time zone',
      },
    ]);
  });

  it('refuses a tag both added and removed', () => {
    expect(issuesOf({ ...NOTHING, addTags: ['vip'], removeTags: ['vip'] })).toEqual([
      { path: ['removeTags', 0], message: '"vip" is both added and removed; keep it in one list' },
    ]);
  });

  it('refuses an unknown time zone and an attribute name Liquid cannot read', () => {
    expect(issuesOf({ ...NOTHING, timezone: 'Central Time' }).map((issue) => issue.path)).toEqual([['timezone']]);
    expect(
      issuesOf({ ...NOTHING, attributes: [{ name: 'last order', value: 'x' }] }).map((issue) => issue.path),
    ).toEqual([['attributes', 0, 'name']]);
  });
});
