import { parseArgs } from 'node:util';
import { canonicalFlowJson } from '../compiler/canonicalFlowJson';
import type { CliIo } from './cliIo';
import { apiUrlOf, positionals, usageErrors, versionOf } from './commandArgs';
import { EXIT, type ExitCode } from './exitCodes';
import { FlowsApiClient } from './flowsApiClient';
import { HELP } from './helpTexts';
import { remoteDefinition } from './remoteDefinition';

/** `flows pull <flowId> [--version N|latest|draft] [--out file] [--api URL]`. */
export async function pullCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals: given } = usageErrors('pull', () =>
    parseArgs({
      args: [...args],
      options: {
        version: { type: 'string' },
        out: { type: 'string' },
        api: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    io.out(HELP.pull);
    return EXIT.ok;
  }
  const [flowId] = positionals('pull', given, ['flowId']) as [string];
  const wanted = versionOf('pull', values.version, ['latest', 'draft'], 'latest');
  const client = new FlowsApiClient(apiUrlOf('pull', values.api, io.env));

  const { definition, version } = await remoteDefinition(client, flowId, wanted);
  const json = canonicalFlowJson(definition);
  if (values.out === undefined) {
    // io.out ends the text with a newline, as canonical JSON already does.
    io.out(json.replace(/\n$/, ''));
  } else {
    await io.writeText(values.out, json);
    io.out(`wrote ${values.out} (${flowId} ${version === 'draft' ? 'draft' : `version ${version}`})`);
  }
  return EXIT.ok;
}
