import { describe, expect, it } from 'vitest';
import { route } from './route';

const pathsOf = (changes: object) =>
  route.configSchema.safeParse({ ...route.defaults, ...changes }).error?.issues.map((issue) => issue.path) ?? [];

describe('the route catalog entry', () => {
  it('takes a whole-number priority, or a template that renders one', () => {
    expect(pathsOf({ priority: '10' })).toEqual([]);
    expect(pathsOf({ priority: '{% if contact.tags contains "vip" %}10{% else %}0{% endif %}' })).toEqual([]);
    expect(pathsOf({ priority: 'high' })).toEqual([['priority']]);
    expect(pathsOf({ priority: '2.5' })).toEqual([['priority']]);
  });

  it('refuses a skill or a task attribute listed twice', () => {
    expect(
      pathsOf({
        skills: ['billing', 'billing'],
        attributes: [
          { name: 'order', value: '1' },
          { name: 'order', value: '2' },
        ],
      }),
    ).toEqual([
      ['skills', 1],
      ['attributes', 1, 'name'],
    ]);
  });

  it('refuses an overflow timeout the engine cannot run', () => {
    expect(pathsOf({ timeout: '15 minutes' })).toEqual([['timeout']]);
  });
});
