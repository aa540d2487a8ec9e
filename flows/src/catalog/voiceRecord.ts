import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { boundedIntegerSchema } from './schemaParts/boundedIntegerSchema';
import { keypadKeyOptions, keypadKeySchema } from './schemaParts/keypadKeySchema';
import { templateSchemaSaying } from './schemaParts/templateSchema';

const configSchema = z.strictObject({
  prompt: templateSchemaSaying('write what the caller hears before the beep, or remove the field').optional(),
  maxLengthSeconds: boundedIntegerSchema(1, 14_400, 'seconds'),
  transcribe: z.boolean(),
  playBeep: z.boolean(),
  finishOnKey: keypadKeySchema.optional(),
});

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['voice.record']>;

export const voiceRecord: NodeCatalogEntry<'voice.record'> = {
  type: 'voice.record',
  title: 'Record',
  group: 'voice',
  icon: 'mic',
  description: 'Records a message from the caller (a voicemail), optionally with a transcript.',
  configSchema,
  defaults: {
    prompt: 'Please leave a message after the beep. Press pound when you are done.',
    maxLengthSeconds: 120,
    transcribe: true,
    playBeep: true,
    finishOnKey: '#',
  },
  fields: [
    {
      name: 'prompt',
      label: 'Prompt',
      help: 'What the caller hears before recording starts (Liquid). Leave empty to start at once.',
      kind: 'textarea',
      required: false,
      template: true,
    },
    {
      name: 'maxLengthSeconds',
      label: 'Longest recording (seconds)',
      help: 'Recording stops after this many seconds (1-14400).',
      kind: 'number',
      placeholder: '120',
      required: true,
    },
    {
      name: 'transcribe',
      label: 'Transcribe',
      help: 'Turn the recording into text, readable as {{ nodes.<id>.transcript }}. The provider sends it minutes after the call: a node that reads it waits for it (up to 10 minutes), after the caller has been let go, so put those nodes after the goodbye.',
      kind: 'boolean',
      required: true,
    },
    {
      name: 'playBeep',
      label: 'Beep first',
      help: 'Play a beep so the caller knows when to speak.',
      kind: 'boolean',
      required: true,
    },
    {
      name: 'finishOnKey',
      label: 'Finish key',
      help: 'The key that ends the recording. Leave empty to stop on silence, the time limit or hang-up only.',
      kind: 'select',
      options: keypadKeyOptions,
      required: false,
    },
  ],
  waits: true,
  // "hangup": the caller hung up while recording; the recording is kept but the call is over.
  outputs: () => ['recorded', 'noAudio', 'hangup'],
  results: [
    { key: 'recordingUrl', description: 'Where the recording can be fetched.', on: ['recorded'] },
    { key: 'durationSeconds', description: 'How long the recording is, in seconds.', on: ['recorded'] },
    { key: 'transcript', description: 'The recording as text, when transcription is on (else empty); a node reading it waits until it comes.', on: ['recorded'] },
    { key: 'transcriptStatus', description: 'off, pending, completed, failed, or timedOut (no transcript within 10 minutes of a node asking for it).', on: ['recorded'] },
  ],
  call: { required: true, after: { hangup: 'noCall' } },
  setsVariables: () => [],
};
