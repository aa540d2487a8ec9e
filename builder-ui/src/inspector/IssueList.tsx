import type { ValidationIssue } from '@threadline/flows/types';

export function IssueList({ issues }: { issues: readonly ValidationIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="issues">
      {issues.map((issue, index) => (
        <li key={index} className={`issue severity-${issue.severity}`} title={`${issue.code} at ${issue.path}`}>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}
