import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templateReferences } from './templateReferences';

function segmentsOf(template: string): Array<Array<string | number>> {
  const result = templateReferences(template);
  if (!result.ok) throw new Error(result.message);
  return result.references.map((reference) => reference.segments);
}

describe('templateReferences', () => {
  it('lists the context paths a template reads, once each, in reading order', () => {
    expect(segmentsOf('Hi {{ contact.firstName }}, {{ nodes.wait_reply.reply.text }} {{ contact.firstName }}')).toEqual([
      ['contact', 'firstName'],
      ['nodes', 'wait_reply', 'reply', 'text'],
    ]);
  });

  it('splits bracketed and indexed access into segments', () => {
    expect(segmentsOf('{{ nodes["wait-1"].reply }} {{ vars.items[0] }} {{ contact["first name"] }}')).toEqual([
      ['nodes', 'wait-1', 'reply'],
      ['vars', 'items', 0],
      ['contact', 'first name'],
    ]);
  });

  it('writes each path as Liquid would, for messages', () => {
    const result = templateReferences('{{ nodes["wait-1"].reply.text }} {{ vars.items[0] }} {{ contact.firstName }}');
    expect(result.ok && result.references.map((reference) => reference.text)).toEqual([
      'nodes["wait-1"].reply.text',
      'vars.items[0]',
      'contact.firstName',
    ]);
  });

  it('ends a path at a variable index and lists the index as a reference of its own', () => {
    expect(segmentsOf('{{ vars.items[vars.i].name }}')).toEqual([
      ['vars', 'items'],
      ['vars', 'i'],
    ]);
  });

  it('leaves out names the template assigns, captures, increments or loops over', () => {
    const template = [
      '{% assign total = vars.count | plus: 1 %}{{ total }}',
      '{% capture greeting %}Hi {{ contact.firstName }}{% endcapture %}{{ greeting }}',
      '{% for item in vars.items %}{{ item.name }} {{ forloop.index }}{% endfor %}',
      '{% increment visits %}{{ visits }}',
    ].join('\n');
    expect(segmentsOf(template)).toEqual([
      ['vars', 'count'],
      ['contact', 'firstName'],
      ['vars', 'items'],
    ]);
  });

  it('reads references inside tags: if, case, liquid', () => {
    expect(segmentsOf('{% if reply.text == "yes" %}{% case trigger.channel %}{% when "sms" %}x{% endcase %}{% endif %}')).toEqual([
      ['reply', 'text'],
      ['trigger', 'channel'],
    ]);
    expect(segmentsOf('{% liquid\n  assign name = contact.firstName | default: "there"\n  echo name\n%}')).toEqual([
      ['contact', 'firstName'],
    ]);
  });

  it('has no references in plain text', () => {
    expect(segmentsOf('Thanks, we will call you back.')).toEqual([]);
    expect(segmentsOf('A lone { brace and a % sign')).toEqual([]);
  });

  it('gives the same frozen answer when asked again about the same template', () => {
    const first = templateReferences('{{ contact.firstName }}');
    expect(templateReferences('{{ contact.firstName }}')).toBe(first);
    expect(Object.isFrozen(first.ok && first.references[0]?.segments)).toBe(true);
  });

  it('reports a syntax error with its line and column', () => {
    expect(templateReferences('Hi\n{{ contact.firstName')).toEqual({
      ok: false,
      message: expect.stringMatching(/not closed \(line 2, column 1\)$/),
    });
    expect(templateReferences('{% if %}yes{% endif %}')).toEqual({ ok: false, message: expect.stringContaining('(line 1, column') });
  });

  it('reports an unknown filter and a disallowed include as errors', () => {
    expect(templateReferences('{{ contact.firstName | shout }}')).toEqual({
      ok: false,
      message: 'undefined filter: shout (line 1, column 1)',
    });
    expect(templateReferences('{% include "footer" %}')).toMatchObject({ ok: false, message: expect.stringContaining('"include" tag') });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = templateReferences(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
