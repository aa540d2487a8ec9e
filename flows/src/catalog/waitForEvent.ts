import { z } from 'zod';
import type { NodeConfigs } from '../types';
import { durationTextSchema } from './durationTextSchema';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { eventNameSchema } from './schemaParts/eventNameSchema';

const configSchema = z.strictObject({
  event: eventNameSchema,
  timeout: durationTextSchema,
});

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['waitForEvent']>;

export const waitForEvent: NodeCatalogEntry<'waitForEvent'> = {
  type: 'waitForEvent',
  title: 'Wait for event',
  group: 'message',
  icon: 'radio-tower',
  description: 'Waits for your systems to send an event for the contact (e.g. booking.created), up to a timeout.',
  configSchema,
  defaults: { event: 'booking.created', timeout: '24h' },
  fields: [
    {
      name: 'event',
      label: 'Event name',
      help: 'The event your system posts to the events API for this contact, as dotted words: booking.created, payment.received.',
      kind: 'text',
      placeholder: 'booking.created',
      required: true,
    },
    {
      name: 'timeout',
      label: 'Give up after',
      help: 'How long to wait before taking the "timeout" output: "90s", "15m", "24h" or "2d".',
      kind: 'duration',
      placeholder: '24h',
      required: true,
    },
  ],
  waits: true,
  outputs: () => ['received', 'timeout'],
  results: [
    { key: 'event', description: 'The event: name, data (its payload) and at (when it arrived).', on: ['received'] },
  ],
  call: { required: false },
  setsVariables: () => [],
};
