import { z } from 'zod';
import type { NodeConfigs } from '../types';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { boundedIntegerSchema } from './schemaParts/boundedIntegerSchema';
import { urlTemplateSchema } from './schemaParts/urlTemplateSchema';

const configSchema = z.strictObject({
  url: urlTemplateSchema,
  loop: boundedIntegerSchema(0, 100, 'repeats'),
});

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['voice.play']>;

export const voicePlay: NodeCatalogEntry<'voice.play'> = {
  type: 'voice.play',
  title: 'Play audio',
  group: 'voice',
  icon: 'volume-2',
  description: 'Plays a recording (an MP3 or WAV at a public URL) to the caller.',
  configSchema,
  defaults: { url: 'https://example.com/audio/welcome.mp3', loop: 1 },
  fields: [
    {
      name: 'url',
      label: 'Audio URL',
      help: 'A public http(s) URL of an MP3 or WAV file. Templates allowed.',
      kind: 'text',
      placeholder: 'https://example.com/audio/welcome.mp3',
      required: true,
      template: true,
    },
    {
      name: 'loop',
      label: 'Repeat',
      help: 'How many times to play it (1-100); 0 repeats until the caller hangs up, as hold music does.',
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
