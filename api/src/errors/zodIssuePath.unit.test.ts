import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeZodError, formatIssuePath } from './zodIssuePath';

describe('formatIssuePath', () => {
  it('names array items that carry an id by their id, and the node at fault', () => {
    const input = { definition: { nodes: [{ id: 'start' }, { id: 'n_send', config: {} }] } };
    expect(formatIssuePath(['definition', 'nodes', 1, 'config', 'template'], input, 'body')).toEqual({
      path: 'body.definition.nodes[n_send].config.template',
      nodeId: 'n_send',
    });
  });

  it('keeps the index of items without an id', () => {
    expect(formatIssuePath(['edges', 2, 'to'], { edges: [{}, {}, {}] }, 'body').path).toBe('body.edges[2].to');
  });
});

describe('describeZodError', () => {
  it('says where and what for the first issue of a failed parse', () => {
    const result = z.object({ from: z.string() }).safeParse({ from: 42 });
    if (result.success) throw new Error('expected the parse to fail');
    const described = describeZodError(result.error, { from: 42 }, 'body');
    expect(described.path).toBe('body.from');
    expect(described.message).toMatch(/^body\.from: /);
  });
});
