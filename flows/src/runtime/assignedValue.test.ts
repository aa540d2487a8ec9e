import { describe, expect, it } from 'vitest';
import { assignedValue } from './assignedValue';

describe('assignedValue', () => {
  it('keeps text exactly as rendered, spaces included', () => {
    expect(assignedValue('text', '  Ada ')).toBe('  Ada ');
    expect(assignedValue('text', '')).toBe('');
  });

  it.each([
    ['42', 42],
    [' -3.5 ', -3.5],
    ['1e3', 1000],
  ])('reads the number %j as %d', (rendered, value) => {
    expect(assignedValue('number', rendered)).toBe(value);
  });

  it('refuses a number it cannot read, saying what it got', () => {
    for (const rendered of ['', 'twelve', '1,5', 'NaN']) {
      expect(() => assignedValue('number', rendered)).toThrow(`expected a number, got ${JSON.stringify(rendered)}`);
    }
  });

  it.each([
    ['true', true],
    [' YES ', true],
    ['1', true],
    ['false', false],
    ['No', false],
    ['0', false],
  ])('reads the boolean %j as %s', (rendered, value) => {
    expect(assignedValue('boolean', rendered)).toBe(value);
  });

  it('refuses a boolean it cannot read', () => {
    expect(() => assignedValue('boolean', 'maybe')).toThrow('expected true or false (or yes/no, 1/0), got "maybe"');
  });

  it('parses JSON into a value and explains JSON that does not parse', () => {
    expect(assignedValue('json', '{"plan":"pro","seats":[1,2]}')).toEqual({ plan: 'pro', seats: [1, 2] });
    expect(assignedValue('json', 'null')).toBeNull();
    expect(() => assignedValue('json', '{plan: pro}')).toThrow(/^expected JSON, got "\{plan: pro\}": /);
  });

  it('cuts a long value short in the message', () => {
    expect(() => assignedValue('number', 'x'.repeat(200))).toThrow(`got "${'x'.repeat(77)}..."`);
  });
});
