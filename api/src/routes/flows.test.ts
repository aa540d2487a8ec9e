import type { FlowDefinition } from '@threadline/flows/types';
import { flowLibrary } from '@threadline/flows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiUnderTest, type ApiUnderTest } from '../testing/startApiUnderTest';

let api: ApiUnderTest;

beforeAll(async () => {
  api = await startApiUnderTest();
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

const call: ApiUnderTest['call'] = (method, url, payload) => api.call(method, url, payload);

const missedCallFlow = flowLibrary.find((entry) => entry.id === 'missed-call-text-back');
if (!missedCallFlow) throw new Error('the library lost missed-call-text-back');

function definitionNamed(id: string, name: string): FlowDefinition {
  return { ...structuredClone(missedCallFlow!.definition), id, name };
}

describe('flows CRUD', () => {
  it('creates an empty draft holding one inbound-message trigger, with an id derived from the name', async () => {
    const created = await call('POST', '/api/flows', { name: 'Welcome new leads!' });
    expect(created.status).toBe(201);
    expect(created.body.flow.id).toBe('welcome-new-leads');
    expect(created.body.flow.publishedVersion).toBeNull();
    expect(created.body.flow.draft.nodes).toEqual([
      expect.objectContaining({ type: 'trigger.inboundMessage' }),
    ]);

    const again = await call('POST', '/api/flows', { name: 'Welcome new leads!' });
    expect(again.status).toBe(201);
    expect(again.body.flow.id).toBe('welcome-new-leads-2');

    const list = await call('GET', '/api/flows');
    expect(list.body.flows).toEqual(
      expect.arrayContaining([
        { id: 'welcome-new-leads', name: 'Welcome new leads!', updatedAt: expect.any(String), publishedVersion: null },
      ]),
    );
  });

  it('creates a flow from a given definition under the flow\'s own id and name', async () => {
    const created = await call('POST', '/api/flows', { name: 'Copied', id: 'copied', definition: definitionNamed('other', 'Other') });
    expect(created.status).toBe(201);
    expect(created.body.flow.draft).toMatchObject({ id: 'copied', name: 'Copied' });

    const duplicate = await call('POST', '/api/flows', { name: 'Copied', id: 'copied' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('flow-exists');
  });

  it('saves an incomplete draft and reports its graph problems as issues naming the nodes', async () => {
    await call('POST', '/api/flows', { name: 'Incomplete', id: 'incomplete' });
    const draft = definitionNamed('incomplete', 'Incomplete');
    draft.edges = draft.edges.filter((edge) => edge.from !== 'text_back');

    const saved = await call('PUT', '/api/flows/incomplete/draft', { definition: draft });
    expect(saved.status).toBe(200);
    expect(saved.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'text_back', severity: 'error' })]));

    const read = await call('GET', '/api/flows/incomplete');
    expect(read.body.flow.draft.edges).toHaveLength(draft.edges.length);
    expect(read.body.issues).toEqual(saved.body.issues);

    const validated = await call('POST', '/api/flows/incomplete/validate');
    expect(validated.body).toEqual({ publishable: false, issues: saved.body.issues });
  });

  it('saves a draft whose node config is mid-edit, reports it on the node and refuses to publish it', async () => {
    await call('POST', '/api/flows', { name: 'Mid edit', id: 'mid-edit' });
    const draft = definitionNamed('mid-edit', 'Mid edit');
    const send = draft.nodes.find((node) => node.id === 'text_back');
    if (send?.type !== 'send') throw new Error('text_back is not a send node');
    send.config.template = '';

    const saved = await call('PUT', '/api/flows/mid-edit/draft', { definition: draft });
    expect(saved.status).toBe(200);
    expect(saved.body.issues).toContainEqual(
      expect.objectContaining({ code: 'invalid-config', severity: 'error', nodeId: 'text_back', path: 'nodes[text_back].config.template' }),
    );
    const publish = await call('POST', '/api/flows/mid-edit/publish');
    expect(publish.status).toBe(422);
    expect(publish.body.error.code).toBe('flow-invalid');
  });

  it('rejects a structurally malformed definition with a 400 naming the node and field at fault', async () => {
    await call('POST', '/api/flows', { name: 'Malformed', id: 'malformed' });
    const draft = definitionNamed('malformed', 'Malformed');
    const node = draft.nodes.find((candidate) => candidate.id === 'text_back');
    if (!node) throw new Error('text_back is missing');
    (node as { type: string }).type = 'sendFax';

    const saved = await call('PUT', '/api/flows/malformed/draft', { definition: draft });
    expect(saved.status).toBe(400);
    expect(saved.body.error).toMatchObject({
      code: 'invalid-definition',
      path: 'body.definition.nodes[text_back].type',
      nodeId: 'text_back',
    });
    expect(saved.body.error.issues.length).toBeGreaterThan(0);
  });

  it('answers 404 for flows and versions that do not exist', async () => {
    for (const [method, url] of [
      ['GET', '/api/flows/nope'],
      ['POST', '/api/flows/nope/validate'],
      ['POST', '/api/flows/nope/publish'],
      ['GET', '/api/flows/nope/versions'],
      ['GET', '/api/flows/incomplete/versions/7'],
      ['POST', '/api/flows/library/nope/install'],
      ['GET', '/api/no-such-route'],
    ] as const) {
      const response = await call(method, url);
      expect({ url, status: response.status, code: response.body.error.code }).toEqual({ url, status: 404, code: 'not-found' });
    }
    const put = await call('PUT', '/api/flows/nope/draft', { definition: definitionNamed('nope', 'Nope') });
    expect(put.status).toBe(404);
  });

  it('refuses to publish a draft with errors, answering 422 with the issues', async () => {
    const published = await call('POST', '/api/flows/incomplete/publish');
    expect(published.status).toBe(422);
    expect(published.body.error.code).toBe('flow-invalid');
    expect(published.body.error.issues.length).toBeGreaterThan(0);
  });

  it('publishes numbered versions that later draft edits never change', async () => {
    await call('POST', '/api/flows', { name: 'Versioned', id: 'versioned', definition: definitionNamed('x', 'x') });
    const first = await call('POST', '/api/flows/versioned/publish');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ version: 1, publishedAt: expect.any(String) });

    const edited = definitionNamed('versioned', 'Versioned, edited');
    await call('PUT', '/api/flows/versioned/draft', { definition: edited });
    const second = await call('POST', '/api/flows/versioned/publish');
    expect(second.body.version).toBe(2);

    const versions = await call('GET', '/api/flows/versioned/versions');
    expect(versions.body.versions.map((entry: { version: number }) => entry.version)).toEqual([1, 2]);
    const v1 = await call('GET', '/api/flows/versioned/versions/1');
    expect(v1.body.definition.name).toBe('Versioned');
    const v2 = await call('GET', '/api/flows/versioned/versions/2');
    expect(v2.body.definition.name).toBe('Versioned, edited');
    const flow = await call('GET', '/api/flows/versioned');
    expect(flow.body.flow.publishedVersion).toBe(2);
  });

  it('gives concurrent publishes distinct version numbers or a 409, never the same number twice', async () => {
    await call('POST', '/api/flows', { name: 'Raced', id: 'raced', definition: definitionNamed('x', 'x') });
    const results = await Promise.all([1, 2, 3].map(() => call('POST', '/api/flows/raced/publish')));
    const versions = results.filter((result) => result.status === 201).map((result) => result.body.version);
    expect(results.every((result) => result.status === 201 || result.status === 409)).toBe(true);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.length).toBeGreaterThan(0);
  });

  it('installs a library flow once and answers 409 the second time', async () => {
    const library = await call('GET', '/api/flows/library');
    expect(library.body.flows).toContainEqual({
      id: 'missed-call-text-back',
      name: missedCallFlow.name,
      description: missedCallFlow.description,
    });
    const installed = await call('POST', '/api/flows/library/missed-call-text-back/install');
    expect(installed.status).toBe(201);
    expect(installed.body.flow.draft.nodes).toHaveLength(missedCallFlow.definition.nodes.length);
    const again = await call('POST', '/api/flows/library/missed-call-text-back/install');
    expect(again.status).toBe(409);
  });
});

