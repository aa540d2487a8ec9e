import { describe, expect, it } from 'vitest';
import { demoDefinition as definition } from './demoDefinition.fixture';
import { indexDefinition, nextNodeId } from './definitionIndex';

describe('nextNodeId', () => {
  it('follows the edge leaving an output, and is undefined for an unconnected one', () => {
    const index = indexDefinition(definition);
    expect(nextNodeId(index, 'start', 'next')).toBe('ask');
    expect(nextNodeId(index, 'ask', 'sent')).toBe('wait');
    expect(nextNodeId(index, 'ask', 'failed')).toBeUndefined();
    expect(index.nodes.get('route')?.type).toBe('split');
  });
});
