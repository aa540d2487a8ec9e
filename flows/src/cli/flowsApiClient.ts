import { z } from 'zod';
import type { ValidationIssue } from '../types';
import { CliError } from './cliError';
import { reasonOf } from './readJsonFile';

const issueSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  nodeId: z.string().optional(),
  path: z.string(),
  message: z.string(),
});
const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    path: z.string().optional(),
    nodeId: z.string().optional(),
    issues: z.array(issueSchema).optional(),
  }),
});
const flowViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  publishedVersion: z.number().int().nullable(),
  draft: z.unknown(),
});
const flowAnswerSchema = z.object({ flow: flowViewSchema, issues: z.array(issueSchema).optional() });
const publishAnswerSchema = z.object({ version: z.number().int() });
const versionAnswerSchema = z.object({ version: z.number().int(), definition: z.unknown() });

export type RemoteFlow = z.infer<typeof flowViewSchema>;

/** The API said no (a 4xx): what it said, with the issues it found when there were some. */
export class ApiRefusal extends Error {
  override readonly name = 'ApiRefusal';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ValidationIssue[],
    readonly path?: string,
    readonly nodeId?: string,
  ) {
    super(message);
  }
}

/**
 * The few calls of the admin REST API (api/src/routes/flows.ts) the CLI makes. An API that
 * cannot be reached, or answers 5xx or something that is not its JSON, is a CliError (exit 2);
 * a 4xx is an ApiRefusal for the command to report.
 */
export class FlowsApiClient {
  constructor(readonly baseUrl: string) {}

  /** The flow with its draft, or undefined when there is no such flow. */
  async findFlow(flowId: string): Promise<RemoteFlow | undefined> {
    const answer = await this.call('GET', `/api/flows/${encodeURIComponent(flowId)}`, undefined, [404]);
    if (answer.status === 404) return undefined;
    return this.read(flowAnswerSchema, answer, 'GET flow').flow;
  }

  /** Creates a flow holding `definition` as its draft; its graph issues come back. */
  async createFlow(definition: { id: string; name: string }): Promise<ValidationIssue[]> {
    const body = { id: definition.id, name: definition.name, definition };
    const answer = await this.call('POST', '/api/flows', body);
    const created = this.read(flowAnswerSchema, answer, 'POST /api/flows');
    // Creation does not validate; the draft's issues come from reading it back.
    return created.issues ?? (await this.flowIssues(definition.id));
  }

  /** Replaces a flow's draft; the issues the API found in it come back. */
  async saveDraft(flowId: string, definition: unknown): Promise<ValidationIssue[]> {
    const answer = await this.call('PUT', `/api/flows/${encodeURIComponent(flowId)}/draft`, { definition });
    return this.read(flowAnswerSchema, answer, 'PUT draft').issues ?? [];
  }

  /** Publishes the draft as the next version and returns its number. */
  async publish(flowId: string): Promise<number> {
    const answer = await this.call('POST', `/api/flows/${encodeURIComponent(flowId)}/publish`);
    return this.read(publishAnswerSchema, answer, 'publish').version;
  }

  /** A published version's definition, as the API stores it. */
  async publishedDefinition(flowId: string, version: number): Promise<unknown> {
    const answer = await this.call('GET', `/api/flows/${encodeURIComponent(flowId)}/versions/${version}`);
    return this.read(versionAnswerSchema, answer, 'GET version').definition;
  }

  private async flowIssues(flowId: string): Promise<ValidationIssue[]> {
    const answer = await this.call('GET', `/api/flows/${encodeURIComponent(flowId)}`);
    return this.read(flowAnswerSchema, answer, 'GET flow').issues ?? [];
  }

  private async call(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    expectedStatuses: readonly number[] = [],
  ): Promise<{ status: number; body: unknown }> {
    const url = `${this.baseUrl}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      const cause = error instanceof Error && error.cause !== undefined ? reasonOf(error.cause) : reasonOf(error);
      throw new CliError(
        `cannot reach the Threadline API at ${this.baseUrl} (${cause}); start it with \`npm start\`, or point --api or $THREADLINE_API_URL at it`,
      );
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      throw new CliError(`${method} ${url} answered ${response.status} with something other than JSON; is ${this.baseUrl} a Threadline API?`);
    }
    if (response.ok || expectedStatuses.includes(response.status)) return { status: response.status, body: parsed };

    const error = errorBodySchema.safeParse(parsed);
    const message = error.success ? error.data.error.message : `HTTP ${response.status}`;
    if (response.status >= 400 && response.status < 500) {
      const details = error.success ? error.data.error : undefined;
      throw new ApiRefusal(
        response.status,
        details?.code ?? `http-${response.status}`,
        message,
        details?.issues ?? [],
        details?.path,
        details?.nodeId,
      );
    }
    throw new CliError(`the API answered ${response.status} to ${method} ${path}: ${message}`);
  }

  private read<T>(schema: z.ZodType<T>, answer: { status: number; body: unknown }, what: string): T {
    const result = schema.safeParse(answer.body);
    if (!result.success) {
      throw new CliError(`${what}: the API at ${this.baseUrl} answered ${answer.status} in a shape this CLI does not know; is it the same Threadline version?`);
    }
    return result.data;
  }
}
