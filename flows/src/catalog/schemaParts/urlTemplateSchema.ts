import { z } from 'zod';
import { isLiteralTemplate } from './literalTemplate';

/**
 * A URL written as a Liquid template. When it has no markup it is checked now: an absolute
 * http(s) URL, since the provider fetches it from the internet. With markup, validation checks
 * the template and the run time checks what it renders to.
 */
export const urlTemplateSchema = z
  .string()
  .min(1, 'write a URL, or remove the row')
  .refine((url) => url === '' || !isLiteralTemplate(url) || isHttpUrl(url), {
    message: 'write a full http(s) URL, e.g. https://example.com/menu.pdf',
  });

function isHttpUrl(text: string): boolean {
  return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(text);
}
