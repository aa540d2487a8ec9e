import { assertNever } from '@threadline/flows';
import type { NodeType } from '@threadline/flows/types';

/**
 * One line under a node's label that says what it does, so a flow reads without opening the
 * inspector. It reads the raw canvas config defensively: a node being edited may be incomplete.
 */
export function summarizeConfig(type: NodeType, config: Record<string, unknown>): string {
  switch (type) {
    case 'trigger.missedCall':
      return `missed call on ${listOr(config['numbers'], 'any number')}`;
    case 'trigger.inboundMessage': {
      const keyword = text(config['keyword']);
      return `message on ${listOr(config['channels'], 'any channel')}${keyword ? ` containing "${keyword}"` : ''}`;
    }
    case 'send':
      return `${text(config['channel']) || '?'}: ${ellipsis(text(config['template'])) || '(empty message)'}`;
    case 'waitForReply':
      return `up to ${text(config['timeout']) || '?'} on ${listOr(config['channels'], 'any channel')}`;
    case 'split': {
      const conditions = Array.isArray(config['conditions']) ? config['conditions'] : [];
      return `on ${text(config['input']) || '?'}: ${conditions.length} condition${conditions.length === 1 ? '' : 's'} + else`;
    }
    case 'end':
      return `outcome: ${text(config['outcome']) || '?'}`;
    default:
      return assertNever(type, 'node type');
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function listOr(value: unknown, whenEmpty: string): string {
  const items = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  return items.length === 0 ? whenEmpty : items.join(', ');
}

function ellipsis(value: string, max = 40): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
