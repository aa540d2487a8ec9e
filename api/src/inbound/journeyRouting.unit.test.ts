import { JOURNEY_TASK_QUEUE, JOURNEY_WORKFLOW_TYPE } from '@threadline/worker/contract';
import { describe, expect, it } from 'vitest';
import { journeyRouting } from './journeyRouting';

describe('journeyRouting', () => {
  it('starts journeys as the contract’s interpreter workflow when nothing is overridden', () => {
    expect(journeyRouting()).toEqual({ workflowType: JOURNEY_WORKFLOW_TYPE, taskQueue: JOURNEY_TASK_QUEUE });
  });

  it('routes to another workflow type and task queue when the benchmark asks for its baseline', () => {
    expect(journeyRouting({ workflowType: 'handWrittenMissedCall', taskQueue: 'journeys-baseline' })).toEqual({
      workflowType: 'handWrittenMissedCall',
      taskQueue: 'journeys-baseline',
    });
  });

  it('keeps the contract’s task queue when only the workflow type is overridden', () => {
    expect(journeyRouting({ workflowType: 'other' })).toEqual({ workflowType: 'other', taskQueue: JOURNEY_TASK_QUEUE });
  });
});
