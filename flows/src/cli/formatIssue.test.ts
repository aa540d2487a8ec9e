import { describe, expect, it } from 'vitest';
import { countIssues, formatCounts, formatIssue } from './formatIssue';

describe('formatIssue', () => {
  it('prints file:nodeId:path code message', () => {
    expect(
      formatIssue('flows/a.json', {
        code: 'invalid-config',
        severity: 'error',
        nodeId: 'text_back',
        path: 'nodes[text_back].config.template',
        message: 'write the message',
      }),
    ).toBe('flows/a.json:text_back:nodes[text_back].config.template invalid-config write the message');
  });

  it('prints a dash for a missing node id or path, and marks warnings after the code', () => {
    expect(formatIssue('a.json', { code: 'no-trigger', severity: 'error', path: '', message: 'add a trigger' })).toBe(
      'a.json:-:- no-trigger add a trigger',
    );
    expect(formatIssue('a.json', { code: 'unreachable-node', severity: 'warning', nodeId: 'x', path: 'nodes[x]', message: 'connect it' })).toBe(
      'a.json:x:nodes[x] unreachable-node warning: connect it',
    );
  });
});

describe('formatCounts', () => {
  it('counts errors and warnings with the right plurals', () => {
    const counts = countIssues([
      { code: 'a', severity: 'error', path: '', message: '' },
      { code: 'b', severity: 'warning', path: '', message: '' },
      { code: 'c', severity: 'warning', path: '', message: '' },
    ]);
    expect(formatCounts(counts)).toBe('1 error, 2 warnings');
  });
});
