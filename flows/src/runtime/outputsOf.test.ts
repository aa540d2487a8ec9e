import { describe, expect, it } from 'vitest';
import { demoDefinition as definition } from './demoDefinition.fixture';
import { outputsOf } from './outputsOf';

describe('outputsOf', () => {
  it('names each node type’s outputs, a split’s conditions followed by else', () => {
    expect(definition.nodes.map((node) => [node.id, outputsOf(node)])).toEqual([
      ['start', ['next']],
      ['ask', ['sent', 'failed', 'blocked']],
      ['wait', ['replied', 'timeout']],
      ['route', ['yes', 'else']],
      ['done', []],
    ]);
  });
});
