import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { boundedIntegerSchema } from './schemaParts/boundedIntegerSchema';
import { keypadKeySchema } from './schemaParts/keypadKeySchema';
import { addOutputNameIssues, outputNameSchema } from './schemaParts/outputNameSchema';
import { languageTagSchema, ttsVoiceSchema } from './schemaParts/speechSchemas';
import { templateSchemaSaying } from './schemaParts/templateSchema';
import { acceptsDigits, acceptsSpeech, voiceInputOptions, voiceInputSchema } from './schemaParts/voiceInputSchema';

const NO_INPUT = 'noInput';
const NO_MATCH = 'noMatch';

const menuOptionSchema = z.strictObject({
  output: outputNameSchema,
  digit: keypadKeySchema.optional(),
  phrases: z.array(z.string().trim().min(1, 'remove the empty phrase')),
});

const configSchema = z
  .strictObject({
    prompt: templateSchemaSaying('write the menu the caller hears, e.g. "For sales, press 1."'),
    input: voiceInputSchema,
    options: z.array(menuOptionSchema).min(1, 'add at least one option'),
    timeoutSeconds: boundedIntegerSchema(1, 600, 'seconds'),
    retries: boundedIntegerSchema(0, 10, 'retries'),
    voice: ttsVoiceSchema.optional(),
    language: languageTagSchema.optional(),
  })
  .superRefine((config, ctx) => {
    addOutputNameIssues(
      config.options.map((option) => option.output),
      ctx,
      (index) => ['options', index, 'output'],
      [NO_INPUT, NO_MATCH],
    );
    const digitsSeen = new Map<string, string>();
    config.options.forEach((option, index) => {
      if (acceptsDigits(config.input) && option.digit === undefined) {
        ctx.addIssue({ code: 'custom', path: ['options', index, 'digit'], message: `choose the key that picks "${option.output}"` });
      }
      if (!acceptsDigits(config.input) && option.digit !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', index, 'digit'],
          message: 'the menu listens for speech only; remove the key, or let callers use the keypad too',
        });
      }
      if (acceptsSpeech(config.input) && option.phrases.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', index, 'phrases'],
          message: `list what a caller may say to pick "${option.output}", e.g. "sales"`,
        });
      }
      if (!acceptsSpeech(config.input) && option.phrases.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', index, 'phrases'],
          message: 'the menu listens for the keypad only; remove the phrases, or let callers speak too',
        });
      }
      if (option.digit !== undefined) {
        const earlier = digitsSeen.get(option.digit);
        if (earlier !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['options', index, 'digit'],
            message: `key ${option.digit} already picks "${earlier}"; give each option its own key`,
          });
        } else {
          digitsSeen.set(option.digit, option.output);
        }
      }
    });
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['voice.menu']>;

export const voiceMenu: NodeCatalogEntry<'voice.menu'> = {
  type: 'voice.menu',
  title: 'Menu',
  group: 'voice',
  icon: 'list-ordered',
  description: 'Reads a menu to the caller and takes the option they pick by key press or by voice.',
  configSchema,
  defaults: {
    prompt: 'For sales, press 1. For support, press 2.',
    input: 'dtmf',
    options: [
      { output: 'sales', digit: '1', phrases: [] },
      { output: 'support', digit: '2', phrases: [] },
    ],
    timeoutSeconds: 5,
    retries: 1,
  },
  fields: [
    {
      name: 'prompt',
      label: 'Prompt',
      help: 'What the caller hears (Liquid). Say every option and its key, e.g. "For sales, press 1 or say sales."',
      kind: 'textarea',
      required: true,
      template: true,
    },
    {
      name: 'input',
      label: 'Caller answers by',
      help: 'Keypad, speech, or either. With the keypad every option needs a key; with speech every option needs phrases.',
      kind: 'select',
      options: voiceInputOptions,
      required: true,
    },
    {
      name: 'options',
      label: 'Options',
      help: 'Each option is an output of its own, picked by its key or by any of its phrases (case-insensitive).',
      kind: 'menuOptions',
      required: true,
    },
    {
      name: 'timeoutSeconds',
      label: 'Wait for input (seconds)',
      help: 'Seconds of silence (1-600) after the prompt before it counts as no input.',
      kind: 'number',
      placeholder: '5',
      required: true,
    },
    {
      name: 'retries',
      label: 'Repeat the menu',
      help: 'How many times (0-10) to play the prompt again after no input or an unknown choice, before taking "noInput" or "noMatch".',
      kind: 'number',
      placeholder: '1',
      required: true,
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
      help: 'The language to speak and to recognise, as a tag such as en-US. Leave empty for the default.',
      kind: 'text',
      placeholder: 'en-US',
      required: false,
    },
  ],
  waits: true,
  outputs: (config) => [...config.options.map((option) => option.output), NO_INPUT, NO_MATCH],
  results: [
    { key: 'digits', description: 'The key the caller pressed, if any.', on: '*' },
    { key: 'speech', description: 'What the caller said, as recognised, if anything.', on: '*' },
    { key: 'choice', description: 'The output of the option picked.', on: '*' },
  ],
  call: { required: true },
  setsVariables: () => [],
};
