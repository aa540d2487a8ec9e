import { z } from 'zod';

/** Event names are dotted words ("lead.created", "payment.due"), as the events API accepts them. */
export const EVENT_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;

export const eventNameSchema = z
  .string()
  .regex(EVENT_NAME_PATTERN, 'write the event name as dotted words, e.g. lead.created or payment.due');
