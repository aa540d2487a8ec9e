import { z } from 'zod';

/**
 * A text-to-speech voice as the provider names it ("Polly.Joanna", "Google.en-US-Standard-C",
 * "alice"). The list changes with the provider, so only the shape is checked here.
 */
export const ttsVoiceSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9._-]{0,99}$/, 'write a voice name such as Polly.Joanna, or remove the field for the default voice');

/** A BCP-47 language tag: "en-US", "es-MX", "cmn-Hans-CN". */
export const languageTagSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'write a language tag such as en-US or es-MX, or remove the field');
