import { z } from 'zod';
import type { FieldOption } from '../nodeCatalogEntry';

/** The keys of a phone keypad, as DTMF sends them. */
export const KEYPAD_KEYS: readonly string[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'];

// A string, not an enum, because the plain types keep keys as `string`.
export const keypadKeySchema = z.string().regex(/^[0-9*#]$/, 'choose one keypad key: 0-9, * or #');

export const keypadKeyOptions: readonly FieldOption[] = KEYPAD_KEYS.map((key) => ({ value: key, label: key }));
