import { z } from 'zod';
import type { MutuallyAssignable } from '../catalog/nodeCatalogEntry';
import type { FlowInterface, FlowSettings } from '../types';
import { messageChannelSchema } from '../catalog/messageChannelOptions';
import { timeZoneSchema } from '../catalog/schemaParts/timeZoneSchema';

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

export const flowSettingsSchema = z.strictObject({
  timezone: timeZoneSchema.optional(),
  reentry: z.enum(['ignore', 'restart', 'parallel']).optional(),
  defaultChannel: messageChannelSchema.optional(),
});

true satisfies MutuallyAssignable<z.infer<typeof flowSettingsSchema>, FlowSettings>;
