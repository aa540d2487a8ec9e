import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { boundedIntegerSchema } from './schemaParts/boundedIntegerSchema';
import { languageTagSchema, ttsVoiceSchema } from './schemaParts/speechSchemas';
import { templateSchemaSaying } from './schemaParts/templateSchema';

const configSchema = z.strictObject({
  text: templateSchemaSaying('write what to say'),
  voice: ttsVoiceSchema.optional(),
  language: languageTagSchema.optional(),
  loop: boundedIntegerSchema(0, 100, 'repeats'),
});

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['voice.say']>;

export const voiceSay: NodeCatalogEntry<'voice.say'> = {
  type: 'voice.say',
  title: 'Say',
  group: 'voice',
  icon: 'audio-lines',
  description: 'Speaks a message to the caller with text-to-speech.',
  configSchema,
  defaults: { text: 'Thanks for calling. Please hold while we connect you.', loop: 1 },
  fields: [
    {
      name: 'text',
      label: 'Say',
      help: 'What the caller hears (Liquid), e.g. "Your order {{ vars.orderNumber }} ships tomorrow."',
      kind: 'textarea',
      required: true,
      template: true,
    },
    {
      name: 'voice',
      label: 'Voice',
      help: 'A text-to-speech voice such as Polly.Joanna. Leave empty for the default voice.',
      kind: 'text',
      placeholder: 'Polly.Joanna',
      required: false,
    },
    {
      name: 'language',
      label: 'Language',
      help: 'The language to speak, as a tag such as en-US or es-MX. Leave empty for the voice\'s own.',
      kind: 'text',
      placeholder: 'en-US',
      required: false,
    },
    {
      name: 'loop',
      label: 'Repeat',
      help: 'How many times to say it (1-100); 0 repeats until the caller hangs up.',
      kind: 'number',
      placeholder: '1',
      required: true,
    },
  ],
  waits: false,
  outputs: () => ['next'],
  results: [],
  call: { required: true },
  setsVariables: () => [],
};
