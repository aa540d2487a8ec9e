import type { ValidationIssue } from '../types';
import type { CliIo } from './cliIo';
import type { ApiRefusal } from './flowsApiClient';
import { formatIssue } from './formatIssue';

/**
 * Prints the API's refusal of a file's definition: the API's message, then each issue in the
 * validate format. Paths are made relative to the file again (the API names them inside the
 * request, `body.definition.nodes[x]…`), so the lines point into the file the author edits.
 */
export function printRefusal(io: CliIo, file: string, action: string, refusal: ApiRefusal): void {
  io.out(`${file}: the API refused to ${action} (${refusal.status} ${refusal.code}): ${refusal.message}`);
  const issues: ValidationIssue[] =
    refusal.issues.length > 0
      ? [...refusal.issues]
      : refusal.path === undefined
        ? []
        : [{ code: refusal.code, severity: 'error', nodeId: refusal.nodeId, path: refusal.path, message: refusal.message }];
  for (const issue of issues) io.out(formatIssue(file, { ...issue, path: pathInFile(issue.path) }));
}

export function pathInFile(path: string): string {
  if (path === 'body.definition') return '';
  return path.startsWith('body.definition.') ? path.slice('body.definition.'.length) : path;
}
