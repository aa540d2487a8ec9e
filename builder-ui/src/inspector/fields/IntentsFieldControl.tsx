import { useState } from 'react';
import { strings, text } from '../../catalog/rawConfig';
import { CommaSeparatedInput } from './CommaSeparatedInput';
import { rowTestId, type FieldControlProps } from './fieldProps';
import { freshName, rowsOf, withoutRow, withRow } from './rowEditing';

// Example sentences may hold commas, so they are written one per line rather than comma-separated.
function linesOf(textValue: string): string[] {
  return textValue.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

/** intent: each intent is an output, recognised from example sentences and keywords. */
export function IntentsFieldControl({ name, value, onChange }: FieldControlProps) {
  const rows = rowsOf(value);
  return (
    <div className="rows" id={`field-${name}`} data-testid={`inspector-field-${name}`}>
      {rows.map((row, index) => (
        <div key={index} className="row-card intent-row">
          <input
            type="text"
            className="intent-output"
            aria-label="Output"
            placeholder="output"
            value={text(row['output'])}
            data-testid={rowTestId(name, index, 'output')}
            onChange={(event) => onChange(withRow(rows, index, { output: event.target.value }))}
          />
          <button type="button" className="row-remove" aria-label="Remove intent" onClick={() => onChange(withoutRow(rows, index))}>
            ×
          </button>
          <CommaSeparatedInput
            className="intent-keywords"
            label="Keywords"
            values={strings(row['keywords'])}
            placeholder="keywords: invoice, refund"
            testId={rowTestId(name, index, 'keywords')}
            onChange={(keywords) => onChange(withRow(rows, index, { keywords }))}
          />
          <ExamplesInput
            examples={strings(row['examples'])}
            testId={rowTestId(name, index, 'examples')}
            onChange={(examples) => onChange(withRow(rows, index, { examples }))}
          />
        </div>
      ))}
      <button
        type="button"
        className="row-add"
        data-testid={`inspector-field-${name}-add`}
        onClick={() => onChange([...rows, { output: freshName('intent', rows.map((row) => text(row['output']))), examples: [], keywords: [] }])}
      >
        + Add intent
      </button>
      <p className="field-note">A reply no intent fits leaves by “unknown”.</p>
    </div>
  );
}

/** One example per line; the text is kept locally so a fresh empty line survives the store. */
function ExamplesInput({ examples, testId, onChange }: { examples: string[]; testId: string; onChange: (examples: string[]) => void }) {
  const [textValue, setTextValue] = useState(examples.join('\n'));
  const [seen, setSeen] = useState(examples);
  if (seen !== examples) {
    setSeen(examples);
    if (linesOf(textValue).join('\n') !== examples.join('\n')) setTextValue(examples.join('\n'));
  }
  return (
    <textarea
      className="intent-examples"
      aria-label="Examples"
      rows={2}
      placeholder={'Examples, one per line:\nI was charged twice'}
      value={textValue}
      data-testid={testId}
      onChange={(event) => {
        setTextValue(event.target.value);
        onChange(linesOf(event.target.value));
      }}
    />
  );
}
