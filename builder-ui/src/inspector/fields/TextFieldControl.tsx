import { TemplatePreview } from '../templatePreview/TemplatePreview';
import { asText, type FieldControlProps } from './fieldProps';

/**
 * A single-line or multi-line text. An optional field left empty is removed from the config
 * rather than saved as "", which the schema would (rightly) reject.
 */
export function TextFieldControl({ name, value, onChange, placeholder, required, template, multiline }: FieldControlProps & { multiline: boolean }) {
  const commit = (text: string) => onChange(text === '' && !required ? undefined : text);
  const common = {
    id: `field-${name}`,
    'data-testid': `inspector-field-${name}`,
    value: asText(value),
    placeholder,
    spellCheck: !template,
  };
  return (
    <>
      {multiline ? (
        <textarea {...common} rows={4} onChange={(event) => commit(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => commit(event.target.value)} />
      )}
      {template ? <TemplatePreview template={asText(value)} testId={`inspector-preview-${name}`} /> : null}
    </>
  );
}
