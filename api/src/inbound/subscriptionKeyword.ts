/**
 * The carriers' standard subscription keywords (CTIA; the lists Twilio honours, see
 * ../shared/providers-reference.md §2.3). A message is a keyword only when the whole message
 * is one, ignoring case and the spaces and punctuation around it: "Stop." is an opt-out,
 * "stop please" is an ordinary message, exactly as the carriers and Twilio read it.
 */

export type SubscriptionAction = 'optOut' | 'optIn' | 'help';

export interface SubscriptionKeyword {
  action: SubscriptionAction;
  /** The keyword as the carriers write it (upper case): "STOP", "UNSUBSCRIBE", "START", "HELP". */
  keyword: string;
}

const KEYWORDS: ReadonlyMap<string, SubscriptionAction> = new Map([
  ...['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'].map((word) => [word, 'optOut'] as const),
  ...['START', 'YES', 'UNSTOP'].map((word) => [word, 'optIn'] as const),
  ...['HELP', 'INFO'].map((word) => [word, 'help'] as const),
]);

// Letters and digits are the keyword; anything else at either end (spaces, "!", ".", emoji) is not.
const SURROUNDING = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** The keyword a whole message is, or null for an ordinary message. */
export function subscriptionKeywordOf(text: string): SubscriptionKeyword | null {
  const keyword = text.replace(SURROUNDING, '').toUpperCase();
  const action = KEYWORDS.get(keyword);
  return action === undefined ? null : { action, keyword };
}
