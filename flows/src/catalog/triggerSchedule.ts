import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { addDuplicateNameIssues, assignmentSchema } from './schemaParts/assignmentSchema';
import { cronSchema } from './schemaParts/cronSchema';
import { timeZoneSchema } from './schemaParts/timeZoneSchema';

const configSchema = z
  .strictObject({
    cron: cronSchema,
    timezone: timeZoneSchema.optional(),
    tags: z.array(z.string().trim().min(1, 'remove the empty tag')),
    attributes: z.array(assignmentSchema),
  })
  .superRefine((config, ctx) => {
    addDuplicateNameIssues(
      config.attributes.map((attribute) => attribute.name),
      ctx,
      (index) => ['attributes', index, 'name'],
    );
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['trigger.schedule']>;

export const triggerSchedule: NodeCatalogEntry<'trigger.schedule'> = {
  type: 'trigger.schedule',
  title: 'Schedule',
  group: 'trigger',
  icon: 'calendar-clock',
  description: 'Starts a journey on a schedule for every contact in an audience, e.g. each Monday at 9.',
  configSchema,
  defaults: { cron: '0 9 * * mon', tags: [], attributes: [] },
  fields: [
    {
      name: 'cron',
      label: 'When',
      help: 'Five cron fields: minute hour day-of-month month day-of-week. "0 9 * * mon-fri" is 09:00 on weekdays; "30 8 1 * *" is 08:30 on the 1st.',
      kind: 'text',
      placeholder: '0 9 * * mon-fri',
      required: true,
    },
    {
      name: 'timezone',
      label: 'Time zone',
      help: 'The IANA zone the schedule is read in, e.g. America/New_York. Leave empty for UTC.',
      kind: 'text',
      placeholder: 'America/New_York',
      required: false,
    },
    {
      name: 'tags',
      label: 'Contacts tagged',
      help: 'Only contacts carrying all of these tags get a journey. Leave empty to not filter by tag.',
      kind: 'list',
      placeholder: 'newsletter',
      required: true,
    },
    {
      name: 'attributes',
      label: 'With attributes',
      // Matched as plain text: there is no journey yet whose context a template could read.
      help: 'Only contacts whose attributes have exactly these values get a journey, e.g. plan = pro. Leave empty to not filter by attribute.',
      kind: 'assignments',
      required: true,
    },
  ],
  waits: false,
  outputs: () => ['next'],
  results: [],
  call: { required: false },
  setsVariables: () => [],
};
