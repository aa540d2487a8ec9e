import { z } from 'zod';
import { isLiteralTemplate } from './literalTemplate';

/** A phone number in E.164 form: "+", a country code and up to 15 digits, no spaces. */
export const E164_PATTERN = /^\+[1-9][0-9]{6,14}$/;

export const e164Schema = z.string().regex(E164_PATTERN, 'write the number in E.164 form, e.g. +14155550100');

/**
 * The problem with a phone-number template, if any: plain text must be an E.164 number, while
 * text with Liquid markup is known only when it is rendered. `example` is a template to suggest.
 */
export function phoneTemplateProblem(template: string, example: string): string | undefined {
  return isLiteralTemplate(template) && !E164_PATTERN.test(template)
    ? `write the number in E.164 form, e.g. +14155550100, or a template such as ${example}`
    : undefined;
}
