import { describe, expect, it } from 'vitest';
import { splitCommaList } from './commaList';

describe('values typed as a comma-separated list', () => {
  it('splits on commas, trims, and drops empty items', () => {
    expect(splitCommaList(' yes, yep ,, sure, ')).toEqual(['yes', 'yep', 'sure']);
  });

  it('keeps commas inside a Liquid tag as part of the template', () => {
    expect(splitCommaList("{{ vars.names | join: ', ' }}, {% if a, b %}x{% endif %}, plain")).toEqual([
      "{{ vars.names | join: ', ' }}",
      '{% if a, b %}x{% endif %}',
      'plain',
    ]);
  });
});
