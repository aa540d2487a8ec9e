import { strings, text } from '../../catalog/rawConfig';
import { CommaSeparatedInput } from './CommaSeparatedInput';
import { rowTestId, type FieldControlProps } from './fieldProps';
import { freshName, rowsOf, withoutRow, withRow } from './rowEditing';

// Operators that test the value alone and take nothing to compare with.
const UNARY_OPERATORS = new Set(['isBlank', 'isNotBlank']);

// What each comparing operator expects, as a hint in the empty values box.
const VALUE_HINTS: Readonly<Record<string, string>> = {
  matchesAnyOf: 'synonyms: yes, yep, sure',
  matchesNoneOf: 'synonyms: no, nope, stop',
  regex: '^[0-9]{5}$',
  lessThan: '10',
  greaterThan: '{{ vars.limit }}',
  beforeTime: '09:00',
  afterTime: '17:30',
  beforeDate: '2025-12-24',
  afterDate: '{{ contact.attributes.renewal }}',
};

/**
 * The split node's ordered conditions: the output each leads to, an operator (labelled by the
 * field's options), and its values, each a Liquid template. Values are hidden for the operators
 * that take none, and cleared when one of those is chosen.
 */
export function ConditionsFieldControl({ name, value, onChange, options }: FieldControlProps) {
  const rows = rowsOf(value);
  const firstOperator = options[0]?.value ?? 'equals';

  return (
    <div className="rows conditions" id={`field-${name}`} data-testid={`inspector-field-${name}`}>
      {rows.map((row, index) => {
        const operator = text(row['operator']);
        return (
          <div key={index} className="condition-row">
            <input
              type="text"
              aria-label="Output"
              className="condition-output"
              placeholder="output"
              value={text(row['output'])}
              data-testid={rowTestId(name, index, 'output')}
              onChange={(event) => onChange(withRow(rows, index, { output: event.target.value }))}
            />
            <select
              aria-label="Operator"
              className="condition-operator"
              value={operator}
              data-testid={rowTestId(name, index, 'operator')}
              onChange={(event) =>
                onChange(
                  withRow(rows, index, UNARY_OPERATORS.has(event.target.value) ? { operator: event.target.value, values: [] } : { operator: event.target.value }),
                )
              }
            >
              {options.some((option) => option.value === operator) ? null : <option value={operator}>{operator || '— choose —'}</option>}
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            {UNARY_OPERATORS.has(operator) ? null : (
              <CommaSeparatedInput
                className="condition-values"
                label="Values"
                values={strings(row['values'])}
                testId={rowTestId(name, index, 'values')}
                placeholder={VALUE_HINTS[operator] ?? 'price, cost, quote'}
                onChange={(values) => onChange(withRow(rows, index, { values }))}
              />
            )}
            <button type="button" className="condition-remove row-remove" aria-label="Remove condition" onClick={() => onChange(withoutRow(rows, index))}>
              ×
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="row-add"
        data-testid={`inspector-field-${name}-add`}
        onClick={() => onChange([...rows, { output: freshName('option', rows.map((row) => text(row['output']))), operator: firstOperator, values: [] }])}
      >
        + Add condition
      </button>
      <p className="field-note">Checked in order; anything no condition matches leaves by “else”.</p>
    </div>
  );
}
