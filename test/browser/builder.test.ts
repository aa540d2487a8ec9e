import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { api } from '../support/api';
import { builderPage } from './builderPage';
import { artifacts, freshPagePerTest } from './freshPagePerTest';

interface FlowResponse {
  flow: {
    id: string;
    draft: {
      nodes: Array<{ id: string; type: string; label?: string; config: Record<string, unknown> }>;
      edges: Array<{ from: string; output: string; to: string }>;
      layout: Record<string, { x: number; y: number }>;
    };
  };
  issues: Array<{ nodeId?: string; message: string }>;
}

describe('the builder, in Chromium against the real API', () => {
  const apiUrl = inject('apiUrl');
  const currentPage = freshPagePerTest();

  it('builds a flow by drag and drop, saves it, and the API returns what was drawn', async () => {
    const page = currentPage();
    const ui = builderPage(page);
    await page.goto(apiUrl);
    await ui.byTestId('new-flow-name').fill(`Drawn in the browser ${Date.now()}`);
    await ui.byTestId('create-flow').click();
    await ui.byTestId('builder').waitFor();
    const flowId = new URL(page.url()).searchParams.get('flow');
    expect(flowId).toMatch(/^drawn-in-the-browser-/);
    // A new flow starts with a trigger of its own; this test draws its own from the palette.
    await ui.deleteNode('trigger');

    await ui.dropNode('trigger.inboundMessage', { x: 320, y: 80 });
    await ui.dropNode('send', { x: 320, y: 300 });
    await ui.dropNode('end', { x: 320, y: 540 });
    for (const id of ['inboundMessage_1', 'send_1', 'end_1']) await ui.byTestId(`rf-node-${id}`).waitFor();

    await ui.connect('inboundMessage_1', 'next', 'send_1');
    await ui.connect('send_1', 'sent', 'end_1');

    await ui.select('send_1');
    await ui.byTestId('inspector-field-template').fill('Thanks {{ contact.firstName }}, we got your message.');
    await ui.byTestId('inspector-label').fill('Say thanks');

    // failed and blocked still lead nowhere: the send node says so before anything is saved.
    await expect.poll(() => ui.byTestId('node-issues-send_1').isVisible()).toBe(true);

    await ui.byTestId('save-draft').click();
    await expect.poll(() => ui.byTestId('status').textContent()).toBe('Saved');

    const saved = await api<FlowResponse>(apiUrl, 'GET', `/api/flows/${flowId}`);
    expect(saved.status).toBe(200);
    const { draft } = saved.body.flow;
    expect(draft.nodes.map((node) => [node.id, node.type])).toEqual([
      ['inboundMessage_1', 'trigger.inboundMessage'],
      ['send_1', 'send'],
      ['end_1', 'end'],
    ]);
    expect(draft.edges).toEqual(
      expect.arrayContaining([
        { from: 'inboundMessage_1', output: 'next', to: 'send_1' },
        { from: 'send_1', output: 'sent', to: 'end_1' },
      ]),
    );
    expect(draft.edges).toHaveLength(2);
    expect(draft.nodes[1]).toMatchObject({
      label: 'Say thanks',
      config: { channel: 'sms', template: 'Thanks {{ contact.firstName }}, we got your message.' },
    });
    // Dropped top to bottom on the canvas, so laid out top to bottom in the definition.
    const ys = ['inboundMessage_1', 'send_1', 'end_1'].map((id) => draft.layout[id]?.y ?? Number.NaN);
    expect(ys[0]).toBeLessThan(ys[1] ?? 0);
    expect(ys[1]).toBeLessThan(ys[2] ?? 0);
    expect(saved.body.issues.some((issue) => issue.nodeId === 'send_1')).toBe(true);

    await page.screenshot({ path: join(artifacts, 'builder.png') });
  });

  it('refuses to publish a flow with errors, then publishes it once they are fixed', async () => {
    const page = currentPage();
    const ui = builderPage(page);
    const created = await api<{ flow: { id: string } }>(apiUrl, 'POST', '/api/flows', { name: `Publish me ${Date.now()}` });
    expect(created.status).toBe(201);
    const flowId = created.body.flow.id;

    await page.goto(`${apiUrl}/?flow=${flowId}`);
    await ui.byTestId('builder').waitFor();
    await ui.deleteNode('trigger');
    await ui.dropNode('trigger.inboundMessage', { x: 320, y: 80 });
    await ui.dropNode('send', { x: 320, y: 300 });
    await ui.dropNode('end', { x: 320, y: 540 });
    await ui.connect('inboundMessage_1', 'next', 'send_1');
    await ui.connect('send_1', 'sent', 'end_1');

    await ui.byTestId('publish').click();
    await expect.poll(() => ui.byTestId('status').textContent()).toMatch(/^Not published/);

    await ui.connect('send_1', 'failed', 'end_1');
    await ui.connect('send_1', 'blocked', 'end_1');
    await expect.poll(() => ui.byTestId('node-issues-send_1').count()).toBe(0);
    await ui.byTestId('publish').click();
    await expect.poll(() => ui.byTestId('status').textContent()).toBe('Published v1');

    const versions = await api<{ versions: Array<{ version: number }> }>(apiUrl, 'GET', `/api/flows/${flowId}/versions`);
    expect(versions.body.versions.map((v) => v.version)).toEqual([1]);
    await page.screenshot({ path: join(artifacts, 'builder-published.png') });
  });

  it('opens a flow stored through the API on the canvas, wired as it was saved', async () => {
    const page = currentPage();
    const ui = builderPage(page);
    // Written as issue 4's builder saved flows, schemaVersion 1: the API migrates it on the way in.
    const definition = {
      schemaVersion: 1,
      id: 'ignored',
      name: 'ignored',
      nodes: [
        { id: 'hello', type: 'trigger.inboundMessage', config: { channels: ['sms'] } },
        { id: 'bye', type: 'end', label: 'All done', config: { outcome: 'converted' } },
      ],
      edges: [{ from: 'hello', output: 'next', to: 'bye' }],
      layout: { hello: { x: 0, y: 0 }, bye: { x: 0, y: 200 } },
    };
    const created = await api<{ flow: { id: string } }>(apiUrl, 'POST', '/api/flows', { name: `Stored ${Date.now()}`, definition });
    expect(created.status).toBe(201);

    await page.goto(`${apiUrl}/?flow=${created.body.flow.id}`);
    await ui.byTestId('rf-node-bye').waitFor();
    expect(await ui.byTestId('rf-node-bye').textContent()).toContain('All done');
    // React Flow draws edges once both ends are measured, a frame or more after the nodes. This
    // one is a vertical line, a box of zero width, which Playwright calls hidden: wait for it to exist.
    await page.locator('.react-flow__edge').first().waitFor({ state: 'attached' });
    expect(await page.locator('.react-flow__edge').count()).toBe(1);
    expect(await ui.byTestId('status').textContent()).toBe('Saved');
  });
});
