/**
 * English number words as people say them to a voice or text bot: "seven", "forty two", "one
 * hundred and five", or a code read out digit by digit, "one two three". Shared by speech
 * normalisation and answer checks so both read the same words the same way.
 */

// Maps, not object literals: "constructor" must not read as a number word.
const DIGITS: ReadonlyMap<string, number> = new Map(
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'].map((word, value) => [word, value]),
);
const TEENS: ReadonlyMap<string, number> = new Map(
  ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].map(
    (word, index) => [word, 10 + index],
  ),
);
const TENS: ReadonlyMap<string, number> = new Map(
  ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((word, index) => [word, 20 + 10 * index]),
);
const SCALES: ReadonlyMap<string, number> = new Map([
  ['thousand', 1_000],
  ['million', 1_000_000],
]);

/** True for a word that can be part of a spoken number ("and" only joins, so it is not one). */
export function isNumberWord(token: string): boolean {
  return DIGITS.has(token) || TEENS.has(token) || TENS.has(token) || token === 'hundred' || SCALES.has(token);
}

/** True for "zero" to "nine", the words of a code read digit by digit. */
export function isDigitWord(token: string): boolean {
  return DIGITS.has(token);
}

/** "one two three" → "123"; undefined unless every token is a digit word. */
export function digitsOfWords(tokens: readonly string[]): string | undefined {
  if (tokens.length === 0 || !tokens.every(isDigitWord)) return undefined;
  return tokens.map((token) => String(DIGITS.get(token))).join('');
}

type Last = 'none' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'and';

/**
 * The whole number a run of words says: "forty two" → 42, "one hundred and five" → 105,
 * "nineteen hundred" → 1900, "two thousand twenty six" → 2026. Undefined for words that do
 * not make one number ("four two", "twenty thirty", "and five"), so a caller can fall back to
 * reading them one by one.
 */
export function numberOfWords(tokens: readonly string[]): number | undefined {
  if (tokens.length === 1 && tokens[0] === 'zero') return 0;
  let total = 0;
  let group = 0;
  let lastScale = Number.POSITIVE_INFINITY;
  let last: Last = 'none';
  const startsGroup = (): boolean => last === 'none' || last === 'hundred' || last === 'scale' || last === 'and';
  for (const token of tokens) {
    const digit = DIGITS.get(token);
    const teen = TEENS.get(token);
    const tens = TENS.get(token);
    const scale = SCALES.get(token);
    if (digit !== undefined && digit > 0) {
      if (!startsGroup() && last !== 'tens') return undefined;
      group += digit;
      last = 'unit';
    } else if (teen !== undefined) {
      if (!startsGroup()) return undefined;
      group += teen;
      last = 'teen';
    } else if (tens !== undefined) {
      if (!startsGroup()) return undefined;
      group += tens;
      last = 'tens';
    } else if (token === 'hundred') {
      // "hundred" multiplies what came before in this group: "one hundred", "nineteen hundred".
      if (last === 'unit' || last === 'teen' || last === 'tens') {
        if (group >= 100) return undefined;
        group *= 100;
      } else if (last === 'none') {
        group = 100;
      } else {
        return undefined;
      }
      last = 'hundred';
    } else if (scale !== undefined) {
      if (scale >= lastScale || last === 'and') return undefined;
      total += (group === 0 ? 1 : group) * scale;
      group = 0;
      lastScale = scale;
      last = 'scale';
    } else if (token === 'and') {
      if (last !== 'hundred' && last !== 'scale') return undefined;
      last = 'and';
    } else {
      return undefined;
    }
  }
  if (last === 'none' || last === 'and') return undefined;
  return total + group;
}
