import { asStrings, type FieldControlProps } from './fieldProps';

/** Checkboxes; the chosen values keep the options' order so saved JSON does not churn. */
export function MultiSelectFieldControl({ name, value, onChange, options }: FieldControlProps) {
  const chosen = new Set(asStrings(value));
  const toggle = (option: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(option);
    else next.delete(option);
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <div className="multiselect" id={`field-${name}`} data-testid={`inspector-field-${name}`}>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            data-testid={`inspector-field-${name}-${option.value}`}
            checked={chosen.has(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}
