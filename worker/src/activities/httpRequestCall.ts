/**
 * One HTTP request of one node visit, from the flow's templates to the node's results. Pure of
 * the store and of Temporal, so it is tested against a real server without either.
 */
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { HttpRequestInput, HttpRequestResult } from './activityTypes';
import { vetDestination, type ResolveHost, type ResolvedAddress } from './httpRequestDestination';
import { MAX_RESPONSE_BYTES, responseBody, responseHeaders } from './httpRequestResponse';
import { pickSecrets, scrubSecrets } from './httpRequestSecrets';
import type { HttpRequestSettings } from './httpRequestSettings';
import { heartbeatIfInActivity, type Throttle } from './throttle';
import type { TemplateRenderer } from './sendMessage';

export interface HttpCallDeps {
  settings: HttpRequestSettings;
  resolve: ResolveHost;
  render: TemplateRenderer;
  /** The worker's throttles: calls to one host keep to `settings.ratePerHost`; none unless given. */
  throttle?: Throttle;
}

/** The activity's start-to-close (45 s) less a margin: the throttle wait and the request share it. */
const ACTIVITY_BUDGET_MS = 40_000;

export interface HttpCallOutcome {
  result: HttpRequestResult;
  /** `GET orders.example.com/api/orders/123`, secrets blanked, for the timeline; null before the URL is known. */
  target: string | null;
}

/**
 * A network error that a retry may cure, thrown only for methods that are safe to repeat
 * (GET, PUT, DELETE): Temporal retries the activity. POST and PATCH take `failed` instead,
 * since the service may have acted on a request whose answer was lost.
 */
export class HttpNetworkError extends Error {
  override readonly name = 'HttpNetworkError';
}

const IDEMPOTENT_METHODS: ReadonlySet<HttpRequestInput['method']> = new Set(['GET', 'PUT', 'DELETE']);
const USER_AGENT = 'Threadline-Journey/1';

export async function callHttp(deps: HttpCallDeps, input: HttpRequestInput): Promise<HttpCallOutcome> {
  const failed = (reason: string, target: string | null = null): HttpCallOutcome => ({
    result: { outcome: 'failed', status: 0, body: null, headers: {}, reason: scrub(reason) },
    target,
  });
  const templates = [input.url, ...input.headers.map((header) => header.value), ...(input.body === undefined ? [] : [input.body])];
  const picked = pickSecrets(templates, deps.settings.secrets);
  const secrets = picked.ok ? picked.secrets : {};
  const scrub = (text: string) => scrubSecrets(text, secrets);
  if (!picked.ok) return failed(picked.reason);

  const context = { ...input.context, secrets };
  const rendered = renderAll(deps.render, input, context);
  if (!rendered.ok) return failed(rendered.reason);

  let url: URL;
  try {
    url = new URL(rendered.url.trim());
  } catch {
    return failed(`"${rendered.url.trim()}" is not a URL`);
  }
  const target = scrub(`${input.method} ${url.host}${url.pathname}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return failed(`only http and https URLs are called, not ${url.protocol}`, target);

  // The wait for the host's turn comes before the request's own timeout starts running.
  if (deps.throttle && deps.settings.ratePerHost) {
    const turn = await deps.throttle.acquire(`http:${url.hostname}`, deps.settings.ratePerHost, {
      heartbeat: heartbeatIfInActivity,
      maxWaitMs: Math.max(0, ACTIVITY_BUDGET_MS - input.timeoutSeconds * 1000),
    });
    // Not retried: POST and PATCH get one attempt, and the journey should learn why now.
    if (!turn.ok) return failed(`not called: ${turn.reason}`, target);
  }
  const deadline = AbortSignal.timeout(input.timeoutSeconds * 1000);
  const timedOut = () => failed(`no response within ${input.timeoutSeconds} s`, target);
  try {
    const destination = await abortable(vetDestination(url.hostname, deps.settings.allow, deps.resolve), deadline);
    if (!destination.ok) return failed(destination.reason, target);
    const response = await send(url, destination.address, input, rendered, deadline);
    if (response.tooLarge) return failed(`the response is larger than ${MAX_RESPONSE_BYTES / (1024 * 1024)} MiB`, target);
    const status = response.status;
    return {
      result: {
        outcome: status >= 200 && status < 300 ? 'success' : 'failed',
        status,
        body: responseBody(scrub(response.text), response.contentType),
        headers: responseHeaders(response.headers, scrub),
        reason: status >= 200 && status < 300 ? null : `the service answered ${status}`,
      },
      target,
    };
  } catch (error) {
    if (deadline.aborted) return timedOut();
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const message = scrub(error instanceof Error ? error.message : String(error));
    if (code === 'ENOTFOUND') return failed(`${url.hostname} is not a known host`, target);
    if (code.startsWith('ERR_INVALID') || code.startsWith('ERR_HTTP_INVALID') || isTlsError(code)) return failed(message, target);
    if (IDEMPOTENT_METHODS.has(input.method)) throw new HttpNetworkError(`${target}: ${message}`);
    return failed(message, target);
  }
}

type Rendered = { ok: true; url: string; headers: Record<string, string>; body: string | undefined } | { ok: false; reason: string };

function renderAll(render: TemplateRenderer, input: HttpRequestInput, context: object): Rendered {
  const renderPart = (what: string, template: string): { ok: true; text: string } | { ok: false; reason: string } => {
    try {
      return { ok: true, text: render(template, context) };
    } catch (error) {
      return { ok: false, reason: `the ${what} does not render: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
  const url = renderPart('URL', input.url);
  if (!url.ok) return url;
  const headers: Record<string, string> = {};
  for (const header of input.headers) {
    const value = renderPart(`${header.name} header`, header.value);
    if (!value.ok) return value;
    headers[header.name.toLowerCase()] = value.text.trim();
  }
  if (input.body === undefined) return { ok: true, url: url.text, headers, body: undefined };
  const body = renderPart('body', input.body);
  if (!body.ok) return body;
  return { ok: true, url: url.text, headers, body: body.text };
}

interface RawResponse {
  status: number;
  headers: IncomingMessage['headers'];
  contentType: string | undefined;
  text: string;
  tooLarge: boolean;
}

function send(
  url: URL,
  address: ResolvedAddress,
  input: HttpRequestInput,
  rendered: { headers: Record<string, string>; body: string | undefined },
  signal: AbortSignal,
): Promise<RawResponse> {
  // The connection goes to the address vetted above: a second DNS answer (rebinding) is never asked for.
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [address]);
    else callback(null, address.address, address.family);
  };
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...rendered.headers };
  if (rendered.body !== undefined) {
    headers['content-type'] = input.contentType;
    headers['content-length'] = String(Buffer.byteLength(rendered.body));
  }
  const options: RequestOptions = { method: input.method, headers, lookup, signal };
  return new Promise<RawResponse>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          response.destroy();
          resolve({ status: response.statusCode ?? 0, headers: {}, contentType: undefined, text: '', tooLarge: true });
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          contentType: response.headers['content-type'],
          text: Buffer.concat(chunks).toString('utf8'),
          tooLarge: false,
        }),
      );
    });
    request.on('error', reject);
    request.end(rendered.body);
  });
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function isTlsError(code: string): boolean {
  return code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT';
}
