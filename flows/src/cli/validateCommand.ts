import { parseArgs } from 'node:util';
import { parseFlowDefinition, parseFlowDraft } from '../schema/parseFlowDefinition';
import { CURRENT_SCHEMA_VERSION, type ValidationIssue } from '../types';
import { isPublishable, validateFlow } from '../validation/validateFlow';
import { CliError } from './cliError';
import type { CliIo } from './cliIo';
import { usageError, usageErrors } from './commandArgs';
import { EXIT, worstExit, type ExitCode } from './exitCodes';
import { countIssues, formatCounts, formatIssue, plural } from './formatIssue';
import { HELP } from './helpTexts';
import { readJsonFile } from './readJsonFile';

/** `flows validate <file.json>...`: every rule but the subflow lookups, offline. */
export async function validateCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = usageErrors('validate', () =>
    parseArgs({ args: [...args], options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }),
  );
  if (values.help === true) {
    io.out(HELP.validate);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw usageError('validate', 'missing <file.json>; name one or more flow files');

  let exit: ExitCode = EXIT.ok;
  let errors = 0;
  let warnings = 0;
  let filesWithErrors = 0;
  let unreadable = 0;
  for (const file of positionals) {
    let json: unknown;
    try {
      json = await readJsonFile(io, file);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.err(error.message);
      exit = worstExit(exit, error.exitCode);
      unreadable += 1;
      continue;
    }
    const { issues, migratedFrom } = checkFlowJson(json);
    if (migratedFrom !== undefined) {
      io.out(`${file}: note: written as schemaVersion ${migratedFrom}, read as ${CURRENT_SCHEMA_VERSION} (migrated in memory; the file is unchanged)`);
    }
    for (const issue of issues) io.out(formatIssue(file, issue));
    const counts = countIssues(issues);
    errors += counts.errors;
    warnings += counts.warnings;
    if (counts.errors > 0) {
      filesWithErrors += 1;
      exit = worstExit(exit, EXIT.failed);
    }
  }
  const failedFiles = filesWithErrors === 0 ? '' : ` (${plural(filesWithErrors, 'file')} with errors)`;
  const notChecked = unreadable === 0 ? '' : `; ${unreadable} not checked (unreadable or not JSON)`;
  const checked = positionals.length - unreadable;
  io.out(`${plural(checked, 'file')} checked: ${formatCounts({ errors, warnings })}${failedFiles}${notChecked}`);
  return exit;
}

/**
 * Everything offline validation finds in a flow file. The draft reading lets validateFlow
 * report every node's config problems and the graph's at once; should the strict reading still
 * object to a flow validateFlow passes, its issues are reported too, so "no errors" here always
 * means the API would accept the file for publishing (subflow targets aside).
 */
export function checkFlowJson(json: unknown): { issues: ValidationIssue[]; migratedFrom?: number } {
  const draft = parseFlowDraft(json);
  if (!draft.ok) return { issues: draft.issues };
  const issues = validateFlow(draft.definition);
  if (isPublishable(issues)) {
    const strict = parseFlowDefinition(json);
    if (!strict.ok) issues.push(...strict.issues);
  }
  return { issues, ...(draft.migratedFrom === undefined ? {} : { migratedFrom: draft.migratedFrom }) };
}