/** The missed-call flow as issue 4 stored it: schemaVersion 1, before the v2 fields existed. */
function asSchemaVersion1(definition: FlowDefinition): Record<string, unknown> {
  const nodes = definition.nodes.map((node) => {
    const config: Record<string, unknown> = { ...node.config };
    if (node.type === 'send') {
      delete config.mediaUrls;
      delete config.whatsappTemplateVariables;
    }
    if (node.type === 'waitForReply') delete config.maxReprompts;
    if (node.type === 'end') delete config.returns;
    if (node.type === 'split') config.input = 'nodes.wait_reply.reply.text';
    return { ...node, config };
  });
  return { ...structuredClone(definition), schemaVersion: 1, nodes };
}

describe('definitions stored by an older release', () => {
  it('reads a schemaVersion 1 draft back as schemaVersion 2, validates and publishes it', async () => {
    const v1 = asSchemaVersion1(definitionNamed('stored-v1', 'Stored v1'));
    await api.store.flows.create({ _id: 'stored-v1', name: 'Stored v1', draftJson: JSON.stringify(v1) });

    const read = await call('GET', '/api/flows/stored-v1');
    expect(read.status).toBe(200);
    expect(read.body.flow.draft.schemaVersion).toBe(2);
    const split = read.body.flow.draft.nodes.find((node: { id: string }) => node.id === 'mentions_pricing');
    expect(split.config.input).toBe('{{ nodes.wait_reply.reply.text }}');
    expect(read.body.issues.filter((issue: { severity: string }) => issue.severity === 'error')).toEqual([]);

    const published = await call('POST', '/api/flows/stored-v1/publish');
    expect(published.status).toBe(201);
    const version = await call('GET', `/api/flows/stored-v1/versions/${published.body.version}`);
    expect(version.body.definition.schemaVersion).toBe(2);
  });

  it('reads a schemaVersion 1 published version back as schemaVersion 2', async () => {
    const v1 = asSchemaVersion1(definitionNamed('published-v1', 'Published v1'));
    await api.store.flows.create({ _id: 'published-v1', name: 'Published v1', draftJson: JSON.stringify(v1), publishedVersion: 1 });
    await api.store.flowVersions.create({
      _id: 'published-v1@1',
      flowId: 'published-v1',
      version: 1,
      definitionJson: JSON.stringify(v1),
      publishedAt: new Date(),
    });
    const version = await call('GET', '/api/flows/published-v1/versions/1');
    expect(version.status).toBe(200);
    expect(version.body.definition).toMatchObject({ schemaVersion: 2, id: 'published-v1' });
    const send = version.body.definition.nodes.find((node: { id: string }) => node.id === 'text_back');
    expect(send.config).toMatchObject({ mediaUrls: [], whatsappTemplateVariables: [] });
  });
});

