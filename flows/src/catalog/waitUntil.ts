import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { officeHoursSchedule, scheduleSchema } from './schemaParts/scheduleSchema';

const configSchema = z.strictObject({
  schedule: scheduleSchema,
});

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['waitUntil']>;

export const waitUntil: NodeCatalogEntry<'waitUntil'> = {
  type: 'waitUntil',
  title: 'Wait until open',
  group: 'logic',
  icon: 'calendar-clock',
  description: 'Waits until a weekly schedule is open, such as business hours, then goes on.',
  configSchema,
  defaults: { schedule: officeHoursSchedule() },
  fields: [
    {
      name: 'schedule',
      label: 'Schedule',
      help: 'Weekly windows (HH:MM, 24-hour, ending after they start) and closed dates. Goes on at once when already open. Without a time zone, the contact\'s zone is used, else the flow\'s.',
      kind: 'schedule',
      required: true,
    },
  ],
  waits: true,
  outputs: () => ['next'],
  results: [],
  call: { required: false },
  setsVariables: () => [],
};
