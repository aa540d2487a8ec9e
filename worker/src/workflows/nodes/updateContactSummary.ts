import type { NodeConfigs } from '@threadline/flows/types';
import { previewText } from '../summarize';

/**
 * The activity's summary in the Temporal UI, as the node reads in the flow: "update contact:
 * +vip, -trial, plan, no calls". Attribute names only: their values are Liquid, and may be
 * personal.
 */
export function updateContactSummary(config: NodeConfigs['updateContact']): string {
  const parts = [
    ...config.addTags.map((tag) => `+${tag}`),
    ...config.removeTags.map((tag) => `-${tag}`),
    ...config.attributes.map((attribute) => attribute.name),
  ];
  if (config.preferredChannel !== undefined) parts.push(`prefers ${config.preferredChannel}`);
  if (config.doNotCall !== undefined) parts.push(config.doNotCall ? 'no calls' : 'calls ok');
  if (config.timezone !== undefined) parts.push(config.timezone);
  return `update contact: ${previewText(parts.join(', '), 60)}`;
}
