import { describe, expect, it } from 'vitest';
import { resolvePath } from './resolvePath';

const context = {
  contact: { id: 'c_1' },
  reply: null,
  nodes: { wait_reply: { reply: { text: 'How much?', channel: 'whatsapp' } } },
};

describe('resolvePath', () => {
  it('reads a nested value by its dotted path', () => {
    expect(resolvePath(context, 'nodes.wait_reply.reply.text')).toBe('How much?');
    expect(resolvePath(context, 'contact')).toEqual({ id: 'c_1' });
  });

  it('yields undefined for a path through a missing node or a null value', () => {
    expect(resolvePath(context, 'nodes.other.reply.text')).toBeUndefined();
    expect(resolvePath(context, 'reply.text')).toBeUndefined();
    expect(resolvePath(context, 'contact.id.length.x')).toBeUndefined();
  });

  it('does not follow inherited properties or empty segments', () => {
    expect(resolvePath(context, 'contact.constructor')).toBeUndefined();
    expect(resolvePath(context, 'contact.__proto__')).toBeUndefined();
    expect(resolvePath(context, 'contact..id')).toBeUndefined();
  });
});
