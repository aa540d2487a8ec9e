import type { FlowDefinition } from '../src/types';
import { deliveryDelayUpdate } from './deliveryDelayUpdate';
import { emailFirst } from './emailFirst';
import { ivrDeflection } from './ivrDeflection';
import { missedCallTextBack } from './missedCallTextBack';
import { multiTouch } from './multiTouch';
import { orderLookupIvr } from './orderLookupIvr';
import { paymentReminder } from './paymentReminder';
import { skillsRouting } from './skillsRouting';
import { speedToLeadSmsFirst } from './speedToLeadSmsFirst';

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

/** The id, name and one-line description come from the definition, so they cannot disagree. */
function libraryFlow(definition: FlowDefinition & { description: string }): LibraryFlow {
  return {
    id: definition.id,
    name: definition.name,
    description: definition.description,
    definition,
    file: `${definition.id}.json`,
  };
}

/** In gallery order: the missed-call text-back the skeleton runs, lead follow-up, routing, voice, notifications. */
export const flowLibrary: readonly LibraryFlow[] = [
  libraryFlow(missedCallTextBack),
  libraryFlow(speedToLeadSmsFirst),
  libraryFlow(emailFirst),
  libraryFlow(multiTouch),
  libraryFlow(skillsRouting),
  libraryFlow(ivrDeflection),
  libraryFlow(orderLookupIvr),
  libraryFlow(paymentReminder),
  libraryFlow(deliveryDelayUpdate),
];
