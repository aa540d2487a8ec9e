import type { FlowNodeOf, NodeConfigs } from '../types';
import type { Exit, WidgetContext, WidgetMapping } from './widgetContext';
import { hasNext } from './widgetContext';
import { variableNameOf } from './studioNames';

/**
 * gather-input-on-call → voice.gather. Studio's keypress and speech events both mean
 * "captured"; when they lead to different widgets a split on the speech result keeps them
 * apart. The split on Digits that usually follows stays a split: it is how Studio builds a menu.
 */
export function mapGatherInputOnCall(ctx: WidgetContext): WidgetMapping {
  const keypress = ctx.transitions.find((transition) => transition.event === 'keypress');
  const speech = ctx.transitions.find((transition) => transition.event === 'speech');
  const digits = keypress !== undefined && hasNext(keypress);
  const spoken = speech !== undefined && hasNext(speech) || ctx.text('hints') !== undefined;
  const input: NodeConfigs['voice.gather']['input'] = digits && spoken ? 'dtmfAndSpeech' : spoken && !digits ? 'speech' : 'dtmf';

  const nodes: WidgetMapping['nodes'] = [];
  const edges: WidgetMapping['edges'] = [];
  let entry = ctx.nodeId;
  const say = ctx.template('say');
  const play = ctx.template('play');
  if (say === undefined && play !== undefined) {
    // The gather speaks its prompt; a recorded prompt plays first, from its own node.
    entry = ctx.extraNodeId('prompt');
    nodes.push({
      node: { id: entry, type: 'voice.play', label: ctx.state.name, config: { url: play, loop: 1 } },
      position: ctx.near(0, -140),
    });
    edges.push({ from: entry, output: 'next', to: ctx.nodeId });
  }

  const config: NodeConfigs['voice.gather'] = {
    prompt: say ?? '{{ "" }}',
    input,
    speechHints: input === 'dtmf' ? [] : listOf(ctx.text('hints')),
    timeoutSeconds: ctx.boundedInteger('timeout', 1, 600, 5),
    saveAs: variableNameOf(ctx.nodeId),
    // Studio's loop says the prompt again while it waits: what a retry after silence does here.
    retries: Math.max(0, ctx.boundedInteger('loop', 1, 11, 1) - 1),
  };
  const digitKey = ctx.integer('number_of_digits') !== undefined ? 'number_of_digits' : 'num_digits';
  const digitCount = ctx.integer(digitKey) === undefined ? undefined : ctx.boundedInteger(digitKey, 1, 64, 1);
  if (digitCount !== undefined && input !== 'speech') config.digitCount = digitCount;
  const finishOnKey = ctx.matching('finish_on_key', KEYPAD_KEY);
  if (finishOnKey !== undefined && input !== 'speech') config.finishOnKey = finishOnKey;
  const speechLanguage = ctx.matching('gather_language', LANGUAGE_TAG) ?? ctx.matching('speech_recognition_language', LANGUAGE_TAG);
  if (speechLanguage !== undefined && input !== 'dtmf') config.speechLanguage = speechLanguage;
  assignVoice(ctx, config);
  nodes.push({ node: { id: ctx.nodeId, type: 'voice.gather', label: ctx.state.name, config }, position: ctx.position });

  let keypressExit: Exit = { from: ctx.nodeId, output: 'captured' };
  let speechExit: Exit = keypressExit;
  if (digits && speech !== undefined && hasNext(speech) && keypress !== undefined && keypress.next !== speech.next) {
    const splitId = ctx.extraNodeId('input');
    const split: FlowNodeOf<'split'> = {
      id: splitId,
      type: 'split',
      label: `${ctx.state.name}: speech or keys`,
      config: {
        input: `{{ nodes.${ctx.nodeId}.speech }}`,
        conditions: [{ output: 'speech', operator: 'isNotBlank', values: [] }],
      },
    };
    nodes.push({ node: split, position: ctx.near(0, 140) });
    edges.push({ from: ctx.nodeId, output: 'captured', to: splitId });
    keypressExit = { from: splitId, output: 'else' };
    speechExit = { from: splitId, output: 'speech' };
  }
  return {
    nodes,
    entry,
    edges,
    exits: ctx.exitsByEvent({
      keypress: [keypressExit],
      speech: [speechExit],
      timeout: [{ from: ctx.nodeId, output: 'noInput' }],
    }),
  };
}

