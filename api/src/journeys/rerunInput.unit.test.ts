import type { FlowDefinition } from '@threadline/flows/types';
import { describe, expect, it } from 'vitest';
import { rerunInput } from './rerunJourney';

const definition = { schemaVersion: 2, id: 'demo', name: 'Demo', nodes: [], edges: [], layout: {} } as unknown as FlowDefinition;

const parts = {
  flowId: 'demo',
  version: 3,
  definition,
  contactId: 'c_1',
  contact: { firstName: 'Ada', phone: '+14155550100' },
  triggerNodeId: 'missed_call',
  nodeId: 'send_offer',
  workflowId: 'journey:demo:c_1:rerun-2',
  now: '2026-03-02T12:00:00.000Z',
  channel: 'sms' as const,
  from: '+14155550100',
  vars: { plan: 'pro' },
};

describe('the input of a re-run', () => {
  it('starts at the chosen node on the chosen version with the contact as they are and the old journey\'s variables', () => {
    const input = rerunInput(parts);
    expect(input).toMatchObject({ flowId: 'demo', flowVersion: 3, contactId: 'c_1', triggerNodeId: 'missed_call', contact: { firstName: 'Ada' } });
    expect(input.resume).toMatchObject({
      nodeId: 'send_offer',
      startedAt: parts.now,
      context: { contact: { id: 'c_1', firstName: 'Ada', phone: '+14155550100' }, reply: null, nodes: {}, vars: { plan: 'pro' } },
      visitCounts: {},
      path: [],
      visits: [],
      channels: ['sms'],
      inbox: [],
    });
  });

  it('keys its sends by its own workflow id, which no other run has, and names itself as its trigger', () => {
    const input = rerunInput(parts);
    expect(input.resume?.firstRunId).toBe('journey:demo:c_1:rerun-2');
    expect(input.trigger).toMatchObject({ eventId: 'rerun:journey:demo:c_1:rerun-2', kind: 'event', name: 'rerun', channel: 'sms', from: '+14155550100' });
    expect(input.resume?.context.trigger).toEqual({ channel: 'sms', text: null, from: '+14155550100', at: parts.now });
  });

  it('copies the variables rather than sharing them', () => {
    const vars = { plan: 'pro' };
    const input = rerunInput({ ...parts, vars });
    vars.plan = 'free';
    expect(input.resume?.context.vars).toEqual({ plan: 'pro' });
  });
});
