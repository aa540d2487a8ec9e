import { TemplatePreview } from '../templatePreview/TemplatePreview';
import { asStrings, type FieldControlProps } from './fieldProps';

/** A list of strings, one input per item; each item of a template list gets its own preview. */
export function ListFieldControl({ name, value, onChange, placeholder, template }: FieldControlProps) {
  const items = asStrings(value);
  const replace = (index: number, item: string) => onChange(items.map((old, i) => (i === index ? item : old)));
  return (
    <div className="list-field" id={`field-${name}`} data-testid={`inspector-field-${name}`}>
      {items.map((item, index) => (
        <div key={index} className="list-item">
          <div className="list-row">
            <input
              type="text"
              value={item}
              placeholder={placeholder}
              data-testid={`inspector-field-${name}-${index}`}
              onChange={(event) => replace(index, event.target.value)}
            />
            <button type="button" className="row-remove" aria-label="Remove" onClick={() => onChange(items.filter((_, i) => i !== index))}>
              ×
            </button>
          </div>
          {template ? <TemplatePreview template={item} testId={`inspector-preview-${name}-${index}`} /> : null}
        </div>
      ))}
      <button type="button" className="row-add" data-testid={`inspector-field-${name}-add`} onClick={() => onChange([...items, ''])}>
        + Add
      </button>
    </div>
  );
}
