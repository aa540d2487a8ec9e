import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { api } from '../support/api';
import { builderPage } from './builderPage';
import { artifacts, freshPagePerTest } from './freshPagePerTest';

interface SavedFlow {
  flow: { draft: { nodes: Array<{ id: string; type: string; config: Record<string, unknown> }> } };
}

// One node of every palette group, laid out on a grid clear of each other (relative to the canvas).
const drops: Array<{ type: string; id: string; at: { x: number; y: number } }> = [
  { type: 'trigger.event', id: 'event_1', at: { x: 20, y: 20 } },
  { type: 'send', id: 'send_1', at: { x: 330, y: 20 } },
  { type: 'waitForReply', id: 'waitForReply_1', at: { x: 640, y: 20 } },
  { type: 'voice.menu', id: 'menu_1', at: { x: 20, y: 230 } },
  { type: 'businessHours', id: 'businessHours_1', at: { x: 330, y: 230 } },
  { type: 'abSplit', id: 'abSplit_1', at: { x: 640, y: 230 } },
  { type: 'intent', id: 'intent_1', at: { x: 20, y: 440 } },
  { type: 'setVariables', id: 'setVariables_1', at: { x: 330, y: 440 } },
  { type: 'subflow', id: 'subflow_1', at: { x: 640, y: 440 } },
  { type: 'route', id: 'route_1', at: { x: 20, y: 640 } },
  { type: 'end', id: 'end_1', at: { x: 330, y: 640 } },
];

