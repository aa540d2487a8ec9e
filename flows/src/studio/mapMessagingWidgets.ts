import type { FlowNodeOf, NodeConfigs } from '../types';
import type { WidgetContext, WidgetMapping } from './widgetContext';
import { durationOfSeconds } from './widgetContext';

/** send-message → send. A failed send and a blocked one both take Studio's `failed`. */
export function mapSendMessage(ctx: WidgetContext): WidgetMapping {
  const send: FlowNodeOf<'send'> = { id: ctx.nodeId, type: 'send', label: ctx.state.name, config: sendConfigOf(ctx) };
  return {
    nodes: [{ node: send, position: ctx.position }],
    entry: send.id,
    edges: [],
    exits: ctx.exitsByEvent({
      sent: [{ from: send.id, output: 'sent' }],
      failed: [
        { from: send.id, output: 'failed' },
        { from: send.id, output: 'blocked' },
      ],
    }),
  };
}

/**
 * send-and-wait-for-reply → send, then waitForReply. The wait keeps the widget's id, since
 * `widgets.<name>.inbound.*` (the reply) becomes `nodes.<id>.reply.*`; the send is "<id>_send".
 */
export function mapSendAndWaitForReply(ctx: WidgetContext, sendNodeId: string): WidgetMapping {
  const send: FlowNodeOf<'send'> = { id: sendNodeId, type: 'send', label: ctx.state.name, config: sendConfigOf(ctx) };
  const wait: FlowNodeOf<'waitForReply'> = {
    id: ctx.nodeId,
    type: 'waitForReply',
    label: ctx.state.name,
    config: { channels: [], timeout: durationOfSeconds(ctx.integer('timeout'), '1h'), maxReprompts: 0 },
  };
  return {
    nodes: [
      { node: send, position: ctx.near(0, -140) },
      { node: wait, position: ctx.position },
    ],
    entry: send.id,
    edges: [{ from: send.id, output: 'sent', to: wait.id }],
    exits: ctx.exitsByEvent({
      incomingMessage: [{ from: wait.id, output: 'replied' }],
      timeout: [{ from: wait.id, output: 'timeout' }],
      deliveryFailure: [
        { from: send.id, output: 'failed' },
        { from: send.id, output: 'blocked' },
      ],
    }),
  };
}

/*
 * Studio answers on the channel the execution came in on, which `best` does too (where the
 * contact last wrote, else the trigger's channel). An explicit WhatsApp address pins WhatsApp.
 */
function sendConfigOf(ctx: WidgetContext): NodeConfigs['send'] {
  const from = ctx.text('from') ?? '';
  const toText = ctx.text('to') ?? '';
  const to = ctx.template('to');
  const someoneElse = to !== undefined && !isContactAddress(to);
  // `best` follows the contact; a message to someone else goes by SMS, as Studio sends it.
  const channel = from.startsWith('whatsapp:') || toText.startsWith('whatsapp:') ? 'whatsapp' : someoneElse ? 'sms' : 'best';
  const mediaUrl = ctx.template('media_url');
  const contentSid = ctx.text('content_sid');
  const body = ctx.template('body');
  const config: NodeConfigs['send'] = {
    channel,
    template: body ?? fallbackBody(ctx, contentSid),
    mediaUrls: mediaUrl === undefined ? [] : [mediaUrl],
    whatsappTemplateVariables: contentSid === undefined ? [] : contentVariablesOf(ctx),
  };
  if (someoneElse) config.to = to;
  if (contentSid !== undefined) {
    config.whatsappTemplate = contentSid;
    ctx.approximate(
      `it sends the Content template ${contentSid}; name the approved WhatsApp template it stands for in whatsappTemplate`,
    );
  }
  return config;
}

function fallbackBody(ctx: WidgetContext, contentSid: string | undefined): string {
  if (contentSid === undefined) ctx.approximate('its message body is empty; write the message');
  return contentSid === undefined ? '(empty message)' : `(Content template ${contentSid})`;
}

/** Content variables come as `{ key: "{{1}}", value }` pairs; Threadline keeps them in order. */
function contentVariablesOf(ctx: WidgetContext): string[] {
  const raw = ctx.property('content_variables');
  if (!Array.isArray(raw)) return [];
  const pairs: Array<{ position: number; value: string }> = [];
  raw.forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) return;
    const key = 'key' in entry ? String(entry.key) : '';
    const value = 'value' in entry && typeof entry.value === 'string' && entry.value !== '' ? entry.value : undefined;
    if (value === undefined) return;
    const position = Number(/\d+/.exec(key)?.[0] ?? index + 1);
    pairs.push({ position, value: ctx.rewrite(value, `properties.content_variables[${index}].value`) });
  });
  return pairs.sort((a, b) => a.position - b.position).map((pair) => pair.value);
}

/** True for a `to` that only names the journey's contact, which is the default. */
function isContactAddress(template: string): boolean {
  return template.replace(/\s+/g, '') === '{{contact.phone}}';
}
