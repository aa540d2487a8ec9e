import { parseArgs } from 'node:util';
import { parseFlowDraft } from '../schema/parseFlowDefinition';
import type { CliIo } from './cliIo';
import { apiUrlOf, positionals, usageErrors } from './commandArgs';
import { EXIT, type ExitCode } from './exitCodes';
import { ApiRefusal, FlowsApiClient } from './flowsApiClient';
import { countIssues, formatCounts, formatIssue } from './formatIssue';
import { HELP } from './helpTexts';
import { printRefusal } from './printRefusal';
import { readJsonFile } from './readJsonFile';

/** `flows push <file.json> [--publish] [--api URL]`. */
export async function pushCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals: given } = usageErrors('push', () =>
    parseArgs({
      args: [...args],
      options: {
        publish: { type: 'boolean' },
        api: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    io.out(HELP.push);
    return EXIT.ok;
  }
  const [file] = positionals('push', given, ['file.json']) as [string];
  const client = new FlowsApiClient(apiUrlOf('push', values.api, io.env));

  // The file must at least be a definition to say which flow it is; the API judges the rest.
  const parsed = parseFlowDraft(await readJsonFile(io, file));
  if (!parsed.ok) {
    for (const issue of parsed.issues) io.out(formatIssue(file, issue));
    io.out(`${file}: not pushed: it is not a flow definition; \`flows validate ${file}\` says what to fix`);
    return EXIT.failed;
  }
  const { definition } = parsed;

  let action = 'save the draft';
  try {
    const existing = await client.findFlow(definition.id);
    action = existing === undefined ? 'create the flow' : 'save the draft';
    const issues = existing === undefined ? await client.createFlow(definition) : await client.saveDraft(definition.id, definition);
    for (const issue of issues) io.out(formatIssue(file, issue));
    const verb = existing === undefined ? 'created flow' : 'saved the draft of';
    io.out(`${file}: ${verb} ${definition.id} at ${client.baseUrl} (${formatCounts(countIssues(issues))})`);

    if (values.publish === true) {
      action = 'publish';
      const version = await client.publish(definition.id);
      io.out(`${file}: published ${definition.id} version ${version}`);
    }
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ApiRefusal)) throw error;
    printRefusal(io, file, action, error);
    return EXIT.failed;
  }
}
