import { useState } from 'react';

function textOf(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/**
 * A number typed as text and kept locally, so "1." or "-" mid-typing is not thrown away by the
 * round trip through the store. An empty box means "no number" (undefined).
 */
export function NumberInput({ value, onChange, testId, id, label, className, placeholder, min }: {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  testId: string;
  id?: string;
  label?: string;
  className?: string;
  placeholder?: string | undefined;
  min?: number;
}) {
  const [text, setText] = useState(textOf(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (Number(text) !== value || text.trim() === '') setText(textOf(value));
  }
  return (
    <input
      type="number"
      id={id}
      className={className}
      aria-label={label}
      value={text}
      min={min}
      placeholder={placeholder}
      data-testid={testId}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        const parsed = Number(next);
        if (next.trim() === '') onChange(undefined);
        else if (Number.isFinite(parsed)) onChange(parsed);
      }}
    />
  );
}
