import { asStrings, asText, type FieldControlProps } from './fieldProps';
import { CommaSeparatedInput } from './CommaSeparatedInput';

interface ConditionRow {
  output: string;
  operator: string;
  values: string[];
}

// Operators that test the value alone and take nothing to compare with.
const UNARY_OPERATORS = new Set(['isBlank', 'isNotBlank']);

function rowsOf(value: unknown): ConditionRow[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: unknown) => {
    const record: Record<string, unknown> = typeof item === 'object' && item !== null ? Object.fromEntries(Object.entries(item)) : {};
    return { output: asText(record['output']), operator: asText(record['operator']), values: asStrings(record['values']) };
  });
}

function freshOutputName(rows: readonly ConditionRow[]): string {
  const taken = new Set(rows.map((row) => row.output));
  for (let n = rows.length + 1; ; n += 1) {
    if (!taken.has(`option${n}`)) return `option${n}`;
  }
}

/** The split node's ordered conditions: the output each leads to, an operator, and its values. */
export function ConditionsFieldControl({ name, value, onChange, options }: FieldControlProps) {
  const rows = rowsOf(value);
  const edit = (index: number, patch: Partial<ConditionRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const firstOperator = options[0]?.value ?? 'contains';

  return (
    <div className="conditions" id={`field-${name}`} data-testid={`inspector-field-${name}`}>
      {rows.map((row, index) => {
        const testId = `inspector-field-${name}-${index}`;
        return (
          <div key={index} className="condition-row">
            <input
              type="text"
              aria-label="Output"
              className="condition-output"
              value={row.output}
              data-testid={`${testId}-output`}
              onChange={(event) => edit(index, { output: event.target.value })}
            />
            <select
              aria-label="Operator"
              className="condition-operator"
              value={row.operator}
              data-testid={`${testId}-operator`}
              onChange={(event) =>
                edit(index, UNARY_OPERATORS.has(event.target.value) ? { operator: event.target.value, values: [] } : { operator: event.target.value })
              }
            >
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            {UNARY_OPERATORS.has(row.operator) ? null : (
              <CommaSeparatedInput
                className="condition-values"
                values={row.values}
                testId={`${testId}-values`}
                placeholder="price, cost, quote"
                onChange={(values) => edit(index, { values })}
              />
            )}
            <button type="button" className="condition-remove" aria-label="Remove condition" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              ×
            </button>
          </div>
        );
      })}
      <button
        type="button"
        data-testid={`inspector-field-${name}-add`}
        onClick={() => onChange([...rows, { output: freshOutputName(rows), operator: firstOperator, values: [] }])}
      >
        + Add condition
      </button>
      <p className="field-note">Anything no condition matches leaves by “else”.</p>
    </div>
  );
}
