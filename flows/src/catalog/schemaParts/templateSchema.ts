import { z } from 'zod';

/**
 * A Liquid template field: a non-empty string. Whether it parses, and what it reads, is checked
 * by validation (template-syntax, template-unknown-*), which can say which node and field is at
 * fault and knows the flow's other nodes; the config schema only refuses an empty template.
 */
export const templateSchema = z.string().min(1, 'write a template, or remove the field if it is optional');

/** The same, with a message that names what is missing, e.g. "write the message to send". */
export function templateSchemaSaying(message: string) {
  return z.string().min(1, message);
}
