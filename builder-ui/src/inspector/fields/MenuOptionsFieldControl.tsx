import { strings, text } from '../../catalog/rawConfig';
import { CommaSeparatedInput } from './CommaSeparatedInput';
import { rowTestId, type FieldControlProps } from './fieldProps';
import { freshName, rowsOf, withoutRow, withRow } from './rowEditing';

const KEYPAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'];

/** voice.menu: each option is an output, chosen by a key press and/or spoken phrases. */
export function MenuOptionsFieldControl({ name, value, onChange }: FieldControlProps) {
  const rows = rowsOf(value);
  const usedDigits = rows.map((row) => text(row['digit']));
  const nextDigit = KEYPAD.find((digit) => !usedDigits.includes(digit));

  return (
    <div className="rows" id={`field-${name}`} data-testid={`inspector-field-${name}`}>
      {rows.map((row, index) => (
        <div key={index} className="row-card menu-option-row">
          <select
            className="menu-option-digit"
            aria-label="Key"
            value={text(row['digit'])}
            data-testid={rowTestId(name, index, 'digit')}
            onChange={(event) => onChange(withRow(rows, index, { digit: event.target.value === '' ? undefined : event.target.value }))}
          >
            <option value="">no key</option>
            {KEYPAD.map((digit) => (
              <option key={digit} value={digit}>
                {digit}
              </option>
            ))}
          </select>
          <input
            type="text"
            className="menu-option-output"
            aria-label="Output"
            placeholder="output"
            value={text(row['output'])}
            data-testid={rowTestId(name, index, 'output')}
            onChange={(event) => onChange(withRow(rows, index, { output: event.target.value }))}
          />
          <button type="button" className="row-remove" aria-label="Remove option" onClick={() => onChange(withoutRow(rows, index))}>
            ×
          </button>
          <CommaSeparatedInput
            className="menu-option-phrases"
            label="Phrases"
            values={strings(row['phrases'])}
            placeholder="spoken phrases: sales, buy"
            testId={rowTestId(name, index, 'phrases')}
            onChange={(phrases) => onChange(withRow(rows, index, { phrases }))}
          />
        </div>
      ))}
      <button
        type="button"
        className="row-add"
        data-testid={`inspector-field-${name}-add`}
        onClick={() =>
          onChange([
            ...rows,
            { output: freshName('option', rows.map((row) => text(row['output']))), ...(nextDigit ? { digit: nextDigit } : {}), phrases: [] },
          ])
        }
      >
        + Add option
      </button>
      <p className="field-note">A caller who presses nothing leaves by “noInput”; anything else unmatched by “noMatch”.</p>
    </div>
  );
}
