/**
 * The two flows the engine bench runs, as plain definitions handed to journeys the way the API
 * hands a published one (`JourneyInput.definition`):
 * - the multi-step journey: an SMS, a 2-second delay, a question, a reply the bench posts, a
 *   split on it and the answer (the hand-written baseline does exactly these steps);
 * - the waiting journey: one timer until a chosen minute, then the end, so thousands of
 *   journeys wait at once and their timers fire together.
 */
import { CURRENT_SCHEMA_VERSION } from '@threadline/flows';
import type { FlowDefinition, Weekday } from '@threadline/flows/types';
import { ENGINE_STEPS } from './engineSteps';

export const ENGINE_FLOW_ID = 'bench-engine';
export const WAITING_FLOW_ID = 'bench-waiting';


const send = (template: string) => ({ channel: 'sms' as const, template, mediaUrls: [], whatsappTemplateVariables: [] });

export const engineFlow: FlowDefinition = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: ENGINE_FLOW_ID,
  name: 'Engine bench',
  nodes: [
    { id: 'hello', type: 'trigger.inboundMessage', config: { channels: ['sms'] } },
    { id: 'welcome', type: 'send', config: send(ENGINE_STEPS.welcome) },
    { id: 'pause', type: 'delay', config: { duration: ENGINE_STEPS.delay } },
    { id: 'question', type: 'send', config: send(ENGINE_STEPS.question) },
    { id: 'wait_reply', type: 'waitForReply', config: { channels: [], timeout: ENGINE_STEPS.replyTimeout, maxReprompts: 0 } },
    {
      id: 'asks_price',
      type: 'split',
      config: {
        input: '{{ nodes.wait_reply.reply.text }}',
        conditions: [{ output: 'pricing', operator: 'contains', values: [...ENGINE_STEPS.pricingWords] }],
      },
    },
    { id: 'send_pricing', type: 'send', config: send(ENGINE_STEPS.pricing) },
    { id: 'send_general', type: 'send', config: send(ENGINE_STEPS.general) },
    { id: 'end_answered', type: 'end', config: { outcome: 'answered', returns: [] } },
    { id: 'end_unresponsive', type: 'end', config: { outcome: 'unresponsive', returns: [] } },
    { id: 'end_not_sent', type: 'end', config: { outcome: 'notSent', returns: [] } },
  ],
  edges: [
    { from: 'hello', output: 'next', to: 'welcome' },
    { from: 'welcome', output: 'sent', to: 'pause' },
    { from: 'welcome', output: 'failed', to: 'end_not_sent' },
    { from: 'welcome', output: 'blocked', to: 'end_not_sent' },
    { from: 'pause', output: 'next', to: 'question' },
    { from: 'question', output: 'sent', to: 'wait_reply' },
    { from: 'question', output: 'failed', to: 'end_not_sent' },
    { from: 'question', output: 'blocked', to: 'end_not_sent' },
    { from: 'wait_reply', output: 'replied', to: 'asks_price' },
    { from: 'wait_reply', output: 'timeout', to: 'end_unresponsive' },
    { from: 'asks_price', output: 'pricing', to: 'send_pricing' },
    { from: 'asks_price', output: 'else', to: 'send_general' },
    { from: 'send_pricing', output: 'sent', to: 'end_answered' },
    { from: 'send_pricing', output: 'failed', to: 'end_not_sent' },
    { from: 'send_pricing', output: 'blocked', to: 'end_not_sent' },
    { from: 'send_general', output: 'sent', to: 'end_answered' },
    { from: 'send_general', output: 'failed', to: 'end_not_sent' },
    { from: 'send_general', output: 'blocked', to: 'end_not_sent' },
  ],
  layout: {},
};

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Waits until `fireAt` (a whole UTC minute), then ends. A waitUntil schedule opening at that
 * minute rather than a delay: every journey's timer ends at the same instant however long the
 * 10,000 starts took, as a campaign's "send at 09:00" does. The schedule stays open from then
 * to the end of the next day, so a journey the worker only reaches after the fire time goes
 * straight on (the bench counts it as not waiting) instead of waiting a week.
 */
export function waitingFlow(fireAt: Date): FlowDefinition {
  if (fireAt.getUTCSeconds() !== 0 || fireAt.getUTCMilliseconds() !== 0) throw new Error('fireAt must be a whole minute');
  const hhmm = `${String(fireAt.getUTCHours()).padStart(2, '0')}:${String(fireAt.getUTCMinutes()).padStart(2, '0')}`;
  if (hhmm === '23:59') throw new Error('fireAt must not be 23:59 UTC (its window would be empty)');
  const day = WEEKDAYS[fireAt.getUTCDay()];
  const nextDay = WEEKDAYS[(fireAt.getUTCDay() + 1) % 7];
  if (day === undefined || nextDay === undefined) throw new Error('no weekday');
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: WAITING_FLOW_ID,
    name: 'Waiting bench',
    nodes: [
      { id: 'hello', type: 'trigger.inboundMessage', config: { channels: ['sms'] } },
      {
        id: 'at_the_minute',
        type: 'waitUntil',
        config: {
          schedule: {
            timezone: 'UTC',
            hours: [
              { days: [day], from: hhmm, to: '23:59' },
              { days: [nextDay], from: '00:00', to: '23:59' },
            ],
            holidays: [],
          },
        },
      },
      { id: 'end_fired', type: 'end', config: { outcome: 'fired', returns: [] } },
    ],
    edges: [
      { from: 'hello', output: 'next', to: 'at_the_minute' },
      { from: 'at_the_minute', output: 'next', to: 'end_fired' },
    ],
    layout: {},
  };
}
