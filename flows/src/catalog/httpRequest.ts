import { z } from 'zod';
import type { NodeConfigs } from '../types';
import { httpHeaderNameSchema, httpResponsePathSchema, httpUrlTemplateSchema } from './httpRequestParts';
import type { MutuallyAssignable, NodeCatalogEntry } from './nodeCatalogEntry';
import { addDuplicateNameIssues, assignmentSchemaOf, variableNameSchema } from './schemaParts/assignmentSchema';
import { isLiteralTemplate } from './schemaParts/literalTemplate';
import { templateSchemaSaying } from './schemaParts/templateSchema';

const configSchema = z
  .strictObject({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    url: httpUrlTemplateSchema,
    headers: z.array(assignmentSchemaOf(httpHeaderNameSchema)),
    body: templateSchemaSaying('write the body to send, or remove the field').optional(),
    contentType: z.enum(['application/json', 'application/x-www-form-urlencoded', 'text/plain']),
    timeoutSeconds: z
      .number()
      .int('write the timeout in whole seconds')
      .min(1, 'allow at least 1 second')
      .max(30, 'keep the timeout at 30 seconds or less: a journey should not hang on a slow service'),
    saveToVariables: z.array(z.strictObject({ name: variableNameSchema, from: httpResponsePathSchema })),
  })
  .superRefine((config, ctx) => {
    // Header names are case-insensitive, so "authorization" repeats "Authorization".
    addDuplicateNameIssues(
      config.headers.map((header) => header.name.toLowerCase()),
      ctx,
      (index) => ['headers', index, 'name'],
    );
    config.headers.forEach((header, index) => {
      if (header.name.toLowerCase() === 'content-type') {
        ctx.addIssue({
          code: 'custom',
          path: ['headers', index, 'name'],
          message: 'set the Content-Type with the "Content type" field instead of a header',
        });
      }
    });
    if (config.body !== undefined && config.method === 'GET') {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'a GET request sends no body; remove it, or use POST' });
    } else if (
      config.body !== undefined &&
      config.contentType === 'application/json' &&
      isLiteralTemplate(config.body) &&
      !parsesAsJson(config.body)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['body'],
        message: 'the body is not valid JSON; fix it, or change the content type',
      });
    }
    addDuplicateNameIssues(
      config.saveToVariables.map((saved) => saved.name),
      ctx,
      (index) => ['saveToVariables', index, 'name'],
    );
  });

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

true satisfies MutuallyAssignable<z.infer<typeof configSchema>, NodeConfigs['httpRequest']>;

export const httpRequest: NodeCatalogEntry<'httpRequest'> = {
  type: 'httpRequest',
  title: 'HTTP request',
  group: 'data',
  icon: 'globe',
  description: 'Calls a web service and keeps its status, body and headers for later nodes.',
  configSchema,
  defaults: {
    method: 'GET',
    url: 'https://api.example.com/status',
    headers: [],
    contentType: 'application/json',
    timeoutSeconds: 10,
    saveToVariables: [],
  },
  fields: [
    {
      name: 'method',
      label: 'Method',
      help: 'GET reads; POST, PUT and PATCH send the body; DELETE removes.',
      kind: 'select',
      options: [
        { value: 'GET', label: 'GET' },
        { value: 'POST', label: 'POST' },
        { value: 'PUT', label: 'PUT' },
        { value: 'PATCH', label: 'PATCH' },
        { value: 'DELETE', label: 'DELETE' },
      ],
      required: true,
    },
    {
      name: 'url',
      label: 'URL',
      help: 'The full address (Liquid), e.g. https://api.example.com/orders/{{ vars.orderNumber }}. It may use {{ secrets.NAME }}.',
      kind: 'text',
      placeholder: 'https://api.example.com/orders/{{ vars.orderNumber }}',
      required: true,
      template: true,
    },
    {
      name: 'headers',
      label: 'Headers',
      help: 'Names are HTTP header names; values are Liquid. Put credentials in secrets and refer to them, e.g. Authorization: Bearer {{ secrets.CRM_TOKEN }}; a literal credential is refused.',
      kind: 'assignments',
      required: true,
      template: true,
    },
    {
      name: 'body',
      label: 'Body',
      help: 'What to send (Liquid), in the content type below; not for GET. For JSON, the | json filter quotes a value, e.g. {"phone": {{ contact.phone | json }}}.',
      kind: 'textarea',
      required: false,
      template: true,
    },
    {
      name: 'contentType',
      label: 'Content type',
      help: 'How the body is encoded; it is sent as the Content-Type header.',
      kind: 'select',
      options: [
        { value: 'application/json', label: 'JSON' },
        { value: 'application/x-www-form-urlencoded', label: 'Form (URL-encoded)' },
        { value: 'text/plain', label: 'Plain text' },
      ],
      required: true,
    },
    {
      name: 'timeoutSeconds',
      label: 'Timeout (seconds)',
      help: 'How long to wait for the response before taking "failed": 1 to 30 seconds.',
      kind: 'number',
      placeholder: '10',
      required: true,
    },
    {
      name: 'saveToVariables',
      label: 'Save to variables',
      help: 'Copies parts of the response into vars.<name>: "status", "body", a part of the body such as body.order.status or body.items.0.id, or a header such as headers.x-request-id. The whole response is also readable as nodes.<id>.status, .body and .headers.',
      kind: 'json',
      required: true,
    },
  ],
  waits: false,
  outputs: () => ['success', 'failed'],
  results: [
    { key: 'status', description: 'The HTTP status code.', on: '*' },
    { key: 'body', description: 'The response body: parsed JSON, else text, else null.', on: '*' },
    { key: 'headers', description: 'The response headers, by lower-case name.', on: '*' },
  ],
  call: { required: false },
  setsVariables: (config) => config.saveToVariables.map((saved) => saved.name),
};
