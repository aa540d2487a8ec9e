import { assertNever } from '../assertNever';
import type { FlowNode } from '../types';
import { ELSE_OUTPUT } from './evaluateSplit';

/**
 * The named outputs a node has, as the engine takes them. Kept free of zod (unlike the catalog,
 * whose `outputs` say the same) because the workflow bundle evaluates it; a test holds the two
 * together for every node type.
 */
export function outputsOf(node: FlowNode): string[] {
  switch (node.type) {
    case 'trigger.inboundMessage':
    case 'trigger.inboundCall':
    case 'trigger.missedCall':
    case 'trigger.event':
    case 'trigger.schedule':
    case 'trigger.subflow':
    case 'voice.say':
    case 'voice.play':
    case 'delay':
    case 'waitUntil':
    case 'setVariables':
    case 'updateContact':
      return ['next'];
    case 'send':
      return ['sent', 'failed', 'blocked'];
    case 'waitForReply':
      return node.config.validation === undefined ? ['replied', 'timeout'] : ['replied', 'timeout', 'invalid'];
    case 'waitForEvent':
      return ['received', 'timeout'];
    case 'voice.menu':
      return [...node.config.options.map((option) => option.output), 'noInput', 'noMatch'];
    case 'voice.gather':
      return ['captured', 'noInput', 'invalid'];
    case 'voice.record':
      return ['recorded', 'noAudio', 'hangup'];
    case 'voice.connect':
      return ['completed', 'noAnswer', 'busy', 'failed'];
    case 'call.outbound':
      return ['human', 'machine', 'noAnswer', 'busy', 'failed', 'blocked'];
    case 'split':
      return [...new Set([...node.config.conditions.map((condition) => condition.output), ELSE_OUTPUT])];
    case 'intent':
      return [...node.config.intents.map((intent) => intent.output), 'unknown'];
    case 'abSplit':
      return node.config.branches.map((branch) => branch.output);
    case 'businessHours':
      return ['open', 'closed'];
    case 'httpRequest':
      return ['success', 'failed'];
    case 'subflow':
      return ['completed', 'failed'];
    case 'route':
      return ['assigned', 'overflow'];
    case 'handoff':
      return ['accepted', 'timeout'];
    case 'placeholder':
      return [...node.config.outputs];
    case 'voice.hangup':
    case 'end':
      return [];
    default:
      return assertNever(node, 'node type');
  }
}

/**
 * The output the engine takes instead of `output` when a definition leaves `output`
 * unconnected, if it has one: call.outbound's `blocked` came after flows that route `failed`
 * were published, and a blocked call is a call that did not happen. Validation accepts such
 * a definition (the fallback is connected), and the worker follows the fallback.
 */
export function fallbackOutputOf(node: Pick<FlowNode, 'type'>, output: string): string | undefined {
  return node.type === 'call.outbound' && output === 'blocked' ? 'failed' : undefined;
}