describe('the whole node catalog in the builder, in Chromium against the real API', () => {
  const apiUrl = inject('apiUrl');
  const currentPage = freshPagePerTest();

  it('adds a node of every group, edits a field of every new kind, previews a template and saves the draft', async () => {
    const page = currentPage();
    const ui = builderPage(page);
    const created = await api<{ flow: { id: string } }>(apiUrl, 'POST', '/api/flows', { name: `Every kind ${Date.now()}` });
    expect(created.status).toBe(201);
    const flowId = created.body.flow.id;
    await page.goto(`${apiUrl}/?flow=${flowId}`);
    await ui.byTestId('builder').waitFor();

    const groups = await page.locator('.palette-group h3').allTextContents();
    expect(groups).toEqual(['Triggers', 'Messages', 'Voice', 'Logic', 'Data', 'Flow', 'People', 'End']);

    // A new flow starts with a trigger of its own; this test draws its own from the palette.
    await ui.deleteNode('trigger');
    for (const { type, id, at } of drops) {
      await ui.dropNode(type, at);
      await ui.byTestId(`rf-node-${id}`).waitFor();
    }

    // json: a payload that does not parse yet keeps its text and says why; fixed, it is stored.
    await ui.select('event_1');
    await ui.byTestId('inspector-field-event').fill('payment.due');
    const payload = ui.byTestId('inspector-field-payload');
    await payload.fill('[{ "name": "amount", ');
    await ui.byTestId('inspector-field-payload-error').waitFor();
    expect(await payload.inputValue()).toBe('[{ "name": "amount", ');
    await payload.fill('[{ "name": "amount", "type": "number", "required": true }]');
    await ui.byTestId('inspector-field-payload-error').waitFor({ state: 'detached' });

    // A template previews against the sample journey, and shows a Liquid error as it is typed.
    await ui.select('send_1');
    const message = ui.byTestId('inspector-field-template');
    await message.fill('Hi {{ contact.firstName }}, {{ trigger.data.amount }} is due');
    await expect.poll(() => ui.byTestId('inspector-preview-template').textContent()).toMatch(/Hi Ada, .* is due/);
    await message.fill('Hi {{ contact.firstName ');
    await expect.poll(() => ui.byTestId('inspector-preview-template').getAttribute('class')).toContain('is-error');
    await message.fill('Hi {{ contact.firstName }}, your payment is due.');
    expect(await ui.byTestId('node-summary-send_1').textContent()).toMatch(/^SMS: Hi \{\{ contact\.firstName \}\}, your paym\w*…$/);

    // validation (and an optional field cleared out of the config).
    await ui.select('waitForReply_1');
    await ui.byTestId('inspector-field-validation-kind').selectOption('oneOf');
    await ui.byTestId('inspector-field-validation-options').fill('red, green');
    await ui.byTestId('inspector-field-saveAs').fill('colour');
    await ui.byTestId('inspector-clear-saveAs').click();
    await ui.byTestId('handle-waitForReply_1-invalid').waitFor();

    // menuOptions and number: a new option is a new output on the card.
    await ui.select('menu_1');
    await ui.byTestId('inspector-field-options-add').click();
    await ui.byTestId('inspector-field-options-2-output').fill('textMe');
    await ui.byTestId('inspector-field-options-2-phrases').fill('text me, send a link');
    await ui.byTestId('inspector-field-timeoutSeconds').fill('8');
    await ui.byTestId('handle-menu_1-textMe').waitFor();
    expect(await ui.byTestId('node-summary-menu_1').textContent()).toBe('Menu: 1 sales, 2 support, 3 textMe');
    await page.screenshot({ path: join(artifacts, 'builder-catalog-menu.png') });

    // schedule: a zone, Saturday open, a later closing time, a closed date.
    await ui.select('businessHours_1');
    await ui.byTestId('inspector-field-schedule-timezone').fill('Europe/London');
    await ui.byTestId('inspector-field-schedule-0-sat').check();
    await ui.byTestId('inspector-field-schedule-0-to').fill('18:30');
    await ui.byTestId('inspector-field-schedule-add-holiday').click();
    await ui.byTestId('inspector-field-schedule-0-holiday').fill('2030-12-25');
    await page.screenshot({ path: join(artifacts, 'builder-catalog-schedule.png') });

    // branches
    await ui.select('abSplit_1');
    await ui.byTestId('inspector-field-branches-0-weight').fill('80');
    await ui.byTestId('inspector-field-branches-1-output').fill('control');
    await ui.byTestId('handle-abSplit_1-control').waitFor();

    // intents
    await ui.select('intent_1');
    await ui.byTestId('inspector-field-intents-add').click();
    await ui.byTestId('inspector-field-intents-2-output').fill('sales');
    await ui.byTestId('inspector-field-intents-2-keywords').fill('buy, price');
    await ui.byTestId('inspector-field-intents-2-examples').fill('How much is it?\nI want to buy');
    await ui.byTestId('handle-intent_1-sales').waitFor();

    // assignments, each value previewed.
    await ui.select('setVariables_1');
    await ui.byTestId('inspector-field-assignments-add').click();
    await ui.byTestId('inspector-field-assignments-1-name').fill('shout');
    await ui.byTestId('inspector-field-assignments-1-value').fill('{{ contact.firstName | upcase }}');
    await expect.poll(() => ui.byTestId('inspector-preview-assignments-1').textContent()).toContain('ADA');
    await page.screenshot({ path: join(artifacts, 'builder-catalog-assignments.png') });

    // A version typed as digits is pinned as a number.
    await ui.select('subflow_1');
    await ui.byTestId('inspector-field-version').fill('2');

    // boolean
    await ui.select('route_1');
    await ui.byTestId('inspector-field-sticky').check();

    await ui.byTestId('save-draft').click();
    await expect.poll(() => ui.byTestId('status').textContent()).toBe('Saved');
    await page.screenshot({ path: join(artifacts, 'builder-catalog.png') });

    const saved = await api<SavedFlow>(apiUrl, 'GET', `/api/flows/${flowId}`);
    expect(saved.status).toBe(200);
    const config = (id: string) => saved.body.flow.draft.nodes.find((node) => node.id === id)?.config;
    expect(config('event_1')).toMatchObject({ event: 'payment.due', payload: [{ name: 'amount', type: 'number', required: true }] });
    expect(config('send_1')).toMatchObject({ template: 'Hi {{ contact.firstName }}, your payment is due.' });
    expect(config('waitForReply_1')).toMatchObject({ validation: { kind: 'oneOf', options: ['red', 'green'] } });
    expect(config('waitForReply_1')).not.toHaveProperty('saveAs');
    expect(config('menu_1')).toMatchObject({ timeoutSeconds: 8 });
    expect(config('menu_1')?.['options']).toContainEqual({ output: 'textMe', digit: '3', phrases: ['text me', 'send a link'] });
    expect(config('businessHours_1')).toMatchObject({ schedule: { timezone: 'Europe/London', holidays: ['2030-12-25'] } });
    expect(config('businessHours_1')).toMatchObject({ schedule: { hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], to: '18:30' }] } });
    expect(config('abSplit_1')).toMatchObject({ branches: [{ weight: 80 }, { output: 'control' }] });
    expect(config('intent_1')?.['intents']).toContainEqual({ output: 'sales', examples: ['How much is it?', 'I want to buy'], keywords: ['buy', 'price'] });
    expect(config('setVariables_1')?.['assignments']).toContainEqual({ name: 'shout', value: '{{ contact.firstName | upcase }}', type: 'text' });
    expect(config('subflow_1')).toMatchObject({ version: 2 });
    expect(config('route_1')).toMatchObject({ sticky: true });
  });

  it('marks an imported stand-in as needing attention, with its exits, and its validation issue on the node', async () => {
    const page = currentPage();
    const ui = builderPage(page);
    const definition = {
      schemaVersion: 2,
      id: 'ignored',
      name: 'ignored',
      nodes: [
        { id: 'call_in', type: 'trigger.inboundCall', config: { numbers: [] } },
        {
          id: 'pay',
          type: 'placeholder',
          config: { note: 'Studio "Capture payments" widget', source: 'twilio-studio:capture-payments', original: { type: 'capture-payments' }, outputs: ['success', 'hangup'] },
        },
      ],
      edges: [{ from: 'call_in', output: 'next', to: 'pay' }],
      layout: { call_in: { x: 0, y: 0 }, pay: { x: 0, y: 200 } },
    };
    const created = await api<{ flow: { id: string } }>(apiUrl, 'POST', '/api/flows', { name: `Imported ${Date.now()}`, definition });
    expect(created.status).toBe(201);

    await page.goto(`${apiUrl}/?flow=${created.body.flow.id}`);
    await ui.byTestId('node-attention-pay').waitFor();
    expect(await ui.byTestId('rf-node-pay').getAttribute('class')).toContain('needs-attention');
    await ui.byTestId('handle-pay-success').waitFor();
    await ui.byTestId('handle-pay-hangup').waitFor();
    await ui.byTestId('node-issues-pay').waitFor();
    await page.screenshot({ path: join(artifacts, 'builder-placeholder.png') });
  });
});
