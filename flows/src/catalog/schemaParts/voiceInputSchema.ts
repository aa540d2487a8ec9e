import { z } from 'zod';
import type { FieldOption } from '../nodeCatalogEntry';

export type VoiceInput = 'dtmf' | 'speech' | 'dtmfAndSpeech';

export const voiceInputSchema = z.enum(['dtmf', 'speech', 'dtmfAndSpeech']);

export const voiceInputOptions: readonly FieldOption[] = [
  { value: 'dtmf', label: 'Keypad' },
  { value: 'speech', label: 'Speech' },
  { value: 'dtmfAndSpeech', label: 'Keypad or speech' },
];

export function acceptsDigits(input: VoiceInput): boolean {
  return input !== 'speech';
}

export function acceptsSpeech(input: VoiceInput): boolean {
  return input !== 'dtmf';
}
