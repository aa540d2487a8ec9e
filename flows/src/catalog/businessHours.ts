import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { officeHoursSchedule, scheduleSchema } from './schemaParts/scheduleSchema';

const configSchema = z.strictObject({
  schedule: scheduleSchema,
});

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['businessHours']>;

export const businessHours: NodeCatalogEntry<'businessHours'> = {
  type: 'businessHours',
  title: 'Business hours',
  group: 'logic',
  icon: 'clock',
  description: 'Takes "open" or "closed" by a weekly schedule with holidays, without waiting.',
  configSchema,
  defaults: { schedule: officeHoursSchedule() },
  fields: [
    {
      name: 'schedule',
      label: 'Schedule',
      help: 'Weekly windows (HH:MM, 24-hour, ending after they start) and closed dates, which are closed whatever the weekly hours say. Without a time zone, the contact\'s zone is used, else the flow\'s.',
      kind: 'schedule',
      required: true,
    },
  ],
  waits: false,
  outputs: () => ['open', 'closed'],
  results: [],
  call: { required: false },
  setsVariables: () => [],
};
