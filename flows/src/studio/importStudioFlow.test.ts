import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFlowDefinition } from '../schema/parseFlowDefinition';
import type { FlowDefinition, FlowNode, NodeType, FlowNodeOf } from '../types';
import { validateFlow } from '../validation/validateFlow';
import { formatStudioImportReport, importStudioFlow, STUDIO_REST_EVENT } from './index';
import capturePayments from './samples/capture-payments.json';
import flexHandoff from './samples/flex-handoff.json';
import httpLookup from './samples/http-lookup.json';
import ivr from './samples/ivr-gather-split.json';
import legacy from './samples/legacy-camelcase.json';
import outboundReminder from './samples/outbound-reminder.json';
import smsBot from './samples/sms-bot-send-and-wait.json';
import subflowChild from './samples/subflow-child.json';
import subflowParent from './samples/subflow-parent.json';

function imported(input: unknown, id = 'imported') {
  const result = importStudioFlow(input, { id });
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.issues, null, 2)}`);
  return result;
}

function node<T extends NodeType>(definition: FlowDefinition, id: string, type: T): FlowNodeOf<T> {
  const found = definition.nodes.find((candidate): candidate is FlowNodeOf<T> & FlowNode => candidate.id === id);
  if (found === undefined) throw new Error(`no node "${id}" in ${definition.nodes.map((n) => n.id).join(', ')}`);
  expect(found.type).toBe(type);
  return found;
}

function target(definition: FlowDefinition, from: string, output: string): string | undefined {
  return definition.edges.find((edge) => edge.from === from && edge.output === output)?.to;
}

function errorsOf(definition: FlowDefinition): string[] {
  return validateFlow(definition)
    .filter((issue) => issue.severity === 'error')
    .map((issue) => `${issue.code} ${issue.nodeId ?? ''} ${issue.path}`);
}

describe('importStudioFlow', () => {
  it('imports every sample export into a definition that parses', () => {
    const samples = [capturePayments, flexHandoff, httpLookup, ivr, legacy, outboundReminder, smsBot, subflowChild, subflowParent];
    for (const sample of samples) {
      const { definition } = imported(sample);
      expect(parseFlowDefinition(definition).ok).toBe(true);
    }
  });

  describe('an IVR with a gather and a split on its digits', () => {
    const { definition, report } = imported(ivr, 'main-line');

    it('validates with no errors', () => {
      expect(errorsOf(definition)).toEqual([]);
    });

    it('starts on an inbound call and keeps the gather a gather and the split a split', () => {
      const trigger = definition.nodes.filter((candidate) => candidate.type.startsWith('trigger.'));
      expect(trigger.map((candidate) => candidate.type)).toEqual(['trigger.inboundCall']);
      expect(target(definition, trigger[0]?.id ?? '', 'next')).toBe('welcome');
      const gather = node(definition, 'main_menu', 'voice.gather');
      expect(gather.config).toMatchObject({
        prompt: 'For sales, press 1. To leave a message for support, press 2.',
        input: 'dtmf',
        digitCount: 1,
        finishOnKey: '#',
        timeoutSeconds: 5,
        retries: 1,
        voice: 'Polly.Joanna',
      });
      expect(target(definition, 'main_menu', 'captured')).toBe('menu_choice');
      expect(target(definition, 'main_menu', 'noInput')).toBe('no_input');
      const split = node(definition, 'menu_choice', 'split');
      expect(split.config).toEqual({
        input: '{{nodes.main_menu.digits}}',
        conditions: [
          { output: 'Sales', operator: 'equals', values: ['1'] },
          { output: 'If_value_equal_to_2', operator: 'equals', values: ['2'] },
        ],
      });
      expect(target(definition, 'menu_choice', 'Sales')).toBe('connect_sales');
      expect(target(definition, 'menu_choice', 'If_value_equal_to_2')).toBe('support_voicemail');
      expect(target(definition, 'menu_choice', 'else')).toBe('invalid_choice');
      expect(target(definition, 'invalid_choice', 'next')).toBe('main_menu');
    });

    it('dials the number in E.164 and lets every dial outcome end the call, as callCompleted did', () => {
      expect(node(definition, 'connect_sales', 'voice.connect').config).toEqual({
        connectTo: 'number',
        target: '+14155550100',
        timeoutSeconds: 30,
        record: false,
      });
      for (const output of ['completed', 'noAnswer', 'busy', 'failed']) {
        const end = target(definition, 'connect_sales', output);
        expect(definition.nodes.find((candidate) => candidate.id === end)?.type).toBe('end');
      }
    });

    it('rewrites the recording paths in the staff notification', () => {
      const notify = node(definition, 'notify_support', 'send');
      expect(notify.config.template).toBe(
        'New voicemail from {{trigger.from}} ({{nodes.support_voicemail.durationSeconds}}s): {{nodes.support_voicemail.recordingUrl}}',
      );
      expect(notify.config).toMatchObject({ channel: 'sms', to: '+14155550123' });
      expect(target(definition, 'support_voicemail', 'recorded')).toBe('notify_support');
      expect(target(definition, 'support_voicemail', 'noAudio')).toBe('goodbye');
    });

    it('keeps every widget at its canvas position', () => {
      expect(definition.layout['main_menu']).toEqual({ x: 40, y: 460 });
      expect(definition.layout['menu_choice']).toEqual({ x: 60, y: 720 });
      expect(definition.layout['connect_sales']).toEqual({ x: -300, y: 980 });
    });

    it('reports every widget as mapped', () => {
      expect(report.mapped).toContain('main_menu');
      expect(report).toMatchObject({ approximated: [], unmapped: [], danglingReferences: [] });
    });
  });

  describe('an SMS bot with send-and-wait-for-reply and a split on the reply', () => {
    const { definition, report } = imported(smsBot, 'sms-bot');

    it('validates with no errors', () => {
      expect(errorsOf(definition)).toEqual([]);
    });

    it('splits send-and-wait into a send and a wait that keeps the widget name, so the reply is nodes.<name>.reply', () => {
      const send = node(definition, 'ask_topic_send', 'send');
      expect(send.config.template).toBe(
        'Hi! You wrote "{{trigger.text}}". Reply BILLING or SUPPORT and we\'ll point you the right way.',
      );
      expect(send.config.channel).toBe('best');
      expect(node(definition, 'ask_topic', 'waitForReply').config).toEqual({ channels: [], timeout: '1h', maxReprompts: 0 });
      expect(target(definition, 'ask_topic_send', 'sent')).toBe('ask_topic');
      expect(target(definition, 'ask_topic', 'replied')).toBe('topic');
      expect(target(definition, 'ask_topic', 'timeout')).toBe('nudge');
    });

    it('turns the matches-any-of list into values and the conditions into named outputs', () => {
      expect(node(definition, 'topic', 'split').config).toEqual({
        input: '{{nodes.ask_topic.reply.text}}',
        conditions: [
          { output: 'Billing', operator: 'matchesAnyOf', values: ['billing', 'bill', 'invoice'] },
          { output: 'Support', operator: 'contains', values: ['support'] },
        ],
      });
      expect(node(definition, 'billing_reply', 'send').config.template).toBe(
        'Billing it is. Our team will text {{contact.phone}} within the hour about "{{nodes.ask_topic.reply.text}}".',
      );
      expect(node(definition, 'support_reply', 'send').config.mediaUrls).toEqual(['https://help.example.com/card.png']);
    });

    it('ends each open Studio transition at an end node named for its outcome', () => {
      expect(target(definition, 'billing_reply', 'sent')).toBe('end_sent');
      expect(target(definition, 'billing_reply', 'failed')).toBe('end_failed');
      expect(target(definition, 'billing_reply', 'blocked')).toBe('end_blocked');
      expect(node(definition, 'end_sent', 'end').config).toEqual({ outcome: 'sent', returns: [] });
      expect(report.mapped).toEqual(['Trigger', 'ask_topic', 'topic', 'billing_reply', 'support_reply', 'fallback', 'nudge']);
    });
  });

  describe('an HTTP lookup whose parsed body a later message reads', () => {
    const { definition, report } = imported(httpLookup, 'order-status');

    it('validates with no errors', () => {
      expect(errorsOf(definition)).toEqual([]);
    });

    it('keeps the request, with the parameters in the query string of the GET', () => {
      expect(node(definition, 'lookup_order', 'httpRequest').config).toEqual({
        method: 'GET',
        url: 'https://orders.example.com/api/orders/{{vars.order_number}}?phone={{contact.phone}}',
        headers: [],
        contentType: 'application/json',
        timeoutSeconds: 10,
        saveToVariables: [],
      });
      expect(node(definition, 'remember_order', 'setVariables').config.assignments).toEqual([
        { name: 'order_number', value: '{{trigger.text | strip | upcase}}', type: 'text' },
      ]);
    });

    it('reads the parsed body as nodes.<id>.body and the status code as nodes.<id>.status', () => {
      expect(node(definition, 'send_status', 'send').config.template).toBe(
        'Order {{vars.order_number}} is {{nodes.lookup_order.body.order.status}} and should arrive {{nodes.lookup_order.body.order.eta | date: "%b %d"}}.',
      );
      expect(node(definition, 'send_sorry', 'send').config.template).toContain('(error {{nodes.lookup_order.status}})');
      expect(target(definition, 'lookup_order', 'success')).toBe('send_status');
      expect(target(definition, 'lookup_order', 'failed')).toBe('send_sorry');
    });

    it('reports that parameter values go into the URL unencoded', () => {
      expect(report.approximated).toEqual([{ widget: 'lookup_order', note: expect.stringContaining('url_encode') }]);
    });
  });

  describe('a subflow pair', () => {
    const parent = imported(subflowParent, 'greeting').definition;
    const child = imported(subflowChild, 'customer-lookup').definition;

    it('validates both with no errors offline', () => {
      expect(errorsOf(parent)).toEqual([]);
      expect(errorsOf(child)).toEqual([]);
    });

    it('passes the parameters as the subflow inputs and reads its variables back as outputs', () => {
      expect(node(parent, 'verify_customer', 'subflow').config).toEqual({
        flowId: 'fw5f3c1e2d4b6a8c0e1f2a3b4c5d6e7f80',
        version: 'latest',
        inputs: [{ name: 'phone', value: '{{contact.phone}}' }],
      });
      expect(node(parent, 'greet', 'send').config.template).toBe(
        'Welcome back, {{nodes.verify_customer.outputs.customer_name}}!',
      );
    });

    it('takes the subflow id from subflowIds when the child was imported under another id', () => {
      const result = importStudioFlow(subflowParent, {
        id: 'greeting',
        subflowIds: { FW5f3c1e2d4b6a8c0e1f2a3b4c5d6e7f80: 'customer-lookup' },
      });
      expect(result.ok && node(result.definition, 'verify_customer', 'subflow').config.flowId).toBe('customer-lookup');
    });

    it('gives the child a subflow entry, inputs from flow.data and its variables as outputs returned by every end', () => {
      expect(child.nodes.filter((candidate) => candidate.type.startsWith('trigger.')).map((candidate) => candidate.type)).toEqual([
        'trigger.subflow',
      ]);
      expect(child.interface).toEqual({
        inputs: [{ name: 'phone', required: false }],
        outputs: [{ name: 'customer_name' }],
      });
      expect(node(child, 'find_customer', 'httpRequest').config.body).toBe('{"phone": "{{trigger.data.phone}}"}');
      expect(node(child, 'keep_name', 'setVariables').config.assignments).toEqual([
        { name: 'customer_name', value: '{{nodes.find_customer.body.customer.first_name}}', type: 'text' },
      ]);
      const ends = child.nodes.filter((candidate) => candidate.type === 'end');
      expect(ends.length).toBeGreaterThan(0);
      for (const end of ends) {
        expect(end.config).toMatchObject({ returns: [{ name: 'customer_name', value: '{{ vars.customer_name }}' }] });
      }
    });
  });

  describe('a Flex handoff', () => {
    const { definition, report } = imported(flexHandoff, 'voice-to-flex');

    it('validates with no errors', () => {
      expect(errorsOf(definition)).toEqual([]);
    });

    it('hands off to the workflow with the task attributes, workflow, channel and priority kept', () => {
      const handoff = node(definition, 'to_agent', 'handoff');
      expect(handoff.config).toMatchObject({ toKind: 'team', to: 'WW2cc9ef4cbd96328adf7e90e4e1fef1c0', timeout: '1h' });
      expect(handoff.config.attributes).toEqual([
        { name: 'type', value: 'inbound' },
        { name: 'name', value: '{{trigger.from}}' },
        { name: 'reason', value: '{{nodes.ask_reason.speech}}' },
        { name: 'account', value: '{{nodes.ask_reason.digits}}' },
        { name: 'workflow', value: 'WW2cc9ef4cbd96328adf7e90e4e1fef1c0' },
        { name: 'channel', value: 'TC3452ca1f798eb88a0a6a8d85114093fd' },
        { name: 'priority', value: '5' },
      ]);
      expect(target(definition, 'to_agent', 'timeout')).toBe('sorry_busy');
      expect(report.unmapped).toEqual([]);
    });

    it('listens for digits and speech when the gather has speech hints', () => {
      expect(node(definition, 'ask_reason', 'voice.gather').config).toMatchObject({
        input: 'dtmfAndSpeech',
        speechHints: ['billing', 'technical', 'cancel'],
        speechLanguage: 'en-US',
      });
      expect(target(definition, 'ask_reason', 'noInput')).toBe('ask_reason');
    });
  });

  describe('an older CamelCase export', () => {
    const { definition, report } = imported(legacy, 'appointment-confirmation');

    it('maps the CamelCase widget types like their kebab-case names', () => {
      expect(node(definition, 'ConfirmAppointment', 'waitForReply').config.timeout).toBe('1d');
      expect(node(definition, 'ConfirmAppointment_send', 'send').config.template).toBe(
        'Hi {{trigger.data.first_name}}, reply YES to confirm your appointment on {{trigger.data.date}}.',
      );
      expect(node(definition, 'CheckAnswer', 'split').config.conditions).toEqual([
        { output: 'yes', operator: 'matchesAnyOf', values: ['yes', 'y', 'yep'] },
      ]);
      node(definition, 'SaveConfirmation', 'setVariables');
      node(definition, 'SayThanks', 'send');
    });

    it('starts REST API executions with a studio.rest event whose payload is what the flow reads from flow.data', () => {
      const trigger = node(definition, 'Trigger_request', 'trigger.event');
      expect(trigger.config).toEqual({
        event: STUDIO_REST_EVENT,
        payload: [
          { name: 'date', type: 'string', required: false },
          { name: 'first_name', type: 'string', required: false },
        ],
      });
    });

    it('reports the references and the transition that pointed nowhere in the original', () => {
      expect(report.danglingReferences).toEqual([
        { widget: 'SayThanks', field: 'properties.body', reference: 'widgets.BookingLookup.parsed.code' },
        { widget: 'SayNoProblem', field: 'transitions[0].next', reference: 'RescheduleFlow' },
      ]);
      expect(target(definition, 'SayNoProblem', 'sent')).toBe('end_sent');
      expect(errorsOf(definition)).toEqual([expect.stringMatching(/^template-unknown-node SayThanks /)]);
    });
  });

  describe('a capture-payments widget', () => {
    const { definition, report } = imported(capturePayments, 'pay-by-phone');

    it('becomes a placeholder that keeps the original JSON and one output per Studio event', () => {
      const placeholder = node(definition, 'take_payment', 'placeholder');
      expect(placeholder.config.source).toBe('twilio-studio:capture-payments');
      expect(placeholder.config.original).toEqual(capturePayments.states[2]);
      expect(placeholder.config.outputs).toEqual([
        'success',
        'maxFailedAttempts',
        'providerError',
        'payInterrupted',
        'hangup',
        'validationError',
      ]);
      expect(target(definition, 'take_payment', 'success')).toBe('paid');
      expect(target(definition, 'take_payment', 'validationError')).toBe('not_paid');
      expect(target(definition, 'take_payment', 'hangup')).toBe('end_hangup');
    });

    it('validates with the placeholder as the only error', () => {
      expect(errorsOf(definition)).toEqual(['placeholder-node take_payment nodes[take_payment]']);
    });

    it('reports the widget as unmapped', () => {
      expect(report.unmapped).toEqual([{ widget: 'take_payment', type: 'capture-payments' }]);
      expect(report.mapped).not.toContain('take_payment');
    });
  });

  describe('an outbound call started over the REST API', () => {
    const { definition } = imported(outboundReminder, 'payment-reminder');

    it('validates with no errors', () => {
      expect(errorsOf(definition)).toEqual([]);
    });

    it('calls with answering-machine detection and takes both answers where answered led', () => {
      expect(node(definition, 'call_customer', 'call.outbound').config).toEqual({
        machineDetection: 'detectMessageEnd',
        timeoutSeconds: 45,
      });
      expect(target(definition, 'call_customer', 'human')).toBe('say_reminder');
      expect(target(definition, 'call_customer', 'machine')).toBe('say_reminder');
      expect(target(definition, 'call_customer', 'noAnswer')).toBe('text_instead');
      expect(node(definition, 'say_reminder', 'voice.say').config).toEqual({
        text: 'Hello {{trigger.data.name}}, your payment of {{trigger.data.amount}} dollars is due on {{trigger.data.due_date}}.',
        voice: 'Polly.Matthew',
        language: 'en-US',
        loop: 2,
      });
    });
  });

  it('accepts the REST API Flow resource, which wraps the definition, and names the flow after it', () => {
    const result = importStudioFlow({ sid: 'FW123', friendly_name: 'Wrapped', definition: { ...smsBot, description: '' } }, { id: 'wrapped' });
    expect(result.ok && result.definition.name).toBe('Wrapped');
  });

  it('turns widget names that are not node ids into ids, and rewrites references to match', () => {
    const flow = {
      description: 'Names',
      initial_state: 'Trigger',
      states: [
        { name: 'Trigger', type: 'trigger', transitions: [{ event: 'incomingMessage', next: '1st reply' }], properties: {} },
        {
          name: '1st reply',
          type: 'send-message',
          transitions: [{ event: 'sent', next: '1st reply' }],
          properties: { body: 'Hello again' },
        },
      ],
    };
    const { definition } = imported(flow);
    node(definition, 'w_1st_reply', 'send');
    expect(target(definition, 'w_1st_reply', 'sent')).toBe('w_1st_reply');
  });

  it('makes a widget with settings no node accepts a placeholder and still imports the rest', () => {
    const flow = {
      states: [
        { name: 'Trigger', type: 'trigger', transitions: [{ event: 'incomingMessage', next: 'check' }] },
        {
          name: 'check',
          type: 'split-based-on',
          transitions: [
            { event: 'noMatch' },
            { event: 'match', next: 'check', conditions: [{ friendly_name: 'big', arguments: ['{{trigger.message.Body}}'], type: 'greater_than', value: 'lots' }] },
          ],
          properties: { input: '{{trigger.message.Body}}' },
        },
      ],
    };
    const { definition, report } = imported(flow);
    expect(node(definition, 'check', 'placeholder').config.note).toContain('is not a number');
    expect(report.unmapped).toEqual([{ widget: 'check', type: 'split-based-on' }]);
  });

  it('returns issues, with the path at fault, for JSON that is not a Studio flow', () => {
    const result = importStudioFlow({ states: [{ name: 'Trigger' }] }, { id: 'bad' });
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'invalid-definition', path: 'states[0].type' })],
    });
    expect(importStudioFlow('not json', { id: 'bad' }).ok).toBe(false);
  });

  it('returns issues for a flow id Threadline does not accept', () => {
    const result = importStudioFlow(smsBot, { id: 'Not A Slug' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual(['id']);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        importStudioFlow(input, { id: 'fuzz' });
      }),
    );
  });

  it('never throws on Studio-shaped input with arbitrary widgets, events and properties', () => {
    const widgetType = fc.constantFrom(
      'trigger', 'send-message', 'SendMessage', 'send-and-wait-for-reply', 'split-based-on', 'gather-input-on-call',
      'say-play', 'make-outgoing-call-v2', 'connect-call-to', 'record-voicemail', 'make-http-request', 'run-function',
      'set-variables', 'run-subflow', 'send-to-flex', 'enqueue-call', 'capture-payments', 'add-twiml-redirect', 'mystery',
    );
    const name = fc.constantFrom('Trigger', 'a', 'b', 'c-d', '1 x', 'end_sent', 'a_send');
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('{{widgets.a.inbound.Body}}', '{{flow.data.x}} {{widgets.zz.parsed.y}}', '+14155550100', 'https://x.test', '{%', '5'),
    );
    const property = fc.oneof(text, fc.integer(), fc.boolean(), fc.array(fc.record({ key: text, value: text })), fc.anything());
    const state = fc.record({
      name,
      type: widgetType,
      transitions: fc.array(
        fc.record(
          {
            event: fc.constantFrom('incomingMessage', 'incomingCall', 'incomingRequest', 'incomingParent', 'next', 'sent', 'failed', 'match', 'noMatch', 'keypress', 'speech', 'timeout', 'success', 'x y'),
            next: fc.oneof(name, fc.constant('')),
            conditions: fc.array(fc.record({ friendly_name: text, arguments: fc.array(text), type: fc.constantFrom('equal_to', 'regex', 'less_than', 'is_before_date', 'bogus'), value: text })),
          },
          { requiredKeys: ['event'] },
        ),
      ),
      properties: fc.dictionary(
        fc.constantFrom('say', 'play', 'body', 'to', 'from', 'url', 'method', 'input', 'timeout', 'loop', 'variables', 'parameters', 'attributes', 'noun', 'flow_sid', 'flow_revision', 'finish_on_key', 'number_of_digits', 'content_type', 'hints'),
        property,
      ),
    });
    fc.assert(
      fc.property(fc.array(state, { minLength: 1, maxLength: 6 }), (states) => {
        const result = importStudioFlow({ states, initial_state: 'Trigger' }, { id: 'fuzz' });
        if (result.ok) validateFlow(result.definition);
      }),
      { numRuns: 200 },
    );
  });
});

describe('formatStudioImportReport', () => {
  it('prints each kind of finding under its heading', () => {
    const text = formatStudioImportReport({
      mapped: ['a', 'b'],
      approximated: [{ widget: 'c', note: 'its method TRACE became GET' }],
      unmapped: [{ widget: 'pay', type: 'capture-payments' }],
      danglingReferences: [{ widget: 'd', field: 'properties.body', reference: 'widgets.gone.parsed.x' }],
    });
    expect(text).toBe(
      [
        'Mapped: 2 widget(s) (a, b)',
        'Approximated: 1 note(s)',
        '  c: its method TRACE became GET',
        'Unmapped (placeholder nodes; replace them before publishing): 1',
        '  pay (capture-payments)',
        'References that pointed nowhere in the original: 1',
        '  d.properties.body: widgets.gone.parsed.x',
      ].join('\n'),
    );
  });
});
