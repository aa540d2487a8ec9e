import { z } from 'zod';
import type { MutuallyAssignable } from '../catalog/nodeCatalogEntry';
import type { FlowFrequencyCap, FlowInterface, FlowSettings } from '../types';
import { messageChannelSchema } from '../catalog/messageChannelOptions';
import { timeZoneSchema } from '../catalog/schemaParts/timeZoneSchema';
import { durationTextSchema } from '../catalog/durationTextSchema';

/** Input and output names are read as `trigger.data.<name>` and `nodes.<id>.outputs.<name>`. */
const interfaceNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'use letters, digits and "_", starting with a letter or "_"');

export const flowInterfaceSchema = z
  .strictObject({
    inputs: z.array(
      z.strictObject({ name: interfaceNameSchema, required: z.boolean(), description: z.string().optional() }),
    ),
    outputs: z.array(z.strictObject({ name: interfaceNameSchema, description: z.string().optional() })),
  })
  .superRefine((flowInterface, ctx) => {
    for (const list of ['inputs', 'outputs'] as const) {
      const seen = new Set<string>();
      flowInterface[list].forEach((entry, index) => {
        if (seen.has(entry.name)) {
          ctx.addIssue({
            code: 'custom',
            path: [list, index, 'name'],
            message: `"${entry.name}" is declared twice; each ${list === 'inputs' ? 'input' : 'output'} needs its own name`,
          });
        }
        seen.add(entry.name);
      });
    }
  });

true satisfies MutuallyAssignable<z.infer<typeof flowInterfaceSchema>, FlowInterface>;

/** `settings.frequencyCap`: the worker enforces it at send time beside its own cap. */
export const flowFrequencyCapSchema = z.strictObject({
  max: z
    .number({ error: 'write how many messages the flow may send a contact per window, e.g. 2' })
    .int('write a whole number of messages, e.g. 2')
    .min(1, 'allow at least 1 message per window; leave frequencyCap out for no cap of the flow\'s own'),
  window: durationTextSchema,
});

export const flowSettingsSchema = z.strictObject({
  timezone: timeZoneSchema.optional(),
  reentry: z.enum(['ignore', 'restart', 'parallel']).optional(),
  defaultChannel: messageChannelSchema.optional(),
  frequencyCap: flowFrequencyCapSchema.optional(),
});

true satisfies MutuallyAssignable<z.infer<typeof flowFrequencyCapSchema>, FlowFrequencyCap>;
true satisfies MutuallyAssignable<z.infer<typeof flowSettingsSchema>, FlowSettings>;
