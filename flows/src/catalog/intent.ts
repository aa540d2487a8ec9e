import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { addOutputNameIssues, outputNameSchema } from './schemaParts/outputNameSchema';
import { templateSchemaSaying } from './schemaParts/templateSchema';

/** The output taken when no intent is recognised. */
export const UNKNOWN_INTENT_OUTPUT = 'unknown';

const phraseListSchema = z.array(z.string().trim().min(1, 'remove the empty phrase'));

const intentSchema = z
  .strictObject({
    output: outputNameSchema,
    examples: phraseListSchema,
    keywords: phraseListSchema,
  })
  .superRefine((intent, ctx) => {
    if (intent.examples.length === 0 && intent.keywords.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['examples'],
        message: `give "${intent.output}" at least one example sentence or keyword, so it can be recognised`,
      });
    }
  });

const configSchema = z
  .strictObject({
    input: templateSchemaSaying('write the text to classify, e.g. {{ reply.text }}'),
    intents: z.array(intentSchema).min(1, 'add at least one intent'),
  })
  .superRefine((config, ctx) => {
    addOutputNameIssues(
      config.intents.map((intent) => intent.output),
      ctx,
      (index) => ['intents', index, 'output'],
    );
  });

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['intent']>;

export const intent: NodeCatalogEntry<'intent'> = {
  type: 'intent',
  title: 'Detect intent',
  group: 'logic',
  icon: 'brain',
  description: 'Recognises what the contact wants from their words and takes that intent\'s output, else "unknown".',
  configSchema,
  defaults: {
    input: '{{ reply.text }}',
    intents: [
      { output: 'billing', examples: ['I have a question about my invoice'], keywords: ['invoice', 'bill', 'refund'] },
      { output: 'support', examples: ['Something is not working'], keywords: ['broken', 'help', 'error'] },
    ],
  },
  fields: [
    {
      name: 'input',
      label: 'Text to classify',
      help: 'Liquid; usually the last reply, {{ reply.text }}, or the reply a given wait received, {{ nodes.<id>.reply.text }}.',
      kind: 'text',
      placeholder: '{{ reply.text }}',
      required: true,
      template: true,
    },
    {
      name: 'intents',
      label: 'Intents',
      help: 'Each intent is an output, recognised from its keywords (single words or short phrases, any case) and example sentences of how contacts say it. Text that matches no intent takes "unknown".',
      kind: 'intents',
      required: true,
    },
  ],
  waits: false,
  outputs: (config) => [...config.intents.map((entry) => entry.output), UNKNOWN_INTENT_OUTPUT],
  results: [
    { key: 'intent', description: 'The recognised intent\'s output name, or "unknown".', on: '*' },
    { key: 'confidence', description: 'How sure the match is, from 0 to 1.', on: '*' },
  ],
  call: { required: false },
  setsVariables: () => [],
};
