import { useState } from 'react';
import type { FieldControlProps } from './fieldProps';

function jsonText(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parseJson(textValue: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(textValue) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Anything else, edited as JSON. The text is the admin's: while it does not parse, the config
 * keeps its last good value and the parse error shows under the box, and nothing typed is lost.
 */
export function JsonFieldControl({ name, value, onChange, required, placeholder }: FieldControlProps) {
  const [textValue, setTextValue] = useState(jsonText(value));
  const [seen, setSeen] = useState(value);
  const [error, setError] = useState<string | null>(null);
  if (seen !== value) {
    setSeen(value);
    // A change from elsewhere (another node, an undo) replaces the text; our own commit does not.
    const own = parseJson(textValue);
    if (!own.ok || JSON.stringify(own.value) !== JSON.stringify(value)) {
      setTextValue(jsonText(value));
      setError(null);
    }
  }

  const edit = (next: string) => {
    setTextValue(next);
    if (next.trim() === '' && !required) {
      setError(null);
      onChange(undefined);
      return;
    }
    const parsed = parseJson(next);
    setError(parsed.ok ? null : parsed.message);
    if (parsed.ok) onChange(parsed.value);
  };

  return (
    <>
      <textarea
        id={`field-${name}`}
        className={`json-input${error === null ? '' : ' is-invalid'}`}
        rows={Math.min(14, Math.max(4, textValue.split('\n').length + 1))}
        spellCheck={false}
        placeholder={placeholder}
        value={textValue}
        aria-invalid={error !== null}
        data-testid={`inspector-field-${name}`}
        onChange={(event) => edit(event.target.value)}
      />
      {error === null ? null : (
        <p className="json-error" role="alert" data-testid={`inspector-field-${name}-error`}>
          Not valid JSON yet: {error}
        </p>
      )}
    </>
  );
}
