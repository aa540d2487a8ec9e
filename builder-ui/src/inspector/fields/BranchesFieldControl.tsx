import { numberOr, text } from '../../catalog/rawConfig';
import { rowTestId, type FieldControlProps } from './fieldProps';
import { NumberInput } from './NumberInput';
import { freshName, rowsOf, withoutRow, withRow } from './rowEditing';

/** abSplit: weighted branches, each an output; the share each weight gives is shown beside it. */
export function BranchesFieldControl({ name, value, onChange }: FieldControlProps) {
  const rows = rowsOf(value);
  const total = rows.reduce((sum, row) => sum + Math.max(0, numberOr(row['weight'], 0)), 0);
  return (
    <div className="rows" id={`field-${name}`} data-testid={`inspector-field-${name}`}>
      {rows.map((row, index) => {
        const weight = typeof row['weight'] === 'number' ? row['weight'] : undefined;
        const share = total > 0 ? Math.round((Math.max(0, weight ?? 0) / total) * 100) : 0;
        return (
          <div key={index} className="row-card branch-row">
            <input
              type="text"
              className="branch-output"
              aria-label="Output"
              placeholder="output"
              value={text(row['output'])}
              data-testid={rowTestId(name, index, 'output')}
              onChange={(event) => onChange(withRow(rows, index, { output: event.target.value }))}
            />
            <NumberInput
              className="branch-weight"
              label="Weight"
              min={0}
              value={weight}
              testId={rowTestId(name, index, 'weight')}
              onChange={(next) => onChange(withRow(rows, index, { weight: next }))}
            />
            <span className="branch-share">{share}%</span>
            <button type="button" className="row-remove" aria-label="Remove branch" onClick={() => onChange(withoutRow(rows, index))}>
              ×
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="row-add"
        data-testid={`inspector-field-${name}-add`}
        onClick={() => onChange([...rows, { output: freshName('variant', rows.map((row) => text(row['output']))), weight: 1 }])}
      >
        + Add branch
      </button>
    </div>
  );
}
