import { parseArgs } from 'node:util';
import { parseFlowDraft } from '../schema/parseFlowDefinition';
import { CliError } from './cliError';
import type { CliIo } from './cliIo';
import { apiUrlOf, positionals, usageErrors, versionOf } from './commandArgs';
import { diffDefinitions, isSameDefinition } from './diffDefinitions';
import { EXIT, type ExitCode } from './exitCodes';
import { FlowsApiClient } from './flowsApiClient';
import { differenceCount, formatDefinitionDiff } from './formatDefinitionDiff';
import { formatIssue, plural } from './formatIssue';
import { HELP } from './helpTexts';
import { readJsonFile } from './readJsonFile';
import { remoteDefinition } from './remoteDefinition';

/** `flows diff <file.json> [--version N|latest] [--layout] [--api URL]`. */
export async function diffCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals: given } = usageErrors('diff', () =>
    parseArgs({
      args: [...args],
      options: {
        version: { type: 'string' },
        layout: { type: 'boolean' },
        api: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    io.out(HELP.diff);
    return EXIT.ok;
  }
  const [file] = positionals('diff', given, ['file.json']) as [string];
  const wanted = versionOf('diff', values.version, ['latest'], 'latest');
  const client = new FlowsApiClient(apiUrlOf('diff', values.api, io.env));

  const local = parseFlowDraft(await readJsonFile(io, file));
  if (!local.ok) {
    for (const issue of local.issues) io.err(formatIssue(file, issue));
    throw new CliError(`${file}: not a flow definition, so there is nothing to compare; \`flows validate ${file}\` says what to fix`);
  }
  const flowId = local.definition.id;
  const remote = await remoteDefinition(client, flowId, wanted);
  const diff = diffDefinitions(remote.definition, local.definition, { layout: values.layout === true });
  const against = `${flowId} version ${remote.version}`;
  if (isSameDefinition(diff)) {
    io.out(`${file}: same as ${against}${values.layout === true ? '' : ' (canvas layout not compared; --layout to compare it)'}`);
    return EXIT.ok;
  }
  for (const line of formatDefinitionDiff(diff)) io.out(line);
  io.out(`${file}: ${plural(differenceCount(diff), 'difference')} from ${against}`);
  return EXIT.failed;
}
