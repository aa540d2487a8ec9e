import type { JourneyRun } from '../journeyRun';

/**
 * The zone a schedule falls back to when it names none (product.md: the contact's zone, else
 * the flow's default, else UTC). The journey context carries no contact zone yet; it is read
 * here the moment it does, without this file changing.
 */
export function scheduleFallbackZone(run: Pick<JourneyRun, 'context' | 'input'>): string {
  const contact: object = run.context.contact;
  if ('timezone' in contact && typeof contact.timezone === 'string' && contact.timezone !== '') return contact.timezone;
  return run.input.definition.settings?.timezone ?? 'UTC';
}

/** The workflow's clock as of the node being run (`enter` sets it; replay gives the same). */
export function journeyNow(run: Pick<JourneyRun, 'context'>): Date {
  return new Date(run.context.journey.now);
}
