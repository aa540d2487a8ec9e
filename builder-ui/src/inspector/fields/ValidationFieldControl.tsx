import { record, strings, text } from '../../catalog/rawConfig';
import { CommaSeparatedInput } from './CommaSeparatedInput';
import type { FieldControlProps } from './fieldProps';

// The kinds of AnswerValidation, used when the catalog field does not list them as options.
const KINDS = [
  { value: 'number', label: 'a number' },
  { value: 'email', label: 'an email address' },
  { value: 'date', label: 'a date' },
  { value: 'yesNo', label: 'yes or no' },
  { value: 'regex', label: 'matches a pattern' },
  { value: 'oneOf', label: 'one of a list' },
];

/**
 * How a captured answer is checked: a kind, plus the pattern (regex) or the accepted answers
 * (oneOf). Changing the kind drops what only the old kind used, so the config stays valid.
 */
export function ValidationFieldControl({ name, value, onChange, options, required }: FieldControlProps) {
  const validation = value === undefined ? undefined : record(value);
  const kind = text(validation?.['kind']);
  const kinds = options.length > 0 ? options : KINDS;

  const chooseKind = (next: string) => {
    if (next === '') onChange(undefined);
    else if (next === 'regex') onChange({ kind: next, pattern: text(validation?.['pattern']) });
    else if (next === 'oneOf') onChange({ kind: next, options: strings(validation?.['options']) });
    else onChange({ kind: next });
  };

  return (
    <div className="validation-field" id={`field-${name}`} data-testid={`inspector-field-${name}`}>
      <select aria-label="Check" value={kind} data-testid={`inspector-field-${name}-kind`} onChange={(event) => chooseKind(event.target.value)}>
        {required ? null : <option value="">accept any answer</option>}
        {kinds.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {kind === 'regex' ? (
        <input
          type="text"
          aria-label="Pattern"
          placeholder="^[0-9]{6}$"
          spellCheck={false}
          value={text(validation?.['pattern'])}
          data-testid={`inspector-field-${name}-pattern`}
          onChange={(event) => onChange({ ...validation, pattern: event.target.value })}
        />
      ) : null}
      {kind === 'oneOf' ? (
        <CommaSeparatedInput
          label="Accepted answers"
          placeholder="accepted answers: red, green, blue"
          values={strings(validation?.['options'])}
          testId={`inspector-field-${name}-options`}
          onChange={(accepted) => onChange({ ...validation, options: accepted })}
        />
      ) : null}
    </div>
  );
}
