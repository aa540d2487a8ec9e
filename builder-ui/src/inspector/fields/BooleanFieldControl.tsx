import type { FieldControlProps } from './fieldProps';

/**
 * A required yes/no is a checkbox. An optional one has three states, because "not set" and "no"
 * differ (updateContact's doNotCall: leave the contact's choice alone, or record "may be called").
 */
export function BooleanFieldControl({ name, value, onChange, required, placeholder }: FieldControlProps) {
  if (required) {
    return (
      <label className="checkbox">
        <input
          type="checkbox"
          id={`field-${name}`}
          data-testid={`inspector-field-${name}`}
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
        {placeholder ?? 'Yes'}
      </label>
    );
  }
  return (
    <select
      id={`field-${name}`}
      data-testid={`inspector-field-${name}`}
      value={value === true ? 'yes' : value === false ? 'no' : ''}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value === 'yes')}
    >
      <option value="">— not set —</option>
      <option value="yes">Yes</option>
      <option value="no">No</option>
    </select>
  );
}
