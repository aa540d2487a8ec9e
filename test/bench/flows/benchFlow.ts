import { defaultConfigOf, type CanvasEdge, type CanvasGraph, type CanvasNode, type FlowMeta, type NodeConfigs, type NodeType } from '@threadline/flows';
import { canvasEdgeId } from '@threadline/flows';

/*
 * A big flow as a large account would draw it, generated for the compile benchmark: an inbound
 * message and an event lead into an outreach graph (sends whose templates read earlier nodes'
 * results and variables, questions with waits and splits, HTTP lookups, A/B tests, routing,
 * reminder loops through a wait, outbound calls), and an inbound call leads into an IVR (menus,
 * gathers with a lookup, recordings, transfers). Every output is connected and every template
 * reads only what is there on every path, so the flow validates clean at any size: the
 * benchmark times the work a real, publishable flow costs.
 */

/** Where a segment continues from: outputs still to be connected to whatever comes next. */
interface Exit {
  from: string;
  output: string;
}

/** One strand of the graph: its open exits, and the templates' readable paths so far. */
interface Lane {
  name: 'outreach' | 'ivr';
  exits: Exit[];
  /** Liquid paths that hold on every path to the lane's exits (their producers dominate them). */
  readable: string[];
  row: number;
}

/** Deterministic: the same size always gives the same flow (mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class FlowBuilder {
  readonly nodes: CanvasNode[] = [];
  readonly edges: CanvasEdge[] = [];
  column = 0;

  add<T extends NodeType>(id: string, type: T, config: NodeConfigs[T], lane: Lane | null, label?: string): string {
    const row = lane === null ? 12 : lane.row;
    this.nodes.push({
      id,
      type,
      position: { x: this.column * 260, y: row * 140 + (this.nodes.length % 4) * 30 },
      data: { ...(label === undefined ? {} : { label }), config: structuredClone(config) as Record<string, unknown> },
    });
    return id;
  }

  connect(from: string, output: string, to: string): void {
    const edge = { from, output, to };
    this.edges.push({ id: canvasEdgeId(edge), source: from, sourceHandle: output, target: to });
  }

  /** Leads every open exit of the lane into `to`. */
  enter(lane: Lane, to: string): void {
    for (const exit of lane.exits) this.connect(exit.from, exit.output, to);
    lane.exits = [];
  }
}

const ENDS = {
  done: 'end_done',
  failed: 'end_send_failed',
  blocked: 'end_blocked',
  unresponsive: 'end_unresponsive',
  callEnded: 'end_call_ended',
} as const;

type Segment = {
  /** Nodes it adds, so the generator can land on the size asked for. */
  size: number;
  lane: Lane['name'];
  build: (flow: FlowBuilder, lane: Lane, index: number, pick: <T>(items: readonly T[]) => T) => void;
};

function send(template: string, channel: NodeConfigs['send']['channel'] = 'sms'): NodeConfigs['send'] {
  return {
    ...defaultConfigOf('send'),
    channel,
    template,
    ...(channel === 'email' ? { subject: 'A note from {{ contact.firstName | default: "us" }}' } : {}),
  };
}

/** A send whose failures end the journey; `sent` is left to the caller. */
function addSend(flow: FlowBuilder, lane: Lane, id: string, config: NodeConfigs['send']): string {
  flow.add(id, 'send', config, lane);
  flow.connect(id, 'failed', ENDS.failed);
  flow.connect(id, 'blocked', ENDS.blocked);
  return id;
}

function say(text: string): NodeConfigs['voice.say'] {
  return { ...defaultConfigOf('voice.say'), text };
}

