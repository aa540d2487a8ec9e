import { assertNever } from '../assertNever';
import type { FlowNode } from '../types';
import { SAMPLE_CONTACT, SAMPLE_REPLY } from './sampleValues';

/**
 * Plausible values for what a node leaves under `nodes.<id>.*`, shaped by its config where that
 * helps (the first menu option, the event's name). Which keys exist is the catalog's business
 * (`results`); this only supplies values for them.
 */
export function sampleNodeResults(node: FlowNode): Record<string, unknown> {
  switch (node.type) {
    case 'send':
      return {
        status: 'sent',
        channel: node.config.channel === 'best' ? SAMPLE_CONTACT.preferredChannel : node.config.channel,
        messageId: 'SM5f1c0e2b9a8d4c3b7e6f',
      };
    case 'waitForReply':
      return {
        reply: { ...SAMPLE_REPLY, channel: node.config.channels[0] ?? SAMPLE_REPLY.channel },
        value: SAMPLE_REPLY.text,
      };
    case 'waitForEvent':
      return { event: { name: node.config.event, data: {}, at: SAMPLE_REPLY.at } };
    case 'voice.menu': {
      const option = node.config.options[0];
      return { digits: option?.digit ?? '1', speech: option?.phrases[0] ?? '', choice: option?.output ?? '' };
    }
    case 'voice.gather':
      return node.config.input === 'speech'
        ? { digits: '', speech: 'order one two three four', value: 'order one two three four' }
        : { digits: '1234', speech: '', value: '1234' };
    case 'voice.record':
      return {
        recordingUrl: 'https://recordings.example.com/RE7d2a9c41.mp3',
        durationSeconds: 14,
        transcript: node.config.transcribe ? 'Hi, this is Ada. Please call me back about the install.' : '',
        transcriptStatus: node.config.transcribe ? 'completed' : 'off',
      };
    case 'voice.connect':
      return { status: 'completed', durationSeconds: 95 };
    case 'call.outbound':
      return { status: 'answered', answeredBy: node.config.machineDetection === 'off' ? 'unknown' : 'human' };
    case 'split':
      return { value: SAMPLE_REPLY.text };
    case 'intent':
      return { intent: node.config.intents[0]?.output ?? 'unknown', confidence: 0.92 };
    case 'abSplit':
      return { branch: node.config.branches[0]?.output ?? '' };
    case 'httpRequest':
      return {
        status: 200,
        body: sampleResponseBody(node.config.saveToVariables.map((variable) => variable.from)),
        headers: { 'content-type': 'application/json' },
      };
    case 'subflow':
      // The called flow's interface is not known here; its outputs read empty in a preview.
      return { outputs: {}, outcome: 'completed', error: null };
    case 'route':
      return { agentId: 'agent_grace', queue: node.config.queue ?? 'support' };
    case 'handoff':
      return { agentId: 'agent_grace' };
    case 'trigger.inboundMessage':
    case 'trigger.inboundCall':
    case 'trigger.missedCall':
    case 'trigger.event':
    case 'trigger.schedule':
    case 'trigger.subflow':
    case 'voice.say':
    case 'voice.play':
    case 'voice.hangup':
    case 'delay':
    case 'waitUntil':
    case 'businessHours':
    case 'setVariables':
    case 'updateContact':
    case 'end':
    case 'placeholder':
      return {};
    default:
      return assertNever(node, 'node type');
  }
}

/**
 * A JSON body holding a sample text at each path the node saves from ("body.order.status"), so
 * previews of those variables' sources read something.
 */
function sampleResponseBody(paths: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const path of paths) {
    const segments = path.split('.').filter((segment) => segment !== '');
    if (segments[0] === 'body') segments.shift();
    let target = body;
    segments.forEach((segment, index) => {
      if (index === segments.length - 1) {
        target[segment] = `sample ${segment}`;
        return;
      }
      const next = target[segment];
      const child: Record<string, unknown> = isRecord(next) ? next : {};
      target[segment] = child;
      target = child;
    });
  }
  return body;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
