import type { FlowNode } from '../types';
import { ELSE_OUTPUT } from './evaluateSplit';

/**
 * The named outputs a node has, as the engine takes them. Kept free of zod (unlike the catalog)
 * because the workflow bundle evaluates it.
 */
export function outputsOf(node: FlowNode): string[] {
  switch (node.type) {
    case 'trigger.missedCall':
    case 'trigger.inboundMessage':
      return ['next'];
    case 'send':
      return ['sent', 'failed', 'blocked'];
    case 'waitForReply':
      return ['replied', 'timeout'];
    case 'split':
      return [...new Set([...node.config.conditions.map((condition) => condition.output), ELSE_OUTPUT])];
    case 'end':
      return [];
    default:
      return unknownNode(node);
  }
}

function unknownNode(node: never): never {
  throw new Error(`unknown node type in ${JSON.stringify(node)}`);
}
