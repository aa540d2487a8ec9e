import type { NodeConfigs } from '../types';
import { wordsOf } from './normalizeSpokenInput';

/**
 * The output an intent node takes when no intent is recognised. The same as the catalog's
 * UNKNOWN_INTENT_OUTPUT (catalog/intent.ts, a test pins them together); defined here too because
 * the catalog brings zod, which the workflow bundle does not load.
 */
export const UNKNOWN_INTENT_OUTPUT = 'unknown';

/** Below this similarity to every example, the text is not recognised. */
export const INTENT_SIMILARITY_THRESHOLD = 0.34;

export interface IntentMatch {
  /** The recognised intent's output, or "unknown". */
  output: string;
  /** How sure the match is, from 0 to 1; for "unknown", how far the text is from every intent. */
  confidence: number;
}

// Words that say nothing about what the contact wants; left out of example similarity only.
// Kept as stems, since they are compared with stemmed words ("please" reads "pleas").
const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    'a', 'an', 'the', 'i', 'im', 'me', 'my', 'mine', 'you', 'your', 'we', 'our', 'us', 'it', 'its', 'is', 'am', 'are',
    'was', 'were', 'be', 'been', 'to', 'of', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'and', 'or', 'but', 'so',
    'this', 'that', 'these', 'those', 'there', 'do', 'does', 'did', 'can', 'could', 'would', 'will', 'shall', 'should',
    'have', 'has', 'had', 'hi', 'hello', 'hey', 'please', 'thank', 'thanks', 'just', 'about', 'some', 'any', 'what',
    'how', 'when', 'where', 'which', 'who', 'why', 'here', 'as', 'if', 'then', 'than', 'too', 'very', 'get',
  ].map(stem),
);

/**
 * Recognises what a text asks for, deterministically, from the node's keywords and examples.
 * A keyword (a word or phrase, matched as whole words after normalising case, punctuation and
 * simple plurals and -ing/-ed endings) wins over any example: the intent whose keywords cover
 * most of the text's words is chosen, with confidence from 0.8 up. Without a keyword, the text
 * is compared with each example (Dice overlap of their meaningful words) and the closest intent
 * wins if it is at least INTENT_SIMILARITY_THRESHOLD alike, its similarity being the confidence.
 * Ties go to the intent listed first; anything else is "unknown".
 */
export function classifyIntent(config: NodeConfigs['intent'], text: string): IntentMatch {
  const tokens = stemmedWords(text);
  if (tokens.length === 0) return { output: UNKNOWN_INTENT_OUTPUT, confidence: 1 };

  let keywordBest: { output: string; covered: number } | undefined;
  for (const intent of config.intents) {
    const covered = keywordCoverage(tokens, intent.keywords);
    if (covered > 0 && (keywordBest === undefined || covered > keywordBest.covered)) keywordBest = { output: intent.output, covered };
  }
  if (keywordBest !== undefined) {
    return { output: keywordBest.output, confidence: round(0.8 + 0.2 * Math.min(1, keywordBest.covered / tokens.length)) };
  }

  const meaningful = contentWords(tokens);
  let exampleBest = { output: UNKNOWN_INTENT_OUTPUT, similarity: 0 };
  for (const intent of config.intents) {
    for (const example of intent.examples) {
      const similarity = dice(meaningful, contentWords(stemmedWords(example)));
      if (similarity > exampleBest.similarity) exampleBest = { output: intent.output, similarity };
    }
  }
  if (exampleBest.similarity >= INTENT_SIMILARITY_THRESHOLD) return { output: exampleBest.output, confidence: round(exampleBest.similarity) };
  return { output: UNKNOWN_INTENT_OUTPUT, confidence: round(1 - exampleBest.similarity) };
}

/** Lower-case words without punctuation, each reduced to a rough stem. */
export function stemmedWords(text: string): string[] {
  return wordsOf(text.replace(/[-_/]/g, ' ')).map(stem);
}

/**
 * A rough English stem, the same for both sides of a comparison, so "refunds", "refunding" and
 * "refunded" all read "refund", "charges" and "charged" read "charg", and "cancelling" reads
 * "cancel". Not linguistics: what matters is that related forms meet; short words are kept.
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let stemmed = word;
  if (stemmed.endsWith('ies') && stemmed.length > 4) stemmed = `${stemmed.slice(0, -3)}y`;
  else if (/(ss|sh|ch|x|z)es$/.test(stemmed)) stemmed = stemmed.slice(0, -2);
  else if (stemmed.endsWith('s') && !/(ss|us|is)$/.test(stemmed)) stemmed = stemmed.slice(0, -1);
  if (stemmed.endsWith('ing') && stemmed.length > 5) stemmed = stemmed.slice(0, -3);
  else if (stemmed.endsWith('ed') && stemmed.length > 4) stemmed = stemmed.slice(0, -2);
  if (stemmed.endsWith('e') && stemmed.length > 4) stemmed = stemmed.slice(0, -1);
  // "stopp" (stopping), "cancell" (cancelled): a doubled last consonant is written once, in every
  // word past four letters, so "install" and "installed" still meet; "bill" keeps its two l's.
  if (stemmed.length > 4 && /([b-df-hj-np-tv-z])\1$/.test(stemmed)) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

/** How many of the text's words the keywords cover, each keyword matched as whole words. */
function keywordCoverage(tokens: readonly string[], keywords: readonly string[]): number {
  const covered = new Set<number>();
  for (const keyword of keywords) {
    const phrase = stemmedWords(keyword);
    if (phrase.length === 0) continue;
    for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
      if (phrase.every((word, offset) => tokens[start + offset] === word)) {
        for (let offset = 0; offset < phrase.length; offset += 1) covered.add(start + offset);
      }
    }
  }
  return covered.size;
}

/** The words that carry meaning; all of them when every word is a stop word ("can you help" keeps "help"). */
function contentWords(tokens: readonly string[]): Set<string> {
  const content = tokens.filter((token) => !STOP_WORDS.has(token));
  return new Set(content.length > 0 ? content : tokens);
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
