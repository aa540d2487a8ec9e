import { parseArgs } from 'node:util';
import { canonicalFlowJson } from '../compiler/canonicalFlowJson';
import { FLOW_ID_PATTERN } from '../schema/identifiers';
import { formatStudioImportReport, importStudioFlow } from '../studio';
import { validateFlow } from '../validation/validateFlow';
import type { CliIo } from './cliIo';
import { positionals, usageError, usageErrors } from './commandArgs';
import { EXIT, type ExitCode } from './exitCodes';
import { countIssues, formatCounts, formatIssue } from './formatIssue';
import { HELP } from './helpTexts';
import { readJsonFile } from './readJsonFile';

/** `flows import-studio <studio-export.json> --id <flowId> [--name N] [--subflow SID=ID]... [--out file]`. */
export async function importStudioCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals: given } = usageErrors('import-studio', () =>
    parseArgs({
      args: [...args],
      options: {
        id: { type: 'string' },
        name: { type: 'string' },
        subflow: { type: 'string', multiple: true },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    io.out(HELP['import-studio']);
    return EXIT.ok;
  }
  const [input] = positionals('import-studio', given, ['studio-export.json']) as [string];
  const id = flowIdOption(values.id);
  const subflowIds = subflowOptions(values.subflow ?? []);

  const imported = importStudioFlow(await readJsonFile(io, input), {
    id,
    ...(values.name === undefined ? {} : { name: values.name }),
    ...(Object.keys(subflowIds).length === 0 ? {} : { subflowIds }),
  });
  if (!imported.ok) {
    for (const issue of imported.issues) io.err(formatIssue(input, issue));
    io.err(`${input}: not imported: it is not a Twilio Studio flow definition (an export's JSON or the REST API's Flow resource)`);
    return EXIT.trouble;
  }

  const json = canonicalFlowJson(imported.definition);
  // The JSON may be going to standard output, where the report would corrupt it.
  const log = values.out === undefined ? io.err : io.out;
  if (values.out === undefined) {
    io.out(json.replace(/\n$/, ''));
  } else {
    await io.writeText(values.out, json);
    log(`wrote ${values.out}`);
  }
  log(formatStudioImportReport(imported.report));

  const issues = validateFlow(imported.definition);
  const where = values.out ?? input;
  for (const issue of issues) log(formatIssue(where, issue));
  const counts = countIssues(issues);
  const verdict = counts.errors === 0 ? 'ready to push' : 'imported, but it needs work before it can be published';
  log(`${input}: ${verdict} (${formatCounts(counts)})`);
  return counts.errors === 0 ? EXIT.ok : EXIT.failed;
}

function flowIdOption(id: string | undefined): string {
  if (id === undefined) throw usageError('import-studio', 'missing --id <flowId>: the id the imported flow gets, e.g. --id main-ivr');
  if (!FLOW_ID_PATTERN.test(id)) {
    throw usageError('import-studio', `--id "${id}" is not a flow id; use 1-63 lower-case letters, digits or "-"`);
  }
  return id;
}

/** `--subflow FW0123=order-status` pairs, keyed by the Studio flow SID. */
function subflowOptions(pairs: readonly string[]): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^([^=\s]+)=([^=\s]+)$/.exec(pair);
    if (match === null) throw usageError('import-studio', `--subflow "${pair}" is not SID=flowId, e.g. --subflow FW0123=order-status`);
    const [, sid, flowId] = match as unknown as [string, string, string];
    if (!FLOW_ID_PATTERN.test(flowId)) throw usageError('import-studio', `--subflow "${pair}": "${flowId}" is not a flow id`);
    ids[sid] = flowId;
  }
  return ids;
}
