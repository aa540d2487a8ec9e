import { asText, type FieldControlProps } from './fieldProps';

export function SelectFieldControl({ name, value, onChange, options }: FieldControlProps) {
  return (
    <select
      id={`field-${name}`}
      data-testid={`inspector-field-${name}`}
      value={asText(value)}
      onChange={(event) => onChange(event.target.value)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
