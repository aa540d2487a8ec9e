import { describe, expect, it } from 'vitest';
import type { NodeConfigs } from '../types';
import { callOutbound } from './callOutbound';
import { voiceConnect } from './voiceConnect';

const toNumber: NodeConfigs['voice.connect'] = { connectTo: 'number', target: '+14155550100', timeoutSeconds: 30, record: false };
const connectPaths = (config: object) => voiceConnect.configSchema.safeParse(config).error?.issues.map((issue) => issue.path) ?? [];
const callPaths = (config: object) => callOutbound.configSchema.safeParse(config).error?.issues.map((issue) => issue.path) ?? [];

describe('connecting and placing calls', () => {
  it('connects to a number written in E.164 or rendered by a template', () => {
    expect(connectPaths(toNumber)).toEqual([]);
    expect(connectPaths({ ...toNumber, target: '{{ vars.repPhone }}' })).toEqual([]);
    expect(connectPaths({ ...toNumber, target: '(415) 555-0100' })).toEqual([['target']]);
  });

  it('connects to a queue or an agent by name', () => {
    expect(connectPaths({ ...toNumber, connectTo: 'queue', target: 'billing' })).toEqual([]);
    expect(connectPaths({ ...toNumber, connectTo: 'agent', target: 'agent_42' })).toEqual([]);
  });

  it('shows only an E.164 caller id', () => {
    expect(connectPaths({ ...toNumber, callerId: '+442071234567' })).toEqual([]);
    expect(connectPaths({ ...toNumber, callerId: '020 7123 4567' })).toEqual([['callerId']]);
  });

  it('calls the contact, another E.164 number or a templated one', () => {
    const call: NodeConfigs['call.outbound'] = { machineDetection: 'detectMessageEnd', timeoutSeconds: 25 };
    expect(callPaths(call)).toEqual([]);
    expect(callPaths({ ...call, to: '+14155550100', from: '+14155550199' })).toEqual([]);
    expect(callPaths({ ...call, to: '{{ contact.attributes.workPhone }}' })).toEqual([]);
    expect(callPaths({ ...call, to: '4155550100', from: 'main line' })).toEqual([['from'], ['to']]);
  });
});
