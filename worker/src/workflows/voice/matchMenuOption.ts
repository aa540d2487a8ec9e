import { normalizeSpokenInput } from '@threadline/flows/runtime';
import type { NodeConfigs } from '@threadline/flows/types';

type MenuOption = NodeConfigs['voice.menu']['options'][number];

/**
 * The option a caller picked, from their keys or their speech, both normalised first (case,
 * punctuation, surrounding space, number words: "Option One." reads "option 1"). Keys win over
 * speech. Speech picks an option when it is one of its phrases or contains one as whole words,
 * or when it names an option's key ("one", "press two", "2"). Null: no input matched.
 */
export function matchMenuOption(
  options: readonly MenuOption[],
  input: { digits?: string | undefined; speech?: string | undefined },
): MenuOption | null {
  const digits = normalizeSpokenInput(input.digits ?? '').replace(/\s+/g, '');
  if (digits !== '') {
    const byKey = options.find((option) => option.digit !== undefined && option.digit === digits);
    if (byKey) return byKey;
  }
  const speech = normalizeSpokenInput(input.speech ?? '');
  if (speech === '') return null;
  const byPhrase = options.find((option) => option.phrases.some((phrase) => containsWords(speech, normalizeSpokenInput(phrase))));
  if (byPhrase) return byPhrase;
  return options.find((option) => option.digit !== undefined && containsWords(speech, option.digit)) ?? null;
}

/** Whether `words` occur in `text` as whole words (both normalised: single spaces, no punctuation). */
export function containsWords(text: string, words: string): boolean {
  if (words === '') return false;
  return ` ${text} `.includes(` ${words} `);
}
