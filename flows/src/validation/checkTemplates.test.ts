import { describe, expect, it } from 'vitest';
import type { FlowNode, ValidationIssue } from '../types';
import { edge, flowEndingAt, node } from './smallFlows.fixture';
import { validateFlow } from './validateFlow';

const start = node('start', 'trigger.inboundMessage', { channels: [] });
const done = node('done', 'end', { outcome: 'done' });
const ask = node('ask', 'waitForReply', { channels: [], timeout: '1h' });

/** start → reader → done, everything else to done: a flow whose only question is `reader`'s templates. */
function validateReader(reader: FlowNode, firstOutput = 'next', extra: FlowNode[] = []) {
  return validateFlow(flowEndingAt('done', [start, ...extra, reader, done], [edge('start', firstOutput, reader.id)]));
}

const found = (issues: ValidationIssue[]) => issues.map(({ code, nodeId, path }) => ({ code, nodeId, path }));

describe('template checks', () => {
  it('reports a template that does not parse, naming the field', () => {
    const issues = validateReader(node('text', 'send', { template: 'Hi {{ contact.firstName ' }));
    expect(found(issues)).toEqual([{ code: 'template-syntax', nodeId: 'text', path: 'nodes[text].config.template' }]);
    expect(issues[0]?.message).toContain('does not parse');
  });

  it('reports a root the journey does not have, such as a typo of contact', () => {
    const issues = validateReader(node('text', 'send', { template: 'Hi {{ contatc.firstName }}' }));
    expect(found(issues)).toEqual([{ code: 'template-unknown-root', nodeId: 'text', path: 'nodes[text].config.template' }]);
    expect(issues[0]?.message).toContain('contatc');
  });

  it('reports a secret read outside an HTTP request, and allows one in its headers', () => {
    const leak = validateReader(node('text', 'send', { template: 'Your key is {{ secrets.API_KEY }}' }));
    expect(found(leak)).toEqual([
      { code: 'template-secret-outside-http', nodeId: 'text', path: 'nodes[text].config.template' },
    ]);

    const request = node('lookup', 'httpRequest', {
      url: 'https://api.example.com/orders?key={{ secrets.API_KEY }}',
      headers: [{ name: 'Authorization', value: 'Bearer {{ secrets.API_TOKEN }}' }],
    });
    expect(validateReader(request)).toEqual([]);
  });

  it('reports a node id that is not in the flow', () => {
    const issues = validateReader(node('text', 'send', { template: 'Status: {{ nodes.ghost.status }}' }));
    expect(found(issues)).toEqual([{ code: 'template-unknown-node', nodeId: 'text', path: 'nodes[text].config.template' }]);
  });

  it('reports a result the node type does not leave, listing the ones it does', () => {
    const send = node('text', 'send', { template: 'Hi' });
    const later = node('later', 'send', { template: 'You said {{ nodes.text.reply.text }}' });
    const issues = validateFlow(
      flowEndingAt('done', [start, send, later, done], [edge('start', 'next', 'text'), edge('text', 'sent', 'later')]),
    );
    expect(found(issues)).toEqual([
      { code: 'template-unknown-result', nodeId: 'later', path: 'nodes[later].config.template' },
    ]);
    expect(issues[0]?.message).toContain('status, channel, messageId');
  });

  it('reports a result read on a path that did not produce it, down to the comparand', () => {
    // ask: replied → check (fine); timeout → nudge, which reads the reply that never came.
    const check = node('check', 'split', {
      input: '{{ reply.text }}',
      conditions: [{ output: 'same', operator: 'equals', values: ['yes', '{{ nodes.ask.reply.text }}'] }],
    });
    const nudge = node('nudge', 'split', {
      input: '{{ vars.stage }}',
      conditions: [{ output: 'same', operator: 'equals', values: ['yes', '{{ nodes.ask.reply.text }}'] }],
    });
    const stage = node('stage', 'setVariables', { assignments: [{ name: 'stage', value: 'asked', type: 'text' }] });
    const issues = validateFlow(
      flowEndingAt(
        'done',
        [start, stage, ask, check, nudge, done],
        [edge('start', 'next', 'stage'), edge('stage', 'next', 'ask'), edge('ask', 'replied', 'check'), edge('ask', 'timeout', 'nudge')],
      ),
    );
    expect(found(issues)).toEqual([
      {
        code: 'template-result-not-on-every-path',
        nodeId: 'nudge',
        path: 'nodes[nudge].config.conditions[0].values[1]',
      },
    ]);
    expect(issues[0]?.message).toContain('leave "ask" by replied or invalid');
  });

  it('reports a result of a node that some entry of the flow skips', () => {
    const call = node('call', 'trigger.inboundCall', { numbers: [] });
    const lookup = node('lookup', 'httpRequest', { url: 'https://api.example.com/status' });
    const text = node('text', 'send', { template: 'Status {{ nodes.lookup.status }}' });
    const issues = validateFlow(
      flowEndingAt(
        'done',
        [start, call, lookup, text, done],
        [edge('start', 'next', 'lookup'), edge('lookup', 'success', 'text'), edge('call', 'next', 'text')],
      ),
    );
    expect(found(issues)).toEqual([
      { code: 'template-result-not-on-every-path', nodeId: 'text', path: 'nodes[text].config.template' },
    ]);
    expect(issues[0]?.message).toContain('pass through "lookup"');
  });

  it('does not let a node read its own results', () => {
    const reprompting = node('ask', 'waitForReply', {
      channels: [],
      timeout: '1h',
      validation: { kind: 'number' },
      repromptTemplate: 'You wrote {{ nodes.ask.reply.text }}; send a number.',
    });
    const issues = validateReader(reprompting);
    expect(found(issues)).toEqual([
      { code: 'template-result-not-on-every-path', nodeId: 'ask', path: 'nodes[ask].config.repromptTemplate' },
    ]);
    expect(issues[0]?.message).toContain('itself');
  });

  it('reports a variable no node of the flow sets, and accepts it once one does', () => {
    const text = node('text', 'send', { template: 'Order {{ vars.orderNumber }}' });
    expect(found(validateReader(text))).toEqual([
      { code: 'template-unknown-variable', nodeId: 'text', path: 'nodes[text].config.template' },
    ]);

    const saving = node('ask', 'waitForReply', { channels: [], timeout: '1h', saveAs: 'orderNumber' });
    expect(
      validateFlow(
        flowEndingAt('done', [start, saving, text, done], [edge('start', 'next', 'ask'), edge('ask', 'replied', 'text')]),
      ),
    ).toEqual([]);
  });

  it('checks templates nested in lists: assignment values, media URLs, subflow inputs, end returns', () => {
    const set = node('set', 'setVariables', { assignments: [{ name: 'total', value: '{{ basket.total }}', type: 'number' }] });
    const send = node('text', 'send', { template: 'Hi', mediaUrls: ['https://cdn.example.com/a.png', '{{ nodes.nope.url }}'] });
    const finish = node('done', 'end', {
      outcome: 'done',
      returns: [{ name: 'answer', value: '{{ vars.missing }}' }],
    });
    const issues = validateFlow(
      flowEndingAt(
        'done',
        [start, set, send, finish],
        [edge('start', 'next', 'set'), edge('set', 'next', 'text')],
        { inputs: [], outputs: [{ name: 'answer' }] },
      ),
    );
    expect(found(issues)).toEqual([
      { code: 'template-unknown-root', nodeId: 'set', path: 'nodes[set].config.assignments[0].value' },
      { code: 'template-unknown-node', nodeId: 'text', path: 'nodes[text].config.mediaUrls[1]' },
      { code: 'template-unknown-variable', nodeId: 'done', path: 'nodes[done].config.returns[0].value' },
    ]);
  });

  it('accepts a result that every branch into the reader produces, across a diamond and two outputs', () => {
    // ask (checked answer): replied → split → yes/else → thank; invalid → thank; timeout → done.
    // The reply is set on replied and on invalid, and every path into thank leaves ask by one of them.
    const checkedAsk = node('ask', 'waitForReply', { channels: [], timeout: '1h', validation: { kind: 'yesNo' } });
    const branch = node('branch', 'split', {
      input: '{{ nodes.ask.value }}',
      conditions: [{ output: 'yes', operator: 'equals', values: ['true'] }],
    });
    const thank = node('thank', 'send', { template: 'Thanks, you said "{{ nodes.ask.reply.text }}" on {{ nodes.ask.reply.channel }}' });
    const issues = validateFlow(
      flowEndingAt(
        'done',
        [start, checkedAsk, branch, thank, done],
        [
          edge('start', 'next', 'ask'),
          edge('ask', 'replied', 'branch'),
          edge('ask', 'invalid', 'thank'),
          edge('branch', 'yes', 'thank'),
          edge('branch', 'else', 'thank'),
        ],
      ),
    );
    expect(issues).toEqual([]);
  });

  it('reports each bad reference once per field, however often the template repeats it', () => {
    const issues = validateReader(node('text', 'send', { template: '{{ vars.a }} {{ vars.a }} {{ vars.b }}' }));
    expect(issues.map((issue) => issue.message.match(/vars\.\w+/)?.[0])).toEqual(['vars.a', 'vars.b']);
  });
});
