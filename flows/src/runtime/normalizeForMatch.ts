/** How split text comparisons see a text: surrounding whitespace dropped, case ignored. */
export function normalizeForMatch(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * True when `phrase` occurs in `text` bounded by non-letters/digits on both sides, so "price"
 * matches "the price?" but not "priceless". Runs of whitespace in either side count as one.
 * Both sides are expected normalized (normalizeForMatch).
 */
export function containsWholePhrase(text: string, phrase: string): boolean {
  const pattern = phrase.split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'u').test(text.replace(/\s+/g, ' '));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * True when the case-insensitive regular expression `pattern` finds a match in `text`. A pattern
 * that is not a valid regular expression matches nothing (the split's schema refuses a literal
 * one; one rendered from a template is known only at run time, and a journey must not fail on it).
 */
export function matchesPattern(text: string, pattern: string): boolean {
  let expression: RegExp;
  try {
    expression = new RegExp(pattern, 'i');
  } catch {
    return false;
  }
  return expression.test(text);
}
