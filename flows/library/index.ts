import type { FlowDefinition } from '../src/types';
import { missedCallTextBack } from './missedCallTextBack';

/** A ready-made flow for the templates gallery. */
export interface LibraryFlow {
  id: string;
  name: string;
  /** One line for the gallery card. */
  description: string;
  definition: FlowDefinition;
  /** The canonical JSON file beside this module, under the package's `./library/*` export. */
  file: string;
}

export const flowLibrary: readonly LibraryFlow[] = [
  {
    id: missedCallTextBack.id,
    name: missedCallTextBack.name,
    description: missedCallTextBack.description,
    definition: missedCallTextBack,
    file: 'missed-call-text-back.json',
  },
];