describe('subflows, checked against the flows in the database', () => {
  const child: FlowDefinition = {
    schemaVersion: 2,
    id: 'order-status',
    name: 'Order status',
    interface: { inputs: [{ name: 'orderId', required: true }], outputs: [{ name: 'status' }] },
    nodes: [
      { id: 'start', type: 'trigger.subflow', config: {} },
      { id: 'done', type: 'end', config: { outcome: 'looked-up', returns: [{ name: 'status', value: 'shipped' }] } },
    ],
    edges: [{ from: 'start', output: 'next', to: 'done' }],
    layout: {},
  };

  function parent(id: string, flowId: string, inputs: Array<{ name: string; value: string }>): FlowDefinition {
    return {
      schemaVersion: 2,
      id,
      name: id,
      nodes: [
        { id: 'inbound', type: 'trigger.inboundMessage', config: { channels: [] } },
        { id: 'look_up', type: 'subflow', config: { flowId, version: 'latest', inputs } },
        { id: 'done', type: 'end', config: { outcome: 'done', returns: [] } },
      ],
      edges: [
        { from: 'inbound', output: 'next', to: 'look_up' },
        { from: 'look_up', output: 'completed', to: 'done' },
        { from: 'look_up', output: 'failed', to: 'done' },
      ],
      layout: {},
    };
  }

  beforeAll(async () => {
    expect((await call('POST', '/api/flows', { name: child.name, id: child.id, definition: child })).status).toBe(201);
    expect((await call('POST', `/api/flows/${child.id}/publish`)).status).toBe(201);
  });

  it('refuses to publish a subflow node pointing at a flow that does not exist, naming the node', async () => {
    const definition = parent('calls-nothing', 'no-such-flow', []);
    await call('POST', '/api/flows', { name: definition.name, id: definition.id, definition });
    const published = await call('POST', '/api/flows/calls-nothing/publish');
    expect(published.status).toBe(422);
    expect(published.body.error.issues).toContainEqual(
      expect.objectContaining({ code: 'subflow-unknown-flow', nodeId: 'look_up', path: 'nodes[look_up].config.flowId' }),
    );
    const validated = await call('POST', '/api/flows/calls-nothing/validate');
    expect(validated.body.issues).toEqual(published.body.error.issues);
  });

  it('refuses an input the subflow does not declare, and publishes once the inputs match', async () => {
    const definition = parent('calls-order-status', child.id, [
      { name: 'orderId', value: '{{ trigger.text }}' },
      { name: 'colour', value: 'blue' },
    ]);
    const created = await call('POST', '/api/flows', { name: definition.name, id: definition.id, definition });
    expect(created.status).toBe(201);
    const refused = await call('POST', '/api/flows/calls-order-status/publish');
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues).toEqual([
      expect.objectContaining({ code: 'subflow-undeclared-input', nodeId: 'look_up', path: 'nodes[look_up].config.inputs[1].name' }),
    ]);

    const fixed = parent('calls-order-status', child.id, [{ name: 'orderId', value: '{{ trigger.text }}' }]);
    const saved = await call('PUT', '/api/flows/calls-order-status/draft', { definition: fixed });
    expect(saved.body.issues).toEqual([]);
    expect((await call('POST', '/api/flows/calls-order-status/publish')).status).toBe(201);
  });

  it('reports a missing required input when the draft is saved', async () => {
    const definition = parent('forgets-order-id', child.id, []);
    await call('POST', '/api/flows', { name: definition.name, id: definition.id });
    const saved = await call('PUT', '/api/flows/forgets-order-id/draft', { definition });
    expect(saved.body.issues).toContainEqual(
      expect.objectContaining({ code: 'subflow-missing-input', nodeId: 'look_up', severity: 'error' }),
    );
  });
});

