/**
 * The `flows` CLI (flows as code): `npm run flows -- <command> …` from the repo root, or the
 * `threadline-flows` bin of @threadline/flows. The commands live in src/cli.
 */
import { processCliIo } from '../src/cli/cliIo';
import { runCli } from '../src/cli/runCli';

process.exitCode = await runCli(process.argv.slice(2), processCliIo());
