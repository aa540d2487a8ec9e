import type { MessageChannel } from '../types';

/*
 * Fixed sample data for previews. Fixed, not "now": a preview renders the same text every time
 * and flows/ reads no clock.
 */

/** Typed wide, so a sample reply on another channel type-checks. */
const SAMPLE_CHANNEL: MessageChannel = 'sms';

export const SAMPLE_STARTED_AT = '2025-03-14T16:00:00.000Z';
export const SAMPLE_NOW = '2025-03-14T16:05:00.000Z';

export const SAMPLE_CONTACT = {
  id: 'contact_sample',
  firstName: 'Ada',
  lastName: 'Lovelace',
  phone: '+14155550123',
  email: 'ada@example.com',
  timezone: 'America/Los_Angeles',
  tags: ['lead'],
  attributes: { company: 'Analytical Engines Ltd', plan: 'pro' },
  preferredChannel: SAMPLE_CHANNEL,
};

/** Our number, the one the contact texted or called. */
export const SAMPLE_OUR_NUMBER = '+14155550100';

export const SAMPLE_REPLY = {
  text: 'Yes, please',
  channel: SAMPLE_CHANNEL,
  at: '2025-03-14T16:03:00.000Z',
};
