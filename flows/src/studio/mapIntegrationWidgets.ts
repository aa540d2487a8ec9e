import type { Assignment, FlowNodeOf, NodeConfigs } from '../types';
import type { WidgetContext, WidgetMapping } from './widgetContext';
import { durationOfSeconds } from './widgetContext';
import { variableNameOf } from './studioNames';

const METHODS: ReadonlyArray<NodeConfigs['httpRequest']['method']> = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * make-http-request → httpRequest. Studio sends `parameters` as the query string of a GET and
 * as the form body of a form POST; Threadline writes them into the URL or the body the same way.
 */
export function mapMakeHttpRequest(ctx: WidgetContext): WidgetMapping {
  const methodText = (ctx.text('method') ?? 'GET').toUpperCase();
  const method = METHODS.find((candidate) => candidate === methodText) ?? 'GET';
  if (method !== methodText) ctx.approximate(`its method ${methodText} became GET`);
  const contentType = contentTypeOf(ctx);
  const parameters = parametersOf(ctx);
  let url = ctx.template('url') ?? urlMissing(ctx);
  let body = ctx.template('body');
  if (parameters.length > 0) {
    const encoded = parameters.map(({ name, value }) => `${encodeURIComponent(name)}=${value}`).join('&');
    if (method === 'GET' || method === 'DELETE') {
      url = `${url}${url.includes('?') ? '&' : '?'}${encoded}`;
    } else if (body === undefined) {
      body = encoded;
    } else {
      ctx.approximate('it had both a body and parameters; the body is sent');
    }
    if (parameters.some(({ value }) => value.includes('{{'))) {
      ctx.approximate('parameter values are written into the request unencoded; add `| url_encode` where a value may hold & or =');
    }
  }
  if (body !== undefined && method === 'GET') {
    ctx.approximate('it sent a body with GET, which HTTP does not carry; the body was left out');
    body = undefined;
  }
  if (body !== undefined && contentType === 'application/json' && !body.includes('{{') && !body.includes('{%') && !parsesAsJson(body)) {
    ctx.approximate('its body is not valid JSON; it is sent as text/plain');
    return httpMapping(ctx, { method, url, body, contentType: 'text/plain' }, { success: 'success', failed: 'failed' });
  }
  return httpMapping(ctx, { method, url, body, contentType }, { success: 'success', failed: 'failed' });
}

/**
 * run-function → httpRequest POST to the Function's URL with the parameters as a form, which
 * is how a Twilio Function receives its `event`; Studio's own context (the execution, the
 * Twilio client) does not travel.
 */
export function mapRunFunction(ctx: WidgetContext): WidgetMapping {
  ctx.approximate('the Twilio Function is called over HTTP (POST, form parameters), without Studio\'s execution context');
  const parameters = parametersOf(ctx);
  const body = parameters.map(({ name, value }) => `${encodeURIComponent(name)}=${value}`).join('&');
  return httpMapping(
    ctx,
    {
      method: 'POST',
      url: ctx.template('url') ?? urlMissing(ctx),
      body: body === '' ? undefined : body,
      contentType: 'application/x-www-form-urlencoded',
    },
    { success: 'success', fail: 'failed' },
  );
}

function httpMapping(
  ctx: WidgetContext,
  request: Pick<NodeConfigs['httpRequest'], 'method' | 'url' | 'body' | 'contentType'>,
  outputByEvent: Readonly<Record<string, 'success' | 'failed'>>,
): WidgetMapping {
  const headers: Assignment[] = [];
  if (ctx.boolean('add_twilio_auth') === true || ctx.boolean('send_twilio_credentials') === true) {
    headers.push({ name: 'Authorization', value: 'Basic {{ secrets.TWILIO_BASIC_AUTH }}' });
    ctx.approximate('it sent Twilio credentials; define the secret TWILIO_BASIC_AUTH (base64 of "AccountSid:AuthToken")');
  }
  const config: NodeConfigs['httpRequest'] = {
    method: request.method,
    url: request.url,
    headers,
    contentType: request.contentType,
    // Studio gives every request ten seconds.
    timeoutSeconds: 10,
    saveToVariables: [],
  };
  if (request.body !== undefined) config.body = request.body;
  const id = ctx.nodeId;
  const node: FlowNodeOf<'httpRequest'> = { id, type: 'httpRequest', label: ctx.state.name, config };
  const table: Record<string, Array<{ from: string; output: string }>> = {};
  for (const [event, output] of Object.entries(outputByEvent)) table[event] = [{ from: id, output }];
  return { nodes: [{ node, position: ctx.position }], entry: id, edges: [], exits: ctx.exitsByEvent(table) };
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function contentTypeOf(ctx: WidgetContext): NodeConfigs['httpRequest']['contentType'] {
  const text = (ctx.text('content_type') ?? 'application/x-www-form-urlencoded').toLowerCase();
  if (text.startsWith('application/json')) return 'application/json';
  if (text.startsWith('application/x-www-form-urlencoded')) return 'application/x-www-form-urlencoded';
  if (!text.startsWith('text/plain')) ctx.approximate(`its content type ${text} is sent as text/plain`);
  return 'text/plain';
}

/** Studio's `{ key, value }` lists (parameters, subflow parameters), values rewritten. */
function parametersOf(ctx: WidgetContext, key = 'parameters'): Assignment[] {
  const raw = ctx.property(key);
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || !('key' in entry) || typeof entry.key !== 'string') return [];
    if (entry.key.trim() === '') return [];
    const value = 'value' in entry && entry.value !== undefined && entry.value !== null ? String(entry.value) : '';
    return [{ name: entry.key.trim(), value: value === '' ? '{{ "" }}' : ctx.rewrite(value, `properties.${key}[${index}].value`) }];
  });
}