const SEGMENTS = {
  touch: {
    size: 1,
    lane: 'outreach',
    build(flow, lane, i, pick) {
      const id = addSend(
        flow,
        lane,
        `touch_${i}`,
        send(`Hi {{ contact.firstName | default: "there" }}, following up ({{ ${pick(lane.readable)} }}).`, pick(['sms', 'email', 'whatsapp', 'best'] as const)),
      );
      flow.enter(lane, id);
      lane.exits = [{ from: id, output: 'sent' }];
      lane.readable.push(`nodes.${id}.status`);
    },
  },
  question: {
    size: 6,
    lane: 'outreach',
    build(flow, lane, i, pick) {
      const ask = addSend(flow, lane, `ask_${i}`, send(`Are you still interested, {{ contact.firstName | default: "there" }}? ({{ ${pick(lane.readable)} }})`));
      flow.enter(lane, ask);
      const wait = flow.add(`wait_${i}`, 'waitForReply', { ...defaultConfigOf('waitForReply'), timeout: '24h', saveAs: `answer_${i}` }, lane);
      flow.connect(ask, 'sent', wait);
      const split = flow.add(
        `split_${i}`,
        'split',
        {
          input: `{{ nodes.${wait}.reply.text }}`,
          conditions: [
            { output: 'yes', operator: 'matchesAnyOf', values: ['yes', 'yep', 'sure'] },
            { output: 'no', operator: 'matchesAnyOf', values: ['no', 'stop', 'later'] },
          ],
        },
        lane,
      );
      flow.connect(wait, 'replied', split);
      flow.connect(wait, 'timeout', ENDS.unresponsive);
      const yes = addSend(flow, lane, `yes_${i}`, send(`Great! You said "{{ nodes.${wait}.reply.text }}". Book here: https://example.com/book/{{ journey.id }}`));
      flow.connect(split, 'yes', yes);
      const tag = flow.add(`tag_${i}`, 'updateContact', { ...defaultConfigOf('updateContact'), addTags: ['not-now'] }, lane);
      flow.connect(split, 'no', tag);
      const clarify = addSend(flow, lane, `clarify_${i}`, send(`Sorry, I did not catch "{{ vars.answer_${i} }}". A person will follow up.`));
      flow.connect(split, 'else', clarify);
      lane.exits = [
        { from: yes, output: 'sent' },
        { from: tag, output: 'next' },
        { from: clarify, output: 'sent' },
      ];
      lane.readable.push(`nodes.${ask}.status`, `nodes.${wait}.reply.text`, `nodes.${split}.value`);
    },
  },
  lookup: {
    size: 2,
    lane: 'outreach',
    build(flow, lane, i, pick) {
      const http = flow.add(
        `lookup_${i}`,
        'httpRequest',
        {
          ...defaultConfigOf('httpRequest'),
          url: `https://crm.example.com/leads/{{ contact.id }}?ref={{ ${pick(lane.readable)} | url_encode }}`,
          headers: [{ name: 'Authorization', value: 'Bearer {{ secrets.CRM_TOKEN }}' }],
          saveToVariables: [{ name: `plan_${i}`, from: 'body.plan' }],
        },
        lane,
      );
      flow.enter(lane, http);
      flow.connect(http, 'failed', ENDS.failed);
      const score = flow.add(
        `score_${i}`,
        'setVariables',
        { assignments: [{ name: `score_${i}`, value: `{{ nodes.${http}.body.score | default: 0 | plus: 10 }}`, type: 'number' }] },
        lane,
      );
      flow.connect(http, 'success', score);
      lane.exits = [{ from: score, output: 'next' }];
      lane.readable.push(`nodes.${http}.body.plan`, `nodes.${http}.status`, `vars.score_${i}`, `vars.plan_${i}`);
    },
  },
  businessHours: {
    size: 3,
    lane: 'outreach',
    build(flow, lane, i) {
      const hours = flow.add(`hours_${i}`, 'businessHours', defaultConfigOf('businessHours'), lane);
      flow.enter(lane, hours);
      const later = flow.add(`until_open_${i}`, 'waitUntil', defaultConfigOf('waitUntil'), lane);
      flow.connect(hours, 'closed', later);
      const pause = flow.add(`pause_${i}`, 'delay', { duration: `${(i % 5) + 1}h` }, lane);
      flow.connect(hours, 'open', pause);
      flow.connect(later, 'next', pause);
      lane.exits = [{ from: pause, output: 'next' }];
    },
  },
  abTest: {
    size: 3,
    lane: 'outreach',
    build(flow, lane, i, pick) {
      const ab = flow.add(`ab_${i}`, 'abSplit', defaultConfigOf('abSplit'), lane);
      flow.enter(lane, ab);
      const short = addSend(flow, lane, `variant_a_${i}`, send(`Quick question, {{ contact.firstName | default: "there" }}: still looking? ({{ ${pick(lane.readable)} }})`));
      const long = addSend(flow, lane, `variant_b_${i}`, send('Here is everything you need to decide: https://example.com/guide', 'email'));
      flow.connect(ab, 'a', short);
      flow.connect(ab, 'b', long);
      lane.exits = [
        { from: short, output: 'sent' },
        { from: long, output: 'sent' },
      ];
      lane.readable.push(`nodes.${ab}.branch`);
    },
  },
  reminderLoop: {
    size: 5,
    lane: 'outreach',
    build(flow, lane, i) {
      // A reminder loop: it passes through the wait, so it cannot spin.
      const wait = flow.add(`await_${i}`, 'waitForReply', { ...defaultConfigOf('waitForReply'), timeout: '2d' }, lane);
      flow.enter(lane, wait);
      const count = flow.add(
        `count_${i}`,
        'setVariables',
        { assignments: [{ name: `reminders_${i}`, value: `{{ vars.reminders_${i} | default: 0 | plus: 1 }}`, type: 'number' }] },
        lane,
      );
      flow.connect(wait, 'timeout', count);
      const again = flow.add(
        `again_${i}`,
        'split',
        { input: `{{ vars.reminders_${i} }}`, conditions: [{ output: 'remind', operator: 'lessThan', values: ['3'] }] },
        lane,
      );
      flow.connect(count, 'next', again);
      const remind = addSend(flow, lane, `remind_${i}`, send('Just checking in — reply any time, {{ contact.firstName | default: "there" }}.'));
      flow.connect(again, 'remind', remind);
      flow.connect(remind, 'sent', wait);
      const route = flow.add(`route_${i}`, 'route', { ...defaultConfigOf('route'), skills: ['sales'], priority: '{% if contact.tags contains "vip" %}10{% else %}0{% endif %}' }, lane);
      flow.connect(wait, 'replied', route);
      flow.connect(again, 'else', ENDS.unresponsive);
      flow.connect(route, 'assigned', ENDS.done);
      lane.exits = [{ from: route, output: 'overflow' }];
      lane.readable.push(`nodes.${wait}.reply.text`);
    },
  },
  outboundCall: {
    size: 5,
    lane: 'outreach',
    build(flow, lane, i, pick) {
      const call = flow.add(`call_${i}`, 'call.outbound', defaultConfigOf('call.outbound'), lane);
      flow.enter(lane, call);
      const pitch = flow.add(`pitch_${i}`, 'voice.say', say(`Hi {{ contact.firstName | default: "there" }}, this is Threadline about your request ({{ ${pick(lane.readable)} }}).`), lane);
      const drop = flow.add(`voicemail_${i}`, 'voice.say', say('Sorry we missed you; we will text you a link.'), lane);
      const hangup = flow.add(`hangup_${i}`, 'voice.hangup', {}, lane);
      const hangupMachine = flow.add(`hangup_vm_${i}`, 'voice.hangup', {}, lane);
      flow.connect(call, 'human', pitch);
      flow.connect(call, 'machine', drop);
      flow.connect(pitch, 'next', hangup);
      flow.connect(drop, 'next', hangupMachine);
      lane.exits = [
        { from: call, output: 'noAnswer' },
        { from: call, output: 'busy' },
        { from: call, output: 'failed' },
      ];
    },
  },
  menu: {
    size: 3,
    lane: 'ivr',
    build(flow, lane, i) {
      const menu = flow.add(`menu_${i}`, 'voice.menu', defaultConfigOf('voice.menu'), lane);
      flow.enter(lane, menu);
      const sales = flow.add(`sales_${i}`, 'voice.say', say('Connecting you to sales.'), lane);
      const support = flow.add(`support_${i}`, 'voice.connect', { ...defaultConfigOf('voice.connect'), target: 'support' }, lane);
      flow.connect(menu, 'sales', sales);
      flow.connect(menu, 'support', support);
      lane.exits = [
        { from: sales, output: 'next' },
        { from: support, output: 'completed' },
        { from: support, output: 'noAnswer' },
        { from: support, output: 'busy' },
        { from: support, output: 'failed' },
        { from: menu, output: 'noInput' },
        { from: menu, output: 'noMatch' },
      ];
      lane.readable.push(`nodes.${menu}.digits`);
    },
  },
  orderLookup: {
    size: 4,
    lane: 'ivr',
    build(flow, lane, i) {
      const gather = flow.add(`order_${i}`, 'voice.gather', { ...defaultConfigOf('voice.gather'), saveAs: `order_${i}` }, lane);
      flow.enter(lane, gather);
      const http = flow.add(
        `order_lookup_${i}`,
        'httpRequest',
        { ...defaultConfigOf('httpRequest'), url: `https://shop.example.com/orders/{{ nodes.${gather}.digits }}` },
        lane,
      );
      flow.connect(gather, 'captured', http);
      const status = flow.add(`order_status_${i}`, 'voice.say', say(`Order {{ vars.order_${i} }} is {{ nodes.${http}.body.status | default: "being prepared" }}.`), lane);
      const sorry = flow.add(`order_sorry_${i}`, 'voice.say', say('We could not look that order up right now.'), lane);
      flow.connect(http, 'success', status);
      flow.connect(http, 'failed', sorry);
      lane.exits = [
        { from: status, output: 'next' },
        { from: sorry, output: 'next' },
        { from: gather, output: 'noInput' },
        { from: gather, output: 'invalid' },
      ];
    },
  },
  voicemail: {
    size: 3,
    lane: 'ivr',
    build(flow, lane, i) {
      const record = flow.add(`record_${i}`, 'voice.record', defaultConfigOf('voice.record'), lane);
      flow.enter(lane, record);
      const thanks = addSend(flow, lane, `record_sms_${i}`, send(`Thanks for your message; we will call you back. Recording: {{ nodes.${record}.recordingUrl }}`));
      flow.connect(record, 'recorded', thanks);
      // The caller hung up: no voice node may follow.
      const bye = addSend(flow, lane, `hung_up_sms_${i}`, send('Sorry we got cut off — reply here and we will pick it up.'));
      flow.connect(record, 'hangup', bye);
      flow.connect(bye, 'sent', ENDS.callEnded);
      lane.exits = [
        { from: thanks, output: 'sent' },
        { from: record, output: 'noAudio' },
      ];
    },
  },
  spokenUpdate: {
    size: 1,
    lane: 'ivr',
    build(flow, lane, i, pick) {
      const id = flow.add(`info_${i}`, 'voice.say', say(`Here is an update: {{ ${pick(lane.readable)} | default: "nothing new" }}.`), lane);
      flow.enter(lane, id);
      lane.exits = [{ from: id, output: 'next' }];
    },
  },
} satisfies Record<string, Segment>;

