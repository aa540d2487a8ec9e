import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneJsonValue } from './cloneJsonValue';

describe('cloneJsonValue', () => {
  it('copies any JSON value deeply, equal to the original and sharing no object with it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = cloneJsonValue(value);
        expect(copy).toStrictEqual(value);
        expect(copy).toStrictEqual(structuredClone(value));
        if (typeof value === 'object' && value !== null) expect(copy).not.toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a "__proto__" key as a key and copies undefined members', () => {
    const value: unknown = JSON.parse('{"__proto__": {"a": 1}, "b": [1, {"c": 2}]}');
    const copy = cloneJsonValue({ value, missing: undefined });
    expect(Object.keys(copy.value as object)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(copy.value)).toBe(Object.prototype);
    expect(copy).toStrictEqual({ value, missing: undefined });
  });

  it('leaves what is not plain JSON to structuredClone: dates, maps and cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    let deep: Record<string, unknown> = cyclic;
    for (let level = 0; level < 100; level += 1) deep = { next: deep };
    cyclic.self = cyclic;
    const value = { at: new Date(0), map: new Map([['a', 1]]), deep };
    const copy = cloneJsonValue(value);
    expect(copy.at).toEqual(new Date(0));
    expect(copy.at).not.toBe(value.at);
    expect(copy.map).toEqual(new Map([['a', 1]]));
    expect(copy.deep).toStrictEqual(structuredClone(deep));
  });

  it('does not change the original when the copy is edited', () => {
    const original = { options: [{ output: 'sales', phrases: ['buy'] }] };
    const copy = cloneJsonValue(original);
    copy.options[0]?.phrases.push('sell');
    expect(original).toEqual({ options: [{ output: 'sales', phrases: ['buy'] }] });
  });
});
