import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { flowLibrary } from '../../library';
import { canonicalFlowJson } from '../compiler/canonicalFlowJson';
import { parseFlowDefinition } from '../schema/parseFlowDefinition';
import { runCli } from './runCli';
import { recordingCliIo } from './testCliIo';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const libraryFile = here('../../library/missed-call-text-back.json');
const studioSamples = here('../studio/samples');
const dir = mkdtempSync(join(tmpdir(), 'flows-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeJson(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}

const missedCall = flowLibrary.find((flow) => flow.id === 'missed-call-text-back')!.definition;

describe('flows validate', () => {
  it('passes a library flow with exit 0 and a summary', async () => {
    const io = recordingCliIo();
    expect(await runCli(['validate', libraryFile], io)).toBe(0);
    expect(io.stdout).toEqual(['1 file checked: 0 errors, 0 warnings']);
  });

  it('prints each problem of a broken flow as file:node:path code message and exits 1', async () => {
    const broken = structuredClone(missedCall);
    broken.edges = broken.edges.filter((edge) => !(edge.from === 'text_back' && edge.output === 'sent'));
    const file = writeJson('broken.json', broken);
    const io = recordingCliIo();
    expect(await runCli(['validate', file, libraryFile], io)).toBe(1);
    const line = io.stdout.find((candidate) => candidate.startsWith(`${file}:text_back:nodes[text_back].outputs.sent output-not-connected `));
    expect(line).toBeDefined();
    expect(io.stdout.at(-1)).toMatch(/^2 files checked: [1-9]\d* errors?, \d+ warnings? \(1 file with errors\)$/);
  });

  it('says when it migrated an older schemaVersion, and still validates the flow', async () => {
    const v1 = structuredClone(missedCall) as unknown as Record<string, unknown>;
    v1.schemaVersion = 1;
    const file = writeJson('v1.json', v1);
    const io = recordingCliIo();
    expect(await runCli(['validate', file], io)).toBe(0);
    expect(io.stdout[0]).toBe(`${file}: note: written as schemaVersion 1, read as 2 (migrated in memory; the file is unchanged)`);
  });

  it('reports a schemaVersion from the future as an issue, not a crash', async () => {
    const file = writeJson('future.json', { ...missedCall, schemaVersion: 99 });
    const io = recordingCliIo();
    expect(await runCli(['validate', file], io)).toBe(1);
    expect(io.stdout[0]).toMatch(new RegExp(`^${escape(file)}:-:schemaVersion unsupported-schema-version `));
  });

  it('exits 2 on an unreadable or non-JSON file, naming it, after checking the others', async () => {
    const notJson = writeJson('not-json.json', '{ "id": ');
    const missing = join(dir, 'missing.json');
    const io = recordingCliIo();
    expect(await runCli(['validate', notJson, missing, libraryFile], io)).toBe(2);
    expect(io.stderr[0]).toMatch(new RegExp(`^${escape(notJson)}: not JSON: `));
    expect(io.stderr[1]).toMatch(new RegExp(`^${escape(missing)}: cannot read the file: ENOENT`));
    expect(io.stdout.at(-1)).toBe('1 file checked: 0 errors, 0 warnings; 2 not checked (unreadable or not JSON)');
  });

  it('exits 2 on usage errors and points at the help', async () => {
    for (const argv of [['validate'], ['validate', '--strict-mode', libraryFile], ['frobnicate']]) {
      const io = recordingCliIo();
      expect(await runCli(argv, io)).toBe(2);
      expect(io.stderr.join('\n')).toMatch(/--help/);
    }
    expect(await runCli([], recordingCliIo())).toBe(2);
  });
});

describe('flows --help', () => {
  it('prints the overview and each command\'s usage with exit 0', async () => {
    const io = recordingCliIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('import-studio');
    for (const command of ['validate', 'push', 'pull', 'diff', 'import-studio']) {
      const commandIo = recordingCliIo();
      expect(await runCli([command, '--help'], commandIo)).toBe(0);
      expect(commandIo.stdout[0]).toMatch(new RegExp(`^Usage: flows ${command} `));
    }
  });
});

describe('flows import-studio', () => {
  it('writes canonical JSON to standard output and the report and validation to standard error', async () => {
    const io = recordingCliIo();
    const exit = await runCli(['import-studio', join(studioSamples, 'ivr-gather-split.json'), '--id', 'main-ivr'], io);
    const json = `${io.stdout.join('\n')}\n`;
    const parsed = parseFlowDefinition(JSON.parse(json));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.definition.id).toBe('main-ivr');
    expect(json).toBe(canonicalFlowJson(parsed.definition));
    expect(io.stderr[0]).toMatch(/^Mapped: \d+ widget\(s\)/);
    expect(exit).toBe(0);
    expect(io.stderr.at(-1)).toMatch(/ready to push \(0 errors/);
  });

  it('exits 1 when the import holds placeholders to replace, writing the file and naming the node', async () => {
    const out = join(dir, 'payments.json');
    const io = recordingCliIo();
    expect(await runCli(['import-studio', join(studioSamples, 'capture-payments.json'), '--id', 'payments', '--out', out], io)).toBe(1);
    expect(io.stdout[0]).toBe(`wrote ${out}`);
    expect(io.stdout.join('\n')).toMatch(/Unmapped \(placeholder nodes/);
    expect(io.stdout.some((line) => line.startsWith(`${out}:`) && line.includes(' placeholder-node '))).toBe(true);
    expect(parseFlowDefinition(JSON.parse(readFileSync(out, 'utf8'))).ok).toBe(true);
  });

  it('exits 2 when the input is not a Studio flow, or the id is missing or malformed', async () => {
    const notStudio = recordingCliIo();
    expect(await runCli(['import-studio', libraryFile, '--id', 'x'], notStudio)).toBe(2);
    expect(notStudio.stderr.at(-1)).toContain('not imported: it is not a Twilio Studio flow definition');
    expect(notStudio.stdout).toEqual([]);

    const sample = join(studioSamples, 'ivr-gather-split.json');
    const noId = recordingCliIo();
    expect(await runCli(['import-studio', sample], noId)).toBe(2);
    expect(noId.stderr[0]).toContain('missing --id <flowId>');
    const badId = recordingCliIo();
    expect(await runCli(['import-studio', sample, '--id', 'Main IVR'], badId)).toBe(2);
    expect(badId.stderr[0]).toContain('--id "Main IVR" is not a flow id');
    const badSubflow = recordingCliIo();
    expect(await runCli(['import-studio', sample, '--id', 'x', '--subflow', 'FW1'], badSubflow)).toBe(2);
    expect(badSubflow.stderr[0]).toContain('--subflow "FW1" is not SID=flowId');
  });
});

describe('commands that talk to the API', () => {
  // Port 9 (discard) on the loopback: nothing listens there, so the connection is refused.
  const nowhere = 'http://127.0.0.1:9';

  it('exit 2 naming the address when the API cannot be reached', async () => {
    for (const argv of [
      ['push', libraryFile, '--api', nowhere],
      ['pull', 'missed-call-text-back', '--api', nowhere],
      ['diff', libraryFile],
    ]) {
      const io = recordingCliIo({ THREADLINE_API_URL: nowhere });
      expect(await runCli(argv, io)).toBe(2);
      expect(io.stderr.join('\n')).toContain(`cannot reach the Threadline API at ${nowhere}`);
    }
  });

  it('refuse to push a file that is not a flow definition before calling the API, with exit 1', async () => {
    const file = writeJson('no-nodes.json', { schemaVersion: 2, id: 'x', name: 'X', nodes: 'many', edges: [], layout: {} });
    const io = recordingCliIo({ THREADLINE_API_URL: nowhere });
    expect(await runCli(['push', file], io)).toBe(1);
    expect(io.stdout[0]).toMatch(new RegExp(`^${escape(file)}:-:nodes invalid-definition `));
    expect(io.stdout.at(-1)).toContain('not pushed');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
