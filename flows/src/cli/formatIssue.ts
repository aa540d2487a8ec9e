import type { ValidationIssue } from '../types';

/**
 * One issue as one line, `file:nodeId:path code message`, the shape compilers print so editors
 * and CI annotate it: `-` stands for a missing node id or path, and a warning says so before
 * its message so the code stays the second field.
 */
export function formatIssue(file: string, issue: ValidationIssue): string {
  const nodeId = issue.nodeId === undefined || issue.nodeId === '' ? '-' : issue.nodeId;
  const path = issue.path === '' ? '-' : issue.path;
  const message = issue.severity === 'warning' ? `warning: ${issue.message}` : issue.message;
  return `${file}:${nodeId}:${path} ${issue.code} ${message}`;
}

export interface IssueCounts {
  errors: number;
  warnings: number;
}

export function countIssues(issues: readonly ValidationIssue[]): IssueCounts {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return { errors, warnings: issues.length - errors };
}

/** "1 error, 2 warnings". */
export function formatCounts({ errors, warnings }: IssueCounts): string {
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
