import type { FieldOption } from '@threadline/flows';

/** What every field control receives: the raw config value, and where to send an edit. */
export interface FieldControlProps {
  name: string;
  value: unknown;
  onChange: (value: unknown) => void;
  options: readonly FieldOption[];
  placeholder: string | undefined;
  required: boolean;
}

export function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
