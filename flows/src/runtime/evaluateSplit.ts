import type { NodeConfigs, SplitCondition } from '../types';
import { resolvePath } from './resolvePath';

/** The output a split takes when no condition matches. */
export const ELSE_OUTPUT = 'else';

/**
 * Picks a split's output: the first condition (in order) that matches the value at
 * `config.input`, else `else`. Comparisons ignore case and surrounding whitespace.
 */
export function evaluateSplit(config: NodeConfigs['split'], context: unknown): string {
  const text = textOf(resolvePath(context, config.input));
  const matching = config.conditions.find((condition) => conditionMatches(condition, text));
  return matching?.output ?? ELSE_OUTPUT;
}

function conditionMatches(condition: SplitCondition, text: string): boolean {
  const subject = text.trim().toLowerCase();
  const values = condition.values.map((value) => value.trim().toLowerCase()).filter((value) => value !== '');
  switch (condition.operator) {
    case 'contains':
      return values.some((value) => subject.includes(value));
    case 'equals':
      return values.some((value) => subject === value);
    case 'matchesAnyOf':
      return values.some((value) => containsWholePhrase(subject, value));
    case 'isBlank':
      return subject === '';
    case 'isNotBlank':
      return subject !== '';
    default:
      return unknownOperator(condition.operator);
  }
}

/**
 * True when `phrase` occurs in `text` bounded by non-letters/digits on both sides, so "price"
 * matches "the price?" but not "priceless". Runs of whitespace in either side count as one.
 */
function containsWholePhrase(text: string, phrase: string): boolean {
  const pattern = phrase.split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'u').test(text.replace(/\s+/g, ' '));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function unknownOperator(operator: never): never {
  throw new Error(`unknown split operator "${String(operator)}"`);
}