/** say-play → voice.say (text) or voice.play (an audio URL). */
export function mapSayPlay(ctx: WidgetContext): WidgetMapping | undefined {
  const loop = ctx.boundedInteger('loop', 0, 100, 1);
  const say = ctx.template('say');
  const play = ctx.template('play');
  let node: FlowNodeOf<'voice.say'> | FlowNodeOf<'voice.play'>;
  if (say !== undefined) {
    const config: NodeConfigs['voice.say'] = { text: say, loop };
    assignVoice(ctx, config);
    node = { id: ctx.nodeId, type: 'voice.say', label: ctx.state.name, config };
    if (play !== undefined) ctx.approximate('it had both text and an audio URL; the text is kept');
  } else if (play !== undefined) {
    node = { id: ctx.nodeId, type: 'voice.play', label: ctx.state.name, config: { url: play, loop } };
  } else {
    return ctx.unmappable(
      ctx.text('digits') === undefined ? 'says and plays nothing' : 'plays DTMF tones, which no Threadline node does',
    );
  }
  return {
    nodes: [{ node, position: ctx.position }],
    entry: node.id,
    edges: [],
    exits: ctx.exitsByEvent({ audioComplete: [{ from: node.id, output: 'next' }] }),
  };
}

/**
 * make-outgoing-call-v2 → call.outbound. v2 folds "answered by a machine" into `answered`, so
 * both the human and the machine output take it; v1's `answeredByMachine` keeps them apart.
 */
export function mapMakeOutgoingCall(ctx: WidgetContext): WidgetMapping {
  const detect = ctx.boolean('detect_answering_machine') === true;
  const config: NodeConfigs['call.outbound'] = {
    machineDetection: !detect ? 'off' : ctx.text('machine_detection') === 'DetectMessageEnd' ? 'detectMessageEnd' : 'detect',
    timeoutSeconds: ctx.boundedInteger('timeout', 1, 600, 60),
  };
  const to = phoneTemplate(ctx.template('to'));
  if (to !== undefined && to.replace(/\s+/g, '') !== '{{contact.phone}}') config.to = to;
  const from = literalNumber(ctx, 'from');
  if (from !== undefined) config.from = from;
  if (ctx.boolean('record') === true) ctx.approximate('it recorded the call; Threadline does not record outbound calls');
  const id = ctx.nodeId;
  const machineSeparate = ctx.transitions.some((transition) => transition.event === 'answeredByMachine');
  return {
    nodes: [{ node: { id, type: 'call.outbound', label: ctx.state.name, config }, position: ctx.position }],
    entry: id,
    edges: [],
    exits: ctx.exitsByEvent({
      answered: machineSeparate
        ? [{ from: id, output: 'human' }]
        : [
            { from: id, output: 'human' },
            { from: id, output: 'machine' },
          ],
      answeredByMachine: [{ from: id, output: 'machine' }],
      busy: [{ from: id, output: 'busy' }],
      noAnswer: [{ from: id, output: 'noAnswer' }],
      failed: [{ from: id, output: 'failed' }],
    }),
  };
}

/**
 * connect-call-to → voice.connect. Studio takes `callCompleted` whatever the dial's outcome
 * (DialCallStatus says which), so every Threadline outcome leads where it led.
 */
export function mapConnectCallTo(ctx: WidgetContext): WidgetMapping | undefined {
  const noun = ctx.text('noun') ?? 'number';
  let connectTo: NodeConfigs['voice.connect']['connectTo'] = 'number';
  if (noun === 'client') {
    connectTo = 'agent';
    ctx.approximate('it dialled a Voice SDK client; it connects to the agent with that id');
  } else if (noun !== 'number' && noun !== 'number-multi') {
    ctx.approximate(`it dialled a ${noun}; it dials the address as a number`);
  }
  const target = phoneTemplate(ctx.template('to'));
  if (target === undefined) return ctx.unmappable('has no destination to connect the caller to');
  const config: NodeConfigs['voice.connect'] = {
    connectTo,
    target,
    timeoutSeconds: ctx.boundedInteger('timeout', 1, 600, 30),
    record: ctx.boolean('record') ?? false,
  };
  const callerId = literalNumber(ctx, 'caller_id');
  if (callerId !== undefined) config.callerId = callerId;
  return connectMapping(ctx, config, {
    callCompleted: ['completed', 'noAnswer', 'busy', 'failed'],
  });
}

