import type { FieldOption } from '@threadline/flows';

/** What every field control receives: the raw config value, and where to send an edit. */
export interface FieldControlProps {
  name: string;
  value: unknown;
  /** `undefined` removes the key from the config (an optional field left out). */
  onChange: (value: unknown) => void;
  options: readonly FieldOption[];
  placeholder: string | undefined;
  required: boolean;
  /** The catalog's default for this field: the shape a new row or value should take. */
  defaultValue: unknown;
  /** The value (or each value, for lists and rows) is a Liquid template: offer a preview. */
  template: boolean;
}

/** A config value as the text a text box shows; a number (subflow's pinned version) as digits. */
export function asText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : '';
}

export function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The `data-testid` of a part of a row: `inspector-field-<name>-<index>-<part>`. */
export function rowTestId(name: string, index: number, part: string): string {
  return `inspector-field-${name}-${index}-${part}`;
}
