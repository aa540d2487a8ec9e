import { describe, expect, it } from 'vitest';
import { freshName, rowsOf, withoutRow, withRow } from './rowEditing';

describe('editing rows of a field', () => {
  it('keeps the keys of a row that the control does not show', () => {
    const rows = [{ name: 'count', value: '1', type: 'number' }];
    expect(withRow(rows, 0, { value: '{{ vars.count | plus: 1 }}' })).toEqual([{ name: 'count', value: '{{ vars.count | plus: 1 }}', type: 'number' }]);
  });

  it('leaves a cleared optional part out of the row', () => {
    expect(withRow([{ output: 'sales', digit: '1', phrases: [] }], 0, { digit: undefined })).toEqual([{ output: 'sales', phrases: [] }]);
  });

  it('reads anything that is not a list of objects as no rows', () => {
    expect(rowsOf('x')).toEqual([]);
    expect(rowsOf([{ a: 1 }, null, 'b', [1]])).toEqual([{ a: 1 }]);
  });

  it('removes one row and names a new output after the first free number', () => {
    expect(withoutRow(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
    expect(freshName('option', ['option2', 'yes'])).toBe('option3');
    expect(freshName('option', ['option3', 'option4', 'yes'])).toBe('option5');
  });
});
