import { flowDefinitionJsonSchema, nodeTypes } from '@threadline/flows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiUnderTest, type ApiUnderTest } from '../testing/startApiUnderTest';

let api: ApiUnderTest;

beforeAll(async () => {
  api = await startApiUnderTest();
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe('the flow language as data', () => {
  it('serves the node catalog: metadata, fields, defaults, outputs, results and a JSON Schema per type', async () => {
    const response = await api.call('GET', '/api/catalog');
    expect(response.status).toBe(200);
    expect(response.body.nodes.map((entry: { type: string }) => entry.type)).toEqual(nodeTypes);
    const send = response.body.nodes.find((entry: { type: string }) => entry.type === 'send');
    expect(send).toMatchObject({
      title: expect.any(String),
      group: 'message',
      icon: expect.any(String),
      description: expect.any(String),
      defaults: expect.objectContaining({ channel: expect.any(String) }),
      outputs: expect.arrayContaining(['sent']),
      results: expect.arrayContaining([expect.objectContaining({ key: 'messageId', on: ['sent'] })]),
      call: { required: false },
      waits: false,
      configSchema: expect.objectContaining({ type: 'object' }),
    });
    expect(send.fields).toContainEqual(expect.objectContaining({ name: 'template', kind: expect.any(String), template: true }));
    expect(send.configSchema.properties.template).toBeDefined();
  });

  it('serves the flow definition\'s JSON Schema, the same as the package publishes', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/schema/flow-definition.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/schema\+json/);
    expect(response.json()).toEqual(flowDefinitionJsonSchema());
  });
});