/** enqueue-call → voice.connect to a queue: the call waits there for an agent. */
export function mapEnqueueCall(ctx: WidgetContext): WidgetMapping | undefined {
  const queue = ctx.template('queue_name') ?? ctx.template('workflow_sid') ?? ctx.template('task_router_workflow');
  if (queue === undefined) return ctx.unmappable('names no queue or workflow to put the call in');
  ctx.approximate('TaskRouter enqueue became a connect to the queue; its task attributes, priority and hold music are not kept');
  const config: NodeConfigs['voice.connect'] = {
    connectTo: 'queue',
    target: queue,
    timeoutSeconds: ctx.boundedInteger('timeout', 1, 600, 600),
    record: false,
  };
  return connectMapping(ctx, config, {
    callComplete: ['completed'],
    failedToEnqueue: ['failed'],
    callFailure: ['noAnswer', 'busy'],
  });
}

/** record-voicemail → voice.record. */
export function mapRecordVoicemail(ctx: WidgetContext): WidgetMapping {
  const config: NodeConfigs['voice.record'] = {
    maxLengthSeconds: ctx.boundedInteger('max_length', 1, 14_400, 3600),
    transcribe: ctx.boolean('transcribe') ?? false,
    playBeep: ctx.boolean('play_beep') ?? true,
  };
  const finishOnKey = ctx.matching('finish_on_key', KEYPAD_KEY);
  if (finishOnKey !== undefined) config.finishOnKey = finishOnKey;
  const id = ctx.nodeId;
  return {
    nodes: [{ node: { id, type: 'voice.record', label: ctx.state.name, config }, position: ctx.position }],
    entry: id,
    edges: [],
    exits: ctx.exitsByEvent({
      recordingComplete: [{ from: id, output: 'recorded' }],
      noAudio: [{ from: id, output: 'noAudio' }],
      hangup: [{ from: id, output: 'hangup' }],
    }),
  };
}

function connectMapping(
  ctx: WidgetContext,
  config: NodeConfigs['voice.connect'],
  outputsByEvent: Readonly<Record<string, readonly string[]>>,
): WidgetMapping {
  const id = ctx.nodeId;
  const table: Record<string, Exit[]> = {};
  for (const [event, outputs] of Object.entries(outputsByEvent)) {
    table[event] = outputs.map((output) => ({ from: id, output }));
  }
  return {
    nodes: [{ node: { id, type: 'voice.connect', label: ctx.state.name, config }, position: ctx.position }],
    entry: id,
    edges: [],
    exits: ctx.exitsByEvent(table),
  };
}

const KEYPAD_KEY = /^[0-9*#]$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const TTS_VOICE = /^[A-Za-z][A-Za-z0-9._-]{0,99}$/;

/** A literal phone number written with spaces, dashes or brackets, in E.164; templates as they are. */
function phoneTemplate(value: string | undefined): string | undefined {
  if (value === undefined || value.includes('{{') || value.includes('{%')) return value;
  const compact = value.replace(/[\s().-]/g, '');
  return /^\+[1-9][0-9]{6,14}$/.test(compact) ? compact : value;
}

/*
 * Caller ids are plain numbers in Threadline. Studio's usual `{{flow.channel.address}}` (our
 * number) is the default there; anything computed cannot be kept.
 */
function literalNumber(ctx: WidgetContext, key: string): string | undefined {
  const value = ctx.text(key);
  if (value === undefined) return undefined;
  if (/^\+[1-9][0-9]{6,14}$/.test(value)) return value;
  if (!/flow\.channel\.address|contact\.channel\.address/.test(value)) {
    ctx.approximate(`its ${key} "${value}" is not a fixed E.164 number; the default number is used`);
  }
  return undefined;
}

function assignVoice(ctx: WidgetContext, config: { voice?: string | undefined; language?: string | undefined }): void {
  const voice = ctx.text('voice') === 'default' ? undefined : ctx.matching('voice', TTS_VOICE);
  if (voice !== undefined) config.voice = voice;
  const language = ctx.matching('language', LANGUAGE_TAG);
  if (language !== undefined) config.language = language;
}

function listOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
