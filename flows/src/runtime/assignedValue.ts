import { assertNever } from '../assertNever';
import { parseNumber } from './parseNumber';

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

/**
 * The value a setVariables assignment stores, from its rendered Liquid text and declared type.
 * Throws an Error that says what was wrong when the text is not of the type, so the journey's
 * timeline shows why the node failed rather than storing a wrong value silently.
 */
export function assignedValue(type: 'text' | 'number' | 'boolean' | 'json', rendered: string): unknown {
  switch (type) {
    case 'text':
      // As rendered: surrounding spaces may be meant (a prefix, a padded code).
      return rendered;
    case 'number': {
      const value = parseNumber(rendered);
      if (value === undefined) throw new Error(`expected a number, got ${quoted(rendered)}`);
      return value;
    }
    case 'boolean': {
      const word = rendered.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      throw new Error(`expected true or false (or yes/no, 1/0), got ${quoted(rendered)}`);
    }
    case 'json':
      try {
        return JSON.parse(rendered) as unknown;
      } catch (error) {
        const detail = error instanceof Error ? `: ${error.message}` : '';
        throw new Error(`expected JSON, got ${quoted(rendered)}${detail}`);
      }
    default:
      return assertNever(type, 'assignment type');
  }
}

/** The text in quotes, cut short so a long value does not drown the message. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}
