/**
 * The multi-step journey's texts and timings, shared by its flow definition and the hand-written
 * baseline so the two cannot drift. No imports: the baseline's workflow bundle includes it.
 */
export const ENGINE_STEPS = {
  welcome: 'Thanks for your message — we will be right with you.',
  delay: '2s',
  question: 'What can we help with? Ask about prices any time.',
  replyTimeout: '1h',
  pricingWords: ['price', 'pricing', 'cost'],
  pricing: 'Our plans and prices are at https://example.com/pricing.',
  general: 'Thanks! Someone from our team will get back to you shortly.',
  /** What the bench replies: it takes the `pricing` branch. */
  reply: 'How much does it cost?',
} as const;
