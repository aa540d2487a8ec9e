import { text } from '../../catalog/rawConfig';
import { TemplatePreview } from '../templatePreview/TemplatePreview';
import { rowTestId, type FieldControlProps } from './fieldProps';
import { rowsOf, withoutRow, withRow } from './rowEditing';

// How setVariables stores a rendered value; used when the catalog field lists no options.
const VALUE_TYPES = [
  { value: 'text', label: 'text' },
  { value: 'number', label: 'number' },
  { value: 'boolean', label: 'true/false' },
  { value: 'json', label: 'JSON' },
];

/**
 * Rows of a name and a (Liquid) value: variables, contact attributes, headers, task attributes,
 * subflow inputs, returned outputs. Rows that carry a value type (setVariables) get a type picker,
 * offering the field's options when it lists them.
 */
export function AssignmentsFieldControl({ name, value, onChange, options, template, defaultValue }: FieldControlProps) {
  const rows = rowsOf(value);
  const typed = options.length > 0 || [...rows, ...rowsOf(defaultValue)].some((row) => typeof row['type'] === 'string');
  const types = options.length > 0 ? options : VALUE_TYPES;
  const firstType = types[0]?.value ?? 'text';

  return (
    <div className="rows" id={`field-${name}`} data-testid={`inspector-field-${name}`}>
      {rows.map((row, index) => (
        <div key={index} className={`row-card assignment-row${typed ? ' is-typed' : ''}`}>
          <input
            type="text"
            className="assignment-name"
            aria-label="Name"
            placeholder="name"
            value={text(row['name'])}
            data-testid={rowTestId(name, index, 'name')}
            onChange={(event) => onChange(withRow(rows, index, { name: event.target.value }))}
          />
          {typed ? (
            <select
              className="assignment-type"
              aria-label="Type"
              value={text(row['type'])}
              data-testid={rowTestId(name, index, 'type')}
              onChange={(event) => onChange(withRow(rows, index, { type: event.target.value }))}
            >
              {types.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          ) : null}
          <button type="button" className="row-remove" aria-label="Remove" onClick={() => onChange(withoutRow(rows, index))}>
            ×
          </button>
          <input
            type="text"
            className="assignment-value"
            aria-label="Value"
            placeholder={template ? '{{ … }} or text' : 'value'}
            spellCheck={false}
            value={text(row['value'])}
            data-testid={rowTestId(name, index, 'value')}
            onChange={(event) => onChange(withRow(rows, index, { value: event.target.value }))}
          />
          {template ? <TemplatePreview template={text(row['value'])} testId={`inspector-preview-${name}-${index}`} /> : null}
        </div>
      ))}
      <button
        type="button"
        className="row-add"
        data-testid={`inspector-field-${name}-add`}
        onClick={() => onChange([...rows, typed ? { name: '', value: '', type: firstType } : { name: '', value: '' }])}
      >
        + Add
      </button>
    </div>
  );
}
