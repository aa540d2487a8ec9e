import type { FieldControlProps } from './fieldProps';
import { NumberInput } from './NumberInput';

/** A number; emptied, the key is removed, which the schema reports when the field is required. */
export function NumberFieldControl({ name, value, onChange, placeholder }: FieldControlProps) {
  return (
    <NumberInput
      id={`field-${name}`}
      className="number-input"
      value={typeof value === 'number' ? value : undefined}
      placeholder={placeholder}
      testId={`inspector-field-${name}`}
      onChange={onChange}
    />
  );
}
