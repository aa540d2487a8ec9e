import { z } from 'zod';
import { isLiteralTemplate } from './schemaParts/literalTemplate';

/** RFC 9110 token characters: what a header field name may be made of. */
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const httpHeaderNameSchema = z
  .string()
  .regex(HTTP_TOKEN, 'write a header name of letters, digits and - (no spaces or colons), e.g. Authorization');

/**
 * A URL as Liquid. A literal URL must parse and use http or https; a templated one must at least
 * begin with the scheme or with markup (e.g. {{ vars.apiBase }}/orders), so a forgotten scheme
 * is caught when the flow is saved rather than on the first journey.
 */
export const httpUrlTemplateSchema = z
  .string()
  .min(1, 'write the URL to call, e.g. https://api.example.com/orders/{{ vars.orderNumber }}')
  .superRefine((url, ctx) => {
    const problem = isLiteralTemplate(url) ? literalUrlProblem(url) : templatedUrlProblem(url);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

function literalUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL; write it in full, e.g. https://api.example.com/orders`;
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:'
    ? undefined
    : `"${url}" is not a web address; start it with https://`;
}

function templatedUrlProblem(url: string): string | undefined {
  return /^(https?:\/\/|\{\{|\{%)/i.test(url.trimStart())
    ? undefined
    : `start the URL with https:// (or with a template that renders it), e.g. https://${url}`;
}

/*
 * What saveToVariables may copy from the response: the status code, the parsed body or a part
 * of it (segments joined by ".", numbers index arrays: body.items.0.id), or one header by name.
 */
const RESPONSE_PATH = /^(status|body(\.[A-Za-z0-9_-]+)*|headers\.[!#$%&'*+\-.^_`|~0-9A-Za-z]+)$/;

export const httpResponsePathSchema = z
  .string()
  .regex(
    RESPONSE_PATH,
    'copy from "status", "body" or a part of it such as body.order.status or body.items.0.id, or a header such as headers.x-request-id',
  );