function urlMissing(ctx: WidgetContext): string {
  ctx.approximate('it had no URL; fill it in');
  return 'https://example.invalid/';
}

/** Twilio SIDs as Threadline flow ids: lower-case, at most 63 characters. */
export function flowIdOfSid(sid: string): string {
  const slug = sid.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
  return slug === '' ? 'studio-subflow' : slug;
}

/**
 * run-subflow → subflow. Parameters become the subflow's inputs; the flow SID becomes a flow id
 * through `subflowIds` when the caller knows where the child was imported to.
 */
export function mapRunSubflow(ctx: WidgetContext, subflowIds: Readonly<Record<string, string>>): WidgetMapping {
  const sid = ctx.text('flow_sid');
  let flowId = 'studio-subflow';
  if (sid === undefined) {
    ctx.approximate('it named no flow; set the subflow to run');
  } else if (Object.hasOwn(subflowIds, sid)) {
    flowId = subflowIds[sid] ?? flowId;
  } else {
    flowId = flowIdOfSid(sid);
    if (sid.includes('{{')) ctx.approximate(`the flow to run was computed (${sid}); pick the flow`);
  }
  const revision = ctx.text('flow_revision') ?? 'LatestPublished';
  let version: NodeConfigs['subflow']['version'] = 'latest';
  if (/^\d+$/.test(revision) && Number(revision) > 0) {
    version = Number(revision);
  } else if (revision !== 'LatestPublished') {
    ctx.approximate(`it ran the ${revision} revision; the latest published version runs`);
  }
  const id = ctx.nodeId;
  const node: FlowNodeOf<'subflow'> = {
    id,
    type: 'subflow',
    label: ctx.state.name,
    config: { flowId, version, inputs: subflowInputsOf(ctx) },
  };
  return {
    nodes: [{ node, position: ctx.position }],
    entry: id,
    edges: [],
    exits: ctx.exitsByEvent({
      completed: [{ from: id, output: 'completed' }],
      failed: [{ from: id, output: 'failed' }],
    }),
  };
}

/** Subflow inputs are read as `trigger.data.<name>`, so their names are identifiers. */
function subflowInputsOf(ctx: WidgetContext): Assignment[] {
  const byName = new Map<string, Assignment>();
  for (const { name, value } of parametersOf(ctx)) {
    const input = variableNameOf(name);
    if (input !== name) ctx.approximate(`its parameter "${name}" is passed as the input "${input}"`);
    byName.set(input, { name: input, value });
  }
  return [...byName.values()];
}

/**
 * send-to-flex → handoff to the TaskRouter workflow as a team. The task attributes (a JSON
 * object in Studio, with Liquid inside) become the handoff's attributes; workflow, channel and
 * priority travel with them so the agent side keeps everything Studio sent.
 */
export function mapSendToFlex(ctx: WidgetContext, flowName: string): WidgetMapping {
  const attributes = taskAttributesOf(ctx);
  for (const key of ['workflow', 'channel', 'priority'] as const) {
    const value = ctx.template(key);
    if (value !== undefined && !attributes.some((attribute) => attribute.name === key)) attributes.push({ name: key, value });
  }
  const config: NodeConfigs['handoff'] = {
    toKind: 'team',
    to: ctx.text('workflow') ?? 'flex',
    summary: `Handed over by the imported Studio flow "${flowName}".`,
    timeout: durationOfSeconds(ctx.integer('timeout'), '1d'),
    attributes,
  };
  const id = ctx.nodeId;
  return {
    nodes: [{ node: { id, type: 'handoff', label: ctx.state.name, config }, position: ctx.position }],
    entry: id,
    edges: [],
    exits: ctx.exitsByEvent({
      callComplete: [{ from: id, output: 'accepted' }],
      failedToEnqueue: [{ from: id, output: 'timeout' }],
      // A second transition to an output already taken is reported by the importer.
      callFailure: [{ from: id, output: 'timeout' }],
      composerStarted: [],
    }),
  };
}

function taskAttributesOf(ctx: WidgetContext): Assignment[] {
  const raw = ctx.text('attributes');
  if (raw === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    // Liquid such as `{{ x | to_json }}` makes the text JSON only after rendering: keep it whole.
    ctx.approximate('its task attributes are not plain JSON; they are kept whole as the "attributes" attribute');
    return [{ name: 'attributes', value: ctx.rewrite(raw, 'properties.attributes') }];
  }
  return Object.entries(parsed).flatMap(([name, value]: [string, unknown]) => {
    if (name.trim() === '') return [];
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return [{ name: name.trim(), value: text === '' ? '{{ "" }}' : ctx.rewrite(text, `properties.attributes.${name}`) }];
  });
}
