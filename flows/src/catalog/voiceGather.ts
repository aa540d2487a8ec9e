import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { answerValidationSchema } from './schemaParts/answerValidationSchema';
import { variableNameSchema } from './schemaParts/assignmentSchema';
import { boundedIntegerSchema } from './schemaParts/boundedIntegerSchema';
import { keypadKeyOptions, keypadKeySchema } from './schemaParts/keypadKeySchema';
import { languageTagSchema, ttsVoiceSchema } from './schemaParts/speechSchemas';
import { templateSchemaSaying } from './schemaParts/templateSchema';
import { acceptsDigits, acceptsSpeech, voiceInputOptions, voiceInputSchema } from './schemaParts/voiceInputSchema';

const configSchema = z
  .strictObject({
    prompt: templateSchemaSaying('write what the caller hears, e.g. "Please enter your order number, then press pound."'),
    input: voiceInputSchema,
    digitCount: boundedIntegerSchema(1, 64, 'digits').optional(),
    finishOnKey: keypadKeySchema.optional(),
    speechLanguage: languageTagSchema.optional(),
    speechHints: z.array(z.string().trim().min(1, 'remove the empty hint')),
    timeoutSeconds: boundedIntegerSchema(1, 600, 'seconds'),
    saveAs: variableNameSchema,
    validation: answerValidationSchema.optional(),
    retries: boundedIntegerSchema(0, 10, 'retries'),
    voice: ttsVoiceSchema.optional(),
    language: languageTagSchema.optional(),
  })
  .superRefine((config, ctx) => {
    // Settings for an input the node does not listen for would look as if they applied.
    if (!acceptsDigits(config.input)) {
      for (const key of ['digitCount', 'finishOnKey'] as const) {
        if (config[key] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'the caller answers by speech only; remove this keypad setting, or let callers use the keypad too',
          });
        }
      }
    }
    if (!acceptsSpeech(config.input)) {
      if (config.speechLanguage !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['speechLanguage'],
          message: 'the caller answers by keypad only; remove the speech language, or let callers speak too',
        });
      }
      if (config.speechHints.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['speechHints'],
          message: 'the caller answers by keypad only; remove the speech hints, or let callers speak too',
        });
      }
    }
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['voice.gather']>;

export const voiceGather: NodeCatalogEntry<'voice.gather'> = {
  type: 'voice.gather',
  title: 'Gather',
  group: 'voice',
  icon: 'keyboard',
  description: 'Asks the caller for digits or a spoken answer, checks it and saves it in a variable.',
  configSchema,
  defaults: {
    prompt: 'Please enter your order number, then press pound.',
    input: 'dtmf',
    finishOnKey: '#',
    speechHints: [],
    timeoutSeconds: 5,
    saveAs: 'answer',
    validation: { kind: 'number' },
    retries: 1,
  },
  fields: [
    {
      name: 'prompt',
      label: 'Prompt',
      help: 'What the caller hears before answering (Liquid).',
      kind: 'textarea',
      required: true,
      template: true,
    },
    {
      name: 'input',
      label: 'Caller answers by',
      help: 'Keypad digits, speech, or either.',
      kind: 'select',
      options: voiceInputOptions,
      required: true,
    },
    {
      name: 'digitCount',
      label: 'Number of digits',
      help: 'Stop after this many digits (1-64). Leave empty to wait for the finish key or the timeout.',
      kind: 'number',
      placeholder: '6',
      required: false,
    },
    {
      name: 'finishOnKey',
      label: 'Finish key',
      help: 'The key that ends the answer, usually #. It is not part of the digits.',
      kind: 'select',
      options: keypadKeyOptions,
      required: false,
    },
    {
      name: 'speechLanguage',
      label: 'Speech language',
      help: 'The language to recognise, as a tag such as en-US. Leave empty for the node\'s language.',
      kind: 'text',
      placeholder: 'en-US',
      required: false,
    },
    {
      name: 'speechHints',
      label: 'Speech hints',
      help: 'Words and phrases the caller is likely to say (product names, "billing"); they improve recognition.',
      kind: 'list',
      placeholder: 'billing',
      required: true,
    },
    {
      name: 'timeoutSeconds',
      label: 'Wait for input (seconds)',
      help: 'Seconds of silence (1-600) before it counts as no input.',
      kind: 'number',
      placeholder: '5',
      required: true,
    },
    {
      name: 'saveAs',
      label: 'Save answer as',
      help: 'A variable name: the digits or the recognised speech is kept as {{ vars.<name> }}.',
      kind: 'text',
      placeholder: 'orderNumber',
      required: true,
    },
    {
      name: 'validation',
      label: 'Check the answer',
      help: 'Accept only a number, an email address, a date, yes/no, a pattern or one of a list. An answer that fails is asked again, then takes "invalid".',
      kind: 'validation',
      required: false,
    },
    {
      name: 'retries',
      label: 'Ask again',
      help: 'How many times (0-10) to ask again after no input or an invalid answer, before taking "noInput" or "invalid".',
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
      help: 'The language the prompt is spoken in, as a tag such as en-US. Leave empty for the default.',
      kind: 'text',
      placeholder: 'en-US',
      required: false,
    },
  ],
  waits: true,
  outputs: () => ['captured', 'noInput', 'invalid'],
  results: [
    { key: 'digits', description: 'The digits the caller pressed, without the finish key.', on: ['captured', 'invalid'] },
    { key: 'speech', description: 'What the caller said, as recognised.', on: ['captured', 'invalid'] },
    { key: 'value', description: 'The accepted answer: a number for a number check, true/false for yes/no, else the text.', on: ['captured', 'invalid'] },
  ],
  call: { required: true },
  setsVariables: (config) => [config.saveAs],
};