/** The nodes every flow has besides its segments: triggers, ends, and the IVR's goodbye. */
const FIXED_NODES = 3 + Object.keys(ENDS).length + 2;

export const BENCH_FLOW_META: FlowMeta = {
  id: 'bench-compile',
  name: 'Compile benchmark',
  description: 'Generated: outreach behind an inbound message and an event, an IVR behind an inbound call.',
  settings: { timezone: 'America/New_York', reentry: 'ignore', defaultChannel: 'sms' },
};

/** A canvas of exactly `nodeCount` nodes (at least 20), the same for the same count. */
export function generateBenchCanvas(nodeCount: number): CanvasGraph {
  if (nodeCount < 20) throw new Error(`a bench flow needs at least 20 nodes, not ${nodeCount}`);
  const random = seededRandom(nodeCount);
  const pick = <T,>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const flow = new FlowBuilder();
  const outreach: Lane = { name: 'outreach', exits: [], readable: ['contact.firstName', 'trigger.channel', 'journey.id'], row: 0 };
  const ivr: Lane = { name: 'ivr', exits: [], readable: ['contact.firstName', 'trigger.from'], row: 6 };

  flow.add('inbound_message', 'trigger.inboundMessage', defaultConfigOf('trigger.inboundMessage'), outreach, 'Inbound message');
  flow.add('lead_created', 'trigger.event', { event: 'lead.created', payload: [{ name: 'source', type: 'string', required: false }] }, outreach, 'Lead created');
  flow.add('inbound_call', 'trigger.inboundCall', defaultConfigOf('trigger.inboundCall'), ivr, 'Inbound call');
  outreach.exits = [
    { from: 'inbound_message', output: 'next' },
    { from: 'lead_created', output: 'next' },
  ];
  ivr.exits = [{ from: 'inbound_call', output: 'next' }];
  flow.add(ENDS.done, 'end', { outcome: 'converted', returns: [] }, null);
  flow.add(ENDS.failed, 'end', { outcome: 'sendFailed', returns: [] }, null);
  flow.add(ENDS.blocked, 'end', { outcome: 'blocked', returns: [] }, null);
  flow.add(ENDS.unresponsive, 'end', { outcome: 'unresponsive', returns: [] }, null);
  flow.add(ENDS.callEnded, 'end', { outcome: 'callEnded', returns: [] }, null);

  // A question and a voicemail first, so every end node has a way in; then one segment in four
  // on the IVR, the rest outreach, until the size is reached exactly.
  const opening: readonly Segment[] = [SEGMENTS.question, SEGMENTS.voicemail];
  const all: readonly Segment[] = Object.values(SEGMENTS);
  let index = 0;
  for (let left = nodeCount - FIXED_NODES; left > 0; index += 1) {
    const opener = opening[index];
    if (opener !== undefined) {
      flow.column = index;
      opener.build(flow, opener.lane === 'ivr' ? ivr : outreach, index, pick);
      left -= opener.size;
      continue;
    }
    const lane = random() < 0.25 ? ivr : outreach;
    const fitting = all.filter((segment) => segment.lane === lane.name && segment.size <= left);
    const segment = pick(fitting);
    flow.column = index;
    segment.build(flow, lane, index, pick);
    left -= segment.size;
  }

  flow.column = index;
  for (const exit of outreach.exits) flow.connect(exit.from, exit.output, ENDS.done);
  outreach.exits = [];
  const goodbye = flow.add('goodbye', 'voice.say', say('Thanks for calling. Goodbye!'), ivr);
  flow.enter(ivr, goodbye);
  flow.add('hang_up', 'voice.hangup', {}, ivr);
  flow.connect(goodbye, 'next', 'hang_up');
  return { nodes: flow.nodes, edges: flow.edges };
}
