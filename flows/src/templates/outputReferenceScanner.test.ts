import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liquidTemplateReferences } from './liquidTemplateReferences';
import { scanOutputReferences } from './outputReferenceScanner';

/** What liquidjs's parse and static analysis say, as the scanner must say it. */
function byLiquid(template: string) {
  return liquidTemplateReferences(template);
}

const KNOWN_FILTERS = ['default', 'upcase', 'plus', 'url_encode', 'date', 'append', 'size', 'split', 'first', 'escape'] as const;
const RESERVED = ['true', 'false', 'nil', 'null', 'empty', 'blank', 'and', 'or', 'not', 'contains'] as const;

const blanks = fc.constantFrom('', ' ', '  ', '\n', '\t', ' \n ');
const plainName = fc.oneof(
  fc.constantFrom('contact', 'vars', 'nodes', 'reply', 'trigger', 'journey', 'firstName', 'wait-1', 'wait_1', '_x', 'size', 'first', 'nil-x', 'orders'),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/).filter((name) => !(RESERVED as readonly string[]).includes(name)),
);

/** Quoted text that may hold what ends or splits a tag elsewhere: `}}`, `|`, `,`, `]`, `{{`. */
function quoted(content: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(content, fc.constantFrom('"', "'")).map(([text, quote]) => {
    const safe = text.replaceAll(quote, '');
    return `${quote}${safe}${quote}`;
  });
}
const quotedText = quoted(
  fc.oneof(
    fc.constantFrom('wait-1', 'first name', '}}', '|', ']', ',', '{{', 'a}}b|c', "it's", 'say "hi"', '', ' - '),
    fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '}', '{', '|', ',', ':', ']', '[', '-', '.', '"', "'", '%'), maxLength: 8 }),
  ),
);
const numberText = fc.oneof(
  fc.integer({ min: -50, max: 5000 }).map(String),
  fc.tuple(fc.nat(99), fc.nat(99)).map(([whole, part]) => `${whole}.${part}`),
);

function pathOf(name: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const part = fc.oneof(
    name.map((text) => `.${text}`),
    quotedText.map((text) => `[${text}]`),
    fc.oneof(fc.nat(120).map(String), fc.constant('007')).map((index) => `[${index}]`),
  );
  return fc.tuple(name, fc.array(part, { maxLength: 4 })).map(([root, parts]) => root + parts.join(''));
}

function valueOf(name: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof({ weight: 4, arbitrary: pathOf(name) }, { weight: 1, arbitrary: quotedText }, { weight: 1, arbitrary: numberText });
}

function outputOf(name: fc.Arbitrary<string>, filterName: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const filter = fc
    .tuple(filterName, blanks, fc.option(fc.array(fc.tuple(blanks, valueOf(name), blanks), { minLength: 1, maxLength: 3 })))
    .map(([title, space, args]) =>
      args === null ? `${title}${space}` : `${title}${space}:${args.map(([before, value, after]) => `${before}${value}${after}`).join(',')}`,
    );
  return fc
    .tuple(fc.boolean(), blanks, valueOf(name), fc.array(fc.tuple(blanks, filter), { maxLength: 3 }), blanks, fc.boolean())
    .map(
      ([trimLeft, before, value, filters, after, trimRight]) =>
        `{{${trimLeft ? '-' : ''}${before}${value}${filters.map(([space, text]) => `${space}|${space}${text}`).join('')}${after}${trimRight ? '-' : ''}}}`,
    );
}

const text = fc.string({ unit: fc.constantFrom('H', 'i', ' ', ',', '!', '\n', '}', '%', '-', '"', "'", '|'), maxLength: 12 });

/** Templates of exactly the shape the scanner reads: it must answer every one. */
const simpleTemplate = fc
  .array(fc.oneof(text, outputOf(plainName, fc.constantFrom(...KNOWN_FILTERS))), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(''));

/** The same, plus what the scanner must leave to liquidjs: reserved words, unknown filters, stray characters. */
const anyTemplate = fc
  .tuple(
    fc.array(
      fc.oneof(
        text,
        outputOf(fc.oneof(plainName, fc.constantFrom(...RESERVED)), fc.constantFrom(...KNOWN_FILTERS, 'shout', 'Default', 'upcase?')),
      ),
      { minLength: 1, maxLength: 5 },
    ),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('{%', '%}', '\\', '?', 'é', '.', '[', ']', '(', ')', '..', '==', ':', ',', '|', '{', '}', '{{', '}}', '-', ' ', '"', "'", '\u00a0', 'x: y'),
      ),
      { maxLength: 2 },
    ),
  )
  .map(([parts, noise]) => {
    let template = parts.join('');
    for (const [at, insert] of noise) {
      const position = at % (template.length + 1);
      template = template.slice(0, position) + insert + template.slice(position);
    }
    return template;
  });

describe('scanOutputReferences', () => {
  it('reads the common shapes of output tags as liquidjs does', () => {
    const templates = [
      'Hi {{ contact.firstName | default: "there" }}, {{ nodes.wait_reply.reply.text }} {{ contact.firstName }}',
      '{{ nodes["wait-1"].reply }} {{ vars.items[0] }} {{ contact["first name"] }} {{ vars.items[007] }}',
      '{{ nodes.wait-1.reply.text }} {{- vars.score | plus: 10 -}} {{vars.a|append:vars.b,"|}}"|upcase}}',
      'Book: https://example.com/{{ journey.id | url_encode }}?ref={{ "now" | date: "%Y", journey.timezone }}',
      '{{ 3 | plus: vars.n }} {{ "x}}y" | append: contact.lastName }} {{ vars.list.size }} {{ vars.list.first.name }}',
    ];
    for (const template of templates) {
      const scanned = scanOutputReferences(template);
      expect(scanned, template).toBeDefined();
      expect(byLiquid(template), template).toEqual({ ok: true, references: scanned });
    }
  });

  it('leaves tags, operators, keyword arguments, variable indexes, literals, unknown filters and backslashes to liquidjs', () => {
    for (const template of [
      '{% if reply.text %}yes{% endif %}',
      '{{ reply.text == "yes" }}',
      '{{ vars.a | default: 0, allow_false: true }}',
      '{{ vars.items[vars.i] }}',
      '{{ true }}',
      '{{ empty.size }}',
      '{{ contact.firstName | shout }}',
      '{{ "a\\"b" | append: contact.firstName }}',
      '{{ contact.firstName',
      '{{ (1..3) }}',
      '{{ contact.first? }}',
    ]) {
      expect(scanOutputReferences(template), template).toBeUndefined();
    }
  });

  it('answers every template of the simple shape, with exactly liquidjs’s references', () => {
    fc.assert(
      fc.property(simpleTemplate, (template) => {
        const scanned = scanOutputReferences(template);
        expect(scanned).toBeDefined();
        expect(byLiquid(template)).toEqual({ ok: true, references: scanned });
      }),
      { numRuns: 1_000 },
    );
  });

  it('whenever it answers, answers exactly what liquidjs does, whatever else is in the template', () => {
    fc.assert(
      fc.property(anyTemplate, (template) => {
        const scanned = scanOutputReferences(template);
        if (scanned !== undefined) expect(byLiquid(template)).toEqual({ ok: true, references: scanned });
      }),
      { numRuns: 2_000 },
    );
  });
});
