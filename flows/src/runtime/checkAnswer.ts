import { assertNever } from '../assertNever';
import type { AnswerValidation } from '../types';
import { wordsOf } from './normalizeSpokenInput';
import { digitsOfWords, numberOfWords } from './numberWords';
import { parseNumber } from './parseNumber';
import { isCalendarDate } from './zonedDateTime';

export type AnswerCheck = { ok: true; value: string | number | boolean } | { ok: false; reason: string };

/**
 * Checks a captured answer (a reply, or a caller's speech or keys) against the node's
 * validation, and gives the value to store: a number, an email address as written, an ISO date
 * ("YYYY-MM-DD"), true or false, the answer as written for a pattern, or the listed option as
 * the flow wrote it. A failed check says why in words the timeline can show.
 */
export function checkAnswer(validation: AnswerValidation, text: string): AnswerCheck {
  const answer = text.trim();
  if (answer === '') return { ok: false, reason: 'the answer is empty' };
  switch (validation.kind) {
    case 'number':
      return orReason(numberOfAnswer(answer), `"${answer}" is not a number`);
    case 'email':
      return orReason(EMAIL.test(answer) ? answer : undefined, `"${answer}" is not an email address`);
    case 'date':
      return orReason(dateOfAnswer(answer), `"${answer}" is not a date (e.g. 2026-11-25, 11/25/2026 or 25 Nov 2026)`);
    case 'yesNo':
      return orReason(yesNoOfAnswer(answer), `"${answer}" is not a yes or a no`);
    case 'regex':
      return matchesWhole(validation.pattern ?? '', answer);
    case 'oneOf':
      return orReason(optionOfAnswer(validation.options ?? [], answer), `"${answer}" is not one of ${listed(validation.options ?? [])}`);
    default:
      return assertNever(validation.kind, 'answer validation');
  }
}

function orReason(value: string | number | boolean | undefined, reason: string): AnswerCheck {
  return value === undefined ? { ok: false, reason } : { ok: true, value };
}

// One "@", no spaces, a dot in the domain: what a person can type or say, not RFC 5322.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const GROUPED_THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * "42", "-3.5", "1,250", or number words: "forty two", "one hundred and five", "minus five", or
 * digits read one by one, "one two three". Digits with spaces between them ("4 2") are not read
 * as one number: they may be two answers.
 */
function numberOfAnswer(answer: string): number | undefined {
  const plain = parseNumber(answer.replace(/[.!]$/, ''));
  if (plain !== undefined) return plain;
  if (GROUPED_THOUSANDS.test(answer)) return Number(answer.replace(/,/g, ''));
  const words = wordsOf(answer.replace(/-/g, ' '));
  const negative = words[0] === 'minus' || words[0] === 'negative';
  const rest = negative ? words.slice(1) : words;
  const digits = digitsOfWords(rest);
  const value = digits !== undefined ? Number(digits) : numberOfWords(rest);
  if (value === undefined) return undefined;
  return negative ? -value : value;
}

const MONTHS: ReadonlyMap<string, number> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((name, index) => [name, index + 1]),
);

/** The month a name or abbreviation means: "nov", "November", "sept". */
function monthOfName(name: string): number | undefined {
  if (name.length < 3) return undefined;
  const month = MONTHS.get(name.slice(0, 3));
  if (month === undefined) return undefined;
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][month - 1] ?? '';
  return full.startsWith(name) ? month : undefined;
}

/**
 * The ISO date an answer names: "2026-11-25", "11/25/2026" (month first, as in the US), "25 Nov
 * 2026", "25th November, 2026" or "November 25, 2026". A date that does not exist is refused.
 */
function dateOfAnswer(answer: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(answer);
  if (iso !== null) return calendarDate(iso[1], iso[2], iso[3]);
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(answer);
  if (slashed !== null) return calendarDate(slashed[3], slashed[1], slashed[2]);
  const words = answer
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/[.,]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && word !== 'of');
  if (words.length !== 3) return undefined;
  const [first = '', second = '', year = ''] = words;
  if (!/^\d{4}$/.test(year)) return undefined;
  const dayFirst = /^\d{1,2}$/.test(first) ? monthOfName(second) : undefined;
  if (dayFirst !== undefined) return calendarDate(year, String(dayFirst), first);
  const monthFirst = /^\d{1,2}$/.test(second) ? monthOfName(first) : undefined;
  if (monthFirst !== undefined) return calendarDate(year, String(monthFirst), second);
  return undefined;
}

function calendarDate(year = '', month = '', day = ''): string | undefined {
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : undefined;
}

const YES = new Set(['yes', 'yeah', 'yea', 'yep', 'yup', 'ya', 'sure', 'y', '1', 'ok', 'okay', 'correct', 'absolutely', 'definitely']);
const NO = new Set(['no', 'nope', 'nah', 'n', '2']);

/**
 * True or false from the first word: "yes", "Yeah!", "sure thing", "1"; "no", "nope, thanks",
 * "2". An answer that says both ("yes no") is neither.
 */
function yesNoOfAnswer(answer: string): boolean | undefined {
  const words = wordsOf(answer);
  if (words.join(' ') === 'of course') return true;
  const first = words[0] ?? '';
  const rest = words.slice(1);
  if (YES.has(first)) return rest.some((word) => NO.has(word)) ? undefined : true;
  if (NO.has(first)) return rest.some((word) => YES.has(word)) ? undefined : false;
  return undefined;
}

/** The whole answer must match the pattern, ignoring case; a pattern that is not valid matches nothing. */
function matchesWhole(pattern: string, answer: string): AnswerCheck {
  let expression: RegExp;
  try {
    expression = new RegExp(`^(?:${pattern})$`, 'i');
  } catch {
    return { ok: false, reason: `the pattern ${JSON.stringify(pattern)} is not a valid regular expression` };
  }
  return expression.test(answer) ? { ok: true, value: answer } : { ok: false, reason: `"${answer}" does not match the expected format` };
}

/** The option the answer names, as the flow wrote it; case, spacing and punctuation are ignored. */
function optionOfAnswer(options: readonly string[], answer: string): string | undefined {
  const exact = options.find((option) => option.trim().toLowerCase().replace(/\s+/g, ' ') === answer.toLowerCase().replace(/\s+/g, ' '));
  if (exact !== undefined) return exact;
  const spoken = wordsOf(answer).join(' ');
  return options.find((option) => wordsOf(option).join(' ') === spoken);
}

function listed(options: readonly string[]): string {
  return options.map((option) => `"${option}"`).join(', ');
}
