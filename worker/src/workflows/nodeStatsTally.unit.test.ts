import { describe, expect, it } from 'vitest';
import { NodeStatsTally } from './nodeStatsTally';

const tally = () => new NodeStatsTally('welcome', 3, 'journey:welcome:c_1:run-1');

describe('NodeStatsTally', () => {
  it('hands the entries and exits since the last activity to the next one, named by run and sequence', () => {
    const stats = tally();
    stats.enter('trigger');
    stats.exit('trigger');
    stats.enter('send_1');
    expect(stats.attach({ nodeId: 'send_1' })).toEqual({
      nodeId: 'send_1',
      nodeStats: {
        batchId: 'journey:welcome:c_1:run-1:1',
        flowId: 'welcome',
        flowVersion: 3,
        nodes: [
          { nodeId: 'trigger', entered: 1, exited: 1 },
          { nodeId: 'send_1', entered: 1, exited: 0 },
        ],
      },
    });
    stats.exit('send_1');
    stats.enter('end');
    expect(stats.take()).toEqual({
      batchId: 'journey:welcome:c_1:run-1:2',
      flowId: 'welcome',
      flowVersion: 3,
      nodes: [
        { nodeId: 'send_1', entered: 0, exited: 1 },
        { nodeId: 'end', entered: 1, exited: 0 },
      ],
    });
  });

  it('leaves an input untouched when nothing was counted since the last batch', () => {
    const stats = tally();
    stats.enter('a');
    stats.take();
    expect(stats.attach({ nodeId: 'a' })).toEqual({ nodeId: 'a' });
    expect(stats.take()).toBeNull();
  });

  it('counts leaving a node once, however often it is said', () => {
    const stats = tally();
    stats.enter('end');
    stats.exit('end');
    stats.exit('end');
    stats.leaveCurrent();
    expect(stats.pending()).toEqual([{ nodeId: 'end', entered: 1, exited: 1 }]);
  });

  it('leaves the node a cancelled journey waited in, and only a node it is in', () => {
    const stats = tally();
    stats.enter('wait');
    stats.leaveCurrent();
    stats.leaveCurrent();
    stats.exit('elsewhere');
    expect(stats.pending()).toEqual([{ nodeId: 'wait', entered: 1, exited: 1 }]);
  });

  it('adds up a loop through one node and carries what is pending into the next run', () => {
    const stats = tally();
    for (let round = 0; round < 3; round += 1) {
      stats.enter('delay');
      stats.exit('delay');
    }
    const next = new NodeStatsTally('welcome', 3, 'journey:welcome:c_1:run-2', stats.pending());
    next.enter('delay');
    expect(next.take()).toEqual({
      batchId: 'journey:welcome:c_1:run-2:1',
      flowId: 'welcome',
      flowVersion: 3,
      nodes: [{ nodeId: 'delay', entered: 4, exited: 3 }],
    });
  });
});
