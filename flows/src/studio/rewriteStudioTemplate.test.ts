import { describe, expect, it } from 'vitest';
import { rewriteStudioTemplate, type WidgetTarget } from './rewriteStudioTemplate';

const widgets = new Map<string, WidgetTarget>([
  ['ask', { nodeId: 'ask', type: 'send-and-wait-for-reply', sendNodeId: 'ask_send' }],
  ['lookup', { nodeId: 'lookup', type: 'make-http-request' }],
  ['menu', { nodeId: 'menu', type: 'gather-input-on-call' }],
  ['voicemail', { nodeId: 'voicemail', type: 'record-voicemail' }],
  ['remember', { nodeId: 'remember', type: 'set-variables' }],
  ['verify', { nodeId: 'verify', type: 'run-subflow' }],
  ['happy-outgoing', { nodeId: 'happy-outgoing', type: 'gather-input-on-call' }],
]);

function rewritten(template: string): string {
  return rewriteStudioTemplate(template, widgets).text;
}

describe('rewriteStudioTemplate', () => {
  it.each([
    ['{{widgets.ask.inbound.Body}}', '{{nodes.ask.reply.text}}'],
    ['{{ widgets.ask.inbound.From }}', '{{ nodes.ask.reply.From }}'],
    ['{{widgets.ask.outbound.Sid}}', '{{nodes.ask_send.messageId}}'],
    ['{{widgets.lookup.parsed.order.status}}', '{{nodes.lookup.body.order.status}}'],
    ['{{widgets.lookup.body}}', '{{nodes.lookup.body}}'],
    ['{{widgets.lookup.status_code}}', '{{nodes.lookup.status}}'],
    ['{{widgets.menu.Digits}}', '{{nodes.menu.digits}}'],
    ['{{widgets.menu.SpeechResult | downcase}}', '{{nodes.menu.speech | downcase}}'],
    ['{{widgets.happy-outgoing.Digits}}', '{{nodes.happy-outgoing.digits}}'],
    ['{{widgets.voicemail.RecordingUrl}}', '{{nodes.voicemail.recordingUrl}}'],
    ['{{widgets.remember.order_number}}', '{{vars.order_number}}'],
    ['{{widgets.verify.customer_name}}', '{{nodes.verify.outputs.customer_name}}'],
    ['{{flow.data.first_name}}', '{{trigger.data.first_name}}'],
    ['{{flow.variables.count | plus: 1}}', '{{vars.count | plus: 1}}'],
    ['{{flow.variables.my-count}}', '{{vars.my_count}}'],
    ['{{trigger.message.Body}}', '{{trigger.text}}'],
    ['{{trigger.message.From}} {{trigger.call.From}}', '{{trigger.from}} {{trigger.from}}'],
    ['{{trigger.call.To}} {{trigger.message.To}}', '{{trigger.to}} {{trigger.to}}'],
    ['{{trigger.request.parameters.amount}}', '{{trigger.data.amount}}'],
    ['{{contact.channel.address}}', '{{contact.phone}}'],
  ])('rewrites %s to %s', (studio, threadline) => {
    expect(rewritten(studio)).toBe(threadline);
  });

  it('rewrites paths inside tags and leaves the words around markup alone', () => {
    expect(
      rewritten('Say flow.data.x {% if flow.variables.vip == "yes" %}VIP {{ widgets.ask.inbound.Body }}{% endif %}'),
    ).toBe('Say flow.data.x {% if vars.vip == "yes" %}VIP {{ nodes.ask.reply.text }}{% endif %}');
  });

  it('reports a reference to a widget the flow does not have, and points it at a node of that name', () => {
    const result = rewriteStudioTemplate('Code {{widgets.gone.parsed.code}}', widgets);
    expect(result.text).toBe('Code {{nodes.gone.parsed.code}}');
    expect(result.dangling).toEqual(['widgets.gone.parsed.code']);
  });

  it('notes the paths it has no Threadline equivalent for, and keeps them visible', () => {
    const result = rewriteStudioTemplate('{{trigger.message.ChannelSid}} {{widgets.lookup.parsed.a}}', widgets);
    expect(result.text).toBe('{{trigger.message.ChannelSid}} {{nodes.lookup.body.a}}');
    expect(result.notes).toEqual([expect.stringContaining('trigger.message.ChannelSid')]);
  });
});
