import { assertNever } from '../assertNever';
import { renderTemplate } from '../templates/renderTemplate';
import type { NodeConfigs, SplitCondition, SplitOperator } from '../types';
import { containsWholePhrase, matchesPattern, normalizeForMatch } from './normalizeForMatch';
import { parseNumber } from './parseNumber';
import { calendarDay, secondsOfDay } from './splitTimes';
import { isKnownTimeZone } from './zonedDateTime';

/** The output a split takes when no condition matches. */
export const ELSE_OUTPUT = 'else';

/** Renders a Liquid template against the journey context; `renderTemplate` unless a test swaps it. */
export type RenderTemplate = (template: string, context: object) => string;

export interface SplitDecision {
  /** The first matching condition's output, else `else`. */
  output: string;
  /** The input as rendered, which the split leaves as `nodes.<id>.value`. */
  value: string;
}

/**
 * Picks a split's output. The input and each condition's values are Liquid templates rendered
 * against the journey context; conditions are tried in order and the first that matches wins.
 * Text comparisons ignore case and surrounding whitespace, and a value that renders blank is
 * left out. Times and dates are read in `journey.timezone` when the context has a valid one,
 * else UTC. Throws only when a template fails to render.
 */
export function evaluateSplit(
  config: NodeConfigs['split'],
  context: object,
  render: RenderTemplate = renderTemplate,
): SplitDecision {
  const value = render(config.input, context);
  const timeZone = journeyTimeZone(context);
  for (const condition of config.conditions) {
    const values = condition.values.map((template) => render(template, context));
    if (conditionMatches(condition.operator, value, values, timeZone)) return { output: condition.output, value };
  }
  return { output: ELSE_OUTPUT, value };
}

/** The operators that match when none of their values does, and the operator they negate. */
type NegatedOperator = 'notEquals' | 'matchesNoneOf' | 'doesNotContain' | 'doesNotStartWith';
const POSITIVE_OF: Readonly<Record<NegatedOperator, SplitOperator>> = {
  notEquals: 'equals',
  matchesNoneOf: 'matchesAnyOf',
  doesNotContain: 'contains',
  doesNotStartWith: 'startsWith',
};

function conditionMatches(
  operator: SplitCondition['operator'],
  input: string,
  renderedValues: readonly string[],
  timeZone: string,
): boolean {
  const subject = normalizeForMatch(input);
  const values = renderedValues.map(normalizeForMatch).filter((value) => value !== '');
  const anyValue = (test: (value: string) => boolean): boolean => values.some(test);
  // Numbers, times, dates and patterns are read as written: case matters to "\D" and "Z".
  const raw = input.trim();
  const rawValues = renderedValues.map((value) => value.trim()).filter((value) => value !== '');
  switch (operator) {
    case 'equals':
      return anyValue((value) => subject === value);
    case 'notEquals':
    case 'matchesNoneOf':
    case 'doesNotContain':
    case 'doesNotStartWith':
      return !conditionMatches(POSITIVE_OF[operator], input, renderedValues, timeZone);
    case 'matchesAnyOf':
      return anyValue((value) => containsWholePhrase(subject, value));
    case 'isBlank':
      return subject === '';
    case 'isNotBlank':
      return subject !== '';
    case 'regex':
      return rawValues.some((pattern) => matchesPattern(raw, pattern));
    case 'contains':
      return anyValue((value) => subject.includes(value));
    case 'startsWith':
      return anyValue((value) => subject.startsWith(value));
    case 'lessThan':
      return compareEach(parseNumber(raw), rawValues, parseNumber, (a, b) => a < b);
    case 'greaterThan':
      return compareEach(parseNumber(raw), rawValues, parseNumber, (a, b) => a > b);
    case 'beforeTime':
      return compareEach(secondsOfDay(raw, timeZone), rawValues, (value) => secondsOfDay(value, timeZone), (a, b) => a < b);
    case 'afterTime':
      return compareEach(secondsOfDay(raw, timeZone), rawValues, (value) => secondsOfDay(value, timeZone), (a, b) => a > b);
    case 'beforeDate':
      return compareEach(calendarDay(raw, timeZone), rawValues, (value) => calendarDay(value, timeZone), (a, b) => a < b);
    case 'afterDate':
      return compareEach(calendarDay(raw, timeZone), rawValues, (value) => calendarDay(value, timeZone), (a, b) => a > b);
    default:
      return assertNever(operator, 'split operator');
  }
}

/** True when the input and some value both parse and `holds(input, value)`. */
function compareEach<T>(
  input: T | undefined,
  values: readonly string[],
  parse: (value: string) => T | undefined,
  holds: (input: T, value: T) => boolean,
): boolean {
  if (input === undefined) return false;
  return values.some((text) => {
    const value = parse(text);
    return value !== undefined && holds(input, value);
  });
}

function journeyTimeZone(context: object): string {
  const journey: unknown = 'journey' in context ? context.journey : undefined;
  if (typeof journey !== 'object' || journey === null || !('timezone' in journey)) return 'UTC';
  const zone = journey.timezone;
  return typeof zone === 'string' && isKnownTimeZone(zone) ? zone : 'UTC';
}
