import { z } from 'zod';

/** A phone number in E.164 form: "+", a country code and up to 15 digits, no spaces. */
export const E164_PATTERN = /^\+[1-9][0-9]{6,14}$/;

export const e164Schema = z.string().regex(E164_PATTERN, 'write the number in E.164 form, e.g. +14155550100');
