import { digitsOfWords, isNumberWord, numberOfWords } from './numberWords';

/**
 * How a caller's speech or keypad input is read before it is matched against a menu's or
 * gather's choices: lower case, punctuation dropped, and number words turned into digits, so
 * "Two.", "2" and "two" all pick option 2, "press two" reads "press 2", a code read out as "one
 * two three" reads "123" and "forty-two" reads "42". The keypad's "*" and "#" are kept.
 */
export function normalizeSpokenInput(text: string): string {
  const tokens = wordsOf(text);
  const out: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    const end = numberRunEnd(tokens, index);
    if (end === index) {
      out.push(tokens[index] ?? '');
      index += 1;
      continue;
    }
    out.push(...digitsOfRun(tokens.slice(index, end)));
    index = end;
  }
  return out.join(' ');
}

/** Lower-case words and numbers, punctuation dropped; "1,000" and "3.5" keep their digits together. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/(?<=\d),(?=\d{3}(?!\d))/g, '')
    .replace(/['’]/g, '')
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .replace(/[^\p{L}\p{N}\s*#.]/gu, ' ')
    .split(/\s+/)
    .filter((token) => token !== '');
}

/** Where the run of number words starting at `start` ends ("and" only inside a run). */
function numberRunEnd(tokens: readonly string[], start: number): number {
  let end = start;
  while (end < tokens.length) {
    const token = tokens[end] ?? '';
    if (isNumberWord(token)) {
      end += 1;
    } else if (token === 'and' && end > start && isNumberWord(tokens[end + 1] ?? '')) {
      end += 1;
    } else {
      break;
    }
  }
  return end;
}

/** A run of number words as digits: a code digit by digit, else one number, else word by word. */
function digitsOfRun(run: readonly string[]): string[] {
  const digits = digitsOfWords(run);
  if (digits !== undefined) return [digits];
  const number = numberOfWords(run);
  if (number !== undefined) return [String(number)];
  return run.map((token) => {
    const single = numberOfWords([token]);
    return single === undefined ? token : String(single);
  });
}
