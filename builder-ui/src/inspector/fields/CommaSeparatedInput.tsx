import { useState } from 'react';
import { joinCommaList, splitCommaList } from './commaList';

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * Values typed as "a, b, c". The text is kept locally so that typing "pricing, " does not lose
 * its trailing separator on the round trip through the store; it is replaced only when the
 * values change from elsewhere (another node selected, an undo).
 */
export function CommaSeparatedInput({ values, onChange, testId, placeholder, className, label }: {
  values: readonly string[];
  className?: string;
  onChange: (values: string[]) => void;
  testId: string;
  placeholder?: string | undefined;
  label?: string;
}) {
  const [text, setText] = useState(joinCommaList(values));
  const [seen, setSeen] = useState(values);
  if (seen !== values) {
    setSeen(values);
    if (!sameList(values, splitCommaList(text))) setText(joinCommaList(values));
  }
  return (
    <input
      type="text"
      className={className}
      aria-label={label}
      value={text}
      placeholder={placeholder}
      data-testid={testId}
      onChange={(event) => {
        setText(event.target.value);
        onChange(splitCommaList(event.target.value));
      }}
    />
  );
}