describe('bad input', () => {
  it('answers a malformed JSON body with a 400 at the body, not a 500', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/flows',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ path: 'body' });
  });

  it('names the field at fault in the body, the params and the query', async () => {
    const noName = await call('POST', '/api/flows', { id: 'x' });
    expect(noName.status).toBe(400);
    expect(noName.body.error.path).toBe('body.name');

    const badId = await call('POST', '/api/flows', { name: 'x', id: 'Not A Slug' });
    expect(badId.body.error.path).toBe('body.id');

    const badVersion = await call('GET', '/api/flows/versioned/versions/first');
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.error.path).toBe('params.version');

    const noDefinition = await call('PUT', '/api/flows/versioned/draft', {});
    expect(noDefinition.status).toBe(400);
    expect(noDefinition.body.error.path).toBe('body.definition');
  });

  it('never answers a client\'s mistake with a 5xx', async () => {
    const mistakes: Array<{ method: 'POST' | 'PUT' | 'GET'; url: string; payload?: string; contentType?: string }> = [
      { method: 'POST', url: '/api/flows', payload: 'null', contentType: 'application/json' },
      { method: 'POST', url: '/api/flows', payload: '[]', contentType: 'application/json' },
      { method: 'POST', url: '/api/flows', payload: 'name=x', contentType: 'application/x-www-form-urlencoded' },
      { method: 'PUT', url: '/api/flows/versioned/draft', payload: '{"definition": {"nodes": "many"}}', contentType: 'application/json' },
      { method: 'PUT', url: '/api/flows/versioned/draft', payload: '{"definition": null}', contentType: 'application/json' },
      { method: 'POST', url: '/api/sandbox/messages', payload: '{"channel": "fax"}', contentType: 'application/json' },
      { method: 'GET', url: '/api/contacts/lookup?channel=sms&address=hello' },
      { method: 'GET', url: '/api/contacts/lookup' },
      { method: 'GET', url: '/api/contacts/bad%20id' },
    ];
    for (const mistake of mistakes) {
      const response = await api.app.inject({
        method: mistake.method,
        url: mistake.url,
        ...(mistake.payload === undefined ? {} : { payload: mistake.payload }),
        ...(mistake.contentType === undefined ? {} : { headers: { 'content-type': mistake.contentType } }),
      });
      expect({ ...mistake, status: response.statusCode }).toEqual({ ...mistake, status: expect.toSatisfy((status: number) => status >= 400 && status < 500) });
      expect(response.json().error.code).toEqual(expect.any(String));
    }
  });
});
