import { z } from 'zod';
import type { NodeConfigs } from '../types';
import { messageChannelOptions, messageChannelSchema } from './messageChannelOptions';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { addDuplicateNameIssues, assignmentSchemaOf, VARIABLE_NAME_PATTERN } from './schemaParts/assignmentSchema';
import { timeZoneSchema } from './schemaParts/timeZoneSchema';

/** Attributes are read back as `contact.attributes.<name>`, so they are plain identifiers too. */
const attributeNameSchema = z
  .string()
  .regex(
    VARIABLE_NAME_PATTERN,
    'name the attribute with letters, digits or "_", starting with a letter or "_", e.g. plan or lastOrderId',
  );

const tagListSchema = z.array(z.string().trim().min(1, 'remove the empty tag'));

const configSchema = z
  .strictObject({
    attributes: z.array(assignmentSchemaOf(attributeNameSchema)),
    addTags: tagListSchema,
    removeTags: tagListSchema,
    preferredChannel: messageChannelSchema.optional(),
    doNotCall: z.boolean().optional(),
    timezone: timeZoneSchema.optional(),
  })
  .superRefine((config, ctx) => {
    addDuplicateNameIssues(
      config.attributes.map((attribute) => attribute.name),
      ctx,
      (index) => ['attributes', index, 'name'],
    );
    addDuplicateNameIssues(config.addTags, ctx, (index) => ['addTags', index]);
    addDuplicateNameIssues(config.removeTags, ctx, (index) => ['removeTags', index]);
    const added = new Set(config.addTags);
    config.removeTags.forEach((tag, index) => {
      if (added.has(tag)) {
        ctx.addIssue({
          code: 'custom',
          path: ['removeTags', index],
          message: `"${tag}" is both added and removed; keep it in one list`,
        });
      }
    });
    const changesSomething =
      config.attributes.length > 0 ||
      config.addTags.length > 0 ||
      config.removeTags.length > 0 ||
      config.preferredChannel !== undefined ||
      config.doNotCall !== undefined ||
      config.timezone !== undefined;
    if (!changesSomething) {
      ctx.addIssue({
        code: 'custom',
        path: ['attributes'],
        message: 'this node changes nothing; set an attribute, a tag, the preferred channel, "do not call" or the time zone',
      });
    }
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['updateContact']>;

export const updateContact: NodeCatalogEntry<'updateContact'> = {
  type: 'updateContact',
  title: 'Update contact',
  group: 'data',
  icon: 'user-pen',
  description: 'Sets attributes, tags and preferences on the contact, for every journey and agent to see.',
  configSchema,
  defaults: { attributes: [], addTags: ['engaged'], removeTags: [] },
  fields: [
    {
      name: 'attributes',
      label: 'Attributes',
      help: 'Values are Liquid, e.g. {{ nodes.<id>.body.plan }}; read back anywhere as {{ contact.attributes.<name> }}.',
      kind: 'assignments',
      required: true,
      template: true,
    },
    {
      name: 'addTags',
      label: 'Add tags',
      help: 'Tags to put on the contact, e.g. vip or lead-hot. Adding a tag it already has changes nothing.',
      kind: 'list',
      required: true,
    },
    {
      name: 'removeTags',
      label: 'Remove tags',
      help: 'Tags to take off the contact. Removing a tag it does not have changes nothing.',
      kind: 'list',
      required: true,
    },
    {
      name: 'preferredChannel',
      label: 'Preferred channel',
      help: 'The channel "best channel" sends use for this contact. Leave empty to keep what it is.',
      kind: 'select',
      options: messageChannelOptions,
      required: false,
    },
    {
      name: 'doNotCall',
      label: 'Do not call',
      help: 'On: the contact asked not to be called, and no flow will call them. Off: clears that. Leave unset to keep what it is.',
      kind: 'boolean',
      required: false,
    },
    {
      name: 'timezone',
      label: 'Time zone',
      help: 'An IANA zone such as America/New_York, used for quiet hours and schedules. Leave empty to keep what it is.',
      kind: 'text',
      placeholder: 'America/New_York',
      required: false,
    },
  ],
  waits: false,
  outputs: () => ['next'],
  results: [],
  call: { required: false },
  setsVariables: () => [],
};
