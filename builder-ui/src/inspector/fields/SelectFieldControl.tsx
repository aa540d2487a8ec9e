import { asText, type FieldControlProps } from './fieldProps';

/** One of the field's options; an optional field also offers "not set", which removes it. */
export function SelectFieldControl({ name, value, onChange, options, required }: FieldControlProps) {
  const current = asText(value);
  const known = options.some((option) => option.value === current);
  return (
    <select
      id={`field-${name}`}
      data-testid={`inspector-field-${name}`}
      value={current}
      onChange={(event) => onChange(event.target.value === '' && !required ? undefined : event.target.value)}
    >
      {required && known ? null : <option value="">{required ? '— choose —' : '— not set —'}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
