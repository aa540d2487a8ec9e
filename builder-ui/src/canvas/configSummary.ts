import { assertNever } from '@threadline/flows';
import type { NodeType } from '@threadline/flows/types';
import { ellipsis, listOr, numberOr, records, strings, text, type RawRecord } from '../catalog/rawConfig';
import { scheduleSummary } from './scheduleSummary';

/**
 * One line under a node's label that says what it does, so a flow reads without opening the
 * inspector. It reads the raw canvas config defensively: a node being edited may be incomplete.
 */
export function summarizeConfig(type: NodeType, config: RawRecord): string {
  switch (type) {
    case 'trigger.inboundMessage': {
      const keyword = text(config['keyword']);
      const regex = text(config['regex']);
      const match = keyword ? ` containing "${keyword}"` : regex ? ` matching /${regex}/` : '';
      return `Message on ${channelList(config['channels'])}${match}`;
    }
    case 'trigger.inboundCall':
      return `Call to ${listOr(config['numbers'], 'any of our numbers')}`;
    case 'trigger.missedCall':
      return `Missed call on ${listOr(config['numbers'], 'any of our numbers')}`;
    case 'trigger.event':
      return `Event ${text(config['event']) || '?'}`;
    case 'trigger.schedule': {
      const zone = text(config['timezone']);
      const tags = strings(config['tags']);
      return `Cron ${text(config['cron']) || '?'}${zone ? ` (${zone})` : ''}${tags.length > 0 ? ` for ${tags.join(', ')}` : ''}`;
    }
    case 'trigger.subflow':
      return 'Run by a parent flow';
    case 'send': {
      const to = text(config['to']);
      const body = ellipsis(text(config['template'])) || '(empty message)';
      return `${channelName(text(config['channel']))}${to ? ` to ${ellipsis(to, 20)}` : ''}: ${body}`;
    }
    case 'waitForReply':
      return `Up to ${text(config['timeout']) || '?'} on ${channelList(config['channels'])}${savedAs(config['saveAs'])}`;
    case 'waitForEvent':
      return `${text(config['event']) || '?'}, up to ${text(config['timeout']) || '?'}`;
    case 'voice.say':
      return `Say: ${ellipsis(text(config['text'])) || '(nothing)'}`;
    case 'voice.play':
      return `Play: ${ellipsis(text(config['url'])) || '(no audio)'}`;
    case 'voice.menu': {
      // A spoken-only option has no key to show; its output name says enough.
      const options = records(config['options']).map((option) => {
        const digit = text(option['digit']);
        return `${digit ? `${digit} ` : ''}${text(option['output']) || '?'}`;
      });
      return `Menu: ${options.length === 0 ? 'no options' : options.join(', ')}`;
    }
    case 'voice.gather':
      return `Gather ${inputName(text(config['input']))}${savedAs(config['saveAs'])}`;
    case 'voice.record':
      return `Record up to ${numberOr(config['maxLengthSeconds'], 0)}s${config['transcribe'] === true ? ', transcribed' : ''}`;
    case 'voice.connect':
      return `Connect to ${text(config['connectTo']) || '?'} ${ellipsis(text(config['target']), 30) || '?'}`;
    case 'voice.hangup':
      return 'Hang up';
    case 'call.outbound': {
      const detection = text(config['machineDetection']);
      return `Call ${ellipsis(text(config['to']), 24) || 'the contact'}${detection && detection !== 'off' ? ', detect machines' : ''}`;
    }
    case 'split': {
      const conditions = records(config['conditions']).length;
      return `On ${ellipsis(text(config['input']), 28) || '?'}: ${conditions} condition${conditions === 1 ? '' : 's'} + else`;
    }
    case 'intent': {
      const intents = records(config['intents']).map((intent) => text(intent['output']) || '?');
      return `Intent: ${intents.length === 0 ? 'none yet' : intents.join(', ')}`;
    }
    case 'abSplit':
      return `A/B: ${branchShares(records(config['branches']))}`;
    case 'delay':
      return `Wait ${text(config['duration']) || '?'}`;
    case 'waitUntil':
      return `Until open: ${scheduleSummary(config['schedule'])}`;
    case 'businessHours':
      return `Open ${scheduleSummary(config['schedule'])}`;
    case 'setVariables': {
      const names = records(config['assignments']).map((assignment) => text(assignment['name']) || '?');
      return names.length === 0 ? 'Set nothing yet' : `Set ${names.join(', ')}`;
    }
    case 'updateContact':
      return contactChanges(config);
    case 'httpRequest':
      return `${text(config['method']) || '?'} ${ellipsis(text(config['url']), 34) || '?'}`;
    case 'subflow': {
      const version = config['version'];
      const pinned = typeof version === 'number' ? `v${version}` : 'latest';
      return `Run ${text(config['flowId']) || '?'} (${pinned})`;
    }
    case 'route': {
      const queue = text(config['queue']);
      return `Route to ${listOr(config['skills'], 'any agent')}${queue ? ` in ${queue}` : ''}${config['sticky'] === true ? ', sticky' : ''}`;
    }
    case 'handoff':
      return `Hand off to ${text(config['toKind']) || '?'} ${text(config['to']) || '?'}`;
    case 'end':
      return `Outcome: ${text(config['outcome']) || '?'}`;
    case 'placeholder':
      return ellipsis(text(config['note'])) || `Stand-in from ${text(config['source']) || 'an import'}`;
    default:
      return assertNever(type, 'node type');
  }
}

const CHANNEL_NAMES: Readonly<Record<string, string>> = {
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  email: 'Email',
  webchat: 'Webchat',
  best: 'Best channel',
};

function channelName(channel: string): string {
  return CHANNEL_NAMES[channel] ?? (channel || '?');
}

function channelList(value: unknown): string {
  const channels = strings(value);
  return channels.length === 0 ? 'any channel' : channels.map(channelName).join(', ');
}

function savedAs(value: unknown): string {
  const name = text(value);
  return name ? ` → vars.${name}` : '';
}

function inputName(input: string): string {
  if (input === 'dtmf') return 'digits';
  if (input === 'speech') return 'speech';
  if (input === 'dtmfAndSpeech') return 'digits or speech';
  return '?';
}

/** Each branch's share of the journeys, rounded: "a 50%, b 50%". */
function branchShares(branches: readonly RawRecord[]): string {
  if (branches.length === 0) return 'no branches';
  const weights = branches.map((branch) => Math.max(0, numberOr(branch['weight'], 0)));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return branches
    .map((branch, index) => `${text(branch['output']) || '?'} ${total > 0 ? Math.round(((weights[index] ?? 0) / total) * 100) : 0}%`)
    .join(', ');
}

function contactChanges(config: RawRecord): string {
  const parts = [
    ...records(config['attributes']).map((attribute) => `set ${text(attribute['name']) || '?'}`),
    ...strings(config['addTags']).map((tag) => `+${tag}`),
    ...strings(config['removeTags']).map((tag) => `−${tag}`),
  ];
  const channel = text(config['preferredChannel']);
  if (channel) parts.push(`prefers ${channelName(channel)}`);
  if (config['doNotCall'] === true) parts.push('do not call');
  return parts.length === 0 ? 'Change nothing yet' : `Contact: ${parts.join(', ')}`;
}
