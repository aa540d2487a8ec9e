import { describe, expect, it } from 'vitest';
import { isRerunWorkflowId, journeyEntryWorkflowId, journeyWorkflowId, rerunWorkflowId } from './contract';

describe('re-run workflow ids', () => {
  it('recognises the re-runs of one contact in one flow, and nothing else', () => {
    expect(isRerunWorkflowId(rerunWorkflowId('welcome', 'c_1', 1), 'welcome', 'c_1')).toBe(true);
    expect(isRerunWorkflowId(rerunWorkflowId('welcome', 'c_1', 12), 'welcome', 'c_1')).toBe(true);
    expect(isRerunWorkflowId(journeyWorkflowId('welcome', 'c_1'), 'welcome', 'c_1')).toBe(false);
    expect(isRerunWorkflowId(rerunWorkflowId('welcome', 'c_1', 1), 'welcome', 'c_12')).toBe(false);
    expect(isRerunWorkflowId(rerunWorkflowId('welcome-back', 'c_1', 1), 'welcome', 'c_1')).toBe(false);
    expect(isRerunWorkflowId(`${rerunWorkflowId('welcome', 'c_1', 1)}/sub:ask:1`, 'welcome', 'c_1')).toBe(false);
    expect(isRerunWorkflowId(journeyEntryWorkflowId('welcome', 'c_1', 'sandbox:SM1'), 'welcome', 'c_1')).toBe(false);
  });
});
