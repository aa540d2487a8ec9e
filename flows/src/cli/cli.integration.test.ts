import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { canonicalFlowJson } from '../compiler/canonicalFlowJson';
import { parseFlowDefinition } from '../schema/parseFlowDefinition';
import type { FlowDefinition } from '../types';

/*
 * The `flows` CLI as a person or a CI job runs it: a child process started through the same
 * launcher as `npm run flows`, talking over HTTP to the API of the shared test stack.
 */
const apiUrl = inject('apiUrl');
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const launcher = join(repoRoot, 'flows/bin/flows.mjs');
const libraryFile = join(repoRoot, 'flows/library/missed-call-text-back.json');
const dir = mkdtempSync(join(tmpdir(), 'flows-cli-it-'));
// The stack is shared by every integration file: flow ids of our own.
const suffix = Date.now().toString(36);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function flows(args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [launcher, ...args], {
      cwd: dir,
      env: { ...process.env, THREADLINE_API_URL: apiUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Missed calls to this number start nobody else's journeys in the shared stack. */
const CLI_ONLY_NUMBER = '+15550100199';

/**
 * The library flow under another id. The tests share one stack, and a published copy that
 * answered every missed call would start a second journey in the other suites' tests, so this
 * copy only answers calls to a number nobody else calls.
 */
function libraryDefinition(id: string): FlowDefinition {
  const parsed = parseFlowDefinition(JSON.parse(readFileSync(libraryFile, 'utf8')));
  if (!parsed.ok) throw new Error(`the library file does not parse: ${JSON.stringify(parsed.issues)}`);
  const nodes = parsed.definition.nodes.map((node) =>
    node.type === 'trigger.missedCall' ? { ...node, config: { ...node.config, numbers: [CLI_ONLY_NUMBER] } } : node,
  );
  return { ...parsed.definition, id, name: `CLI ${id}`, nodes };
}

function writeFlow(name: string, definition: FlowDefinition): string {
  const path = join(dir, name);
  writeFileSync(path, canonicalFlowJson(definition));
  return path;
}

describe('flows validate', () => {
  it('passes a library file with exit 0', async () => {
    const run = await flows(['validate', libraryFile]);
    expect(run).toMatchObject({ code: 0, stdout: '1 file checked: 0 errors, 0 warnings\n' });
  });

  it('fails a broken file with exit 1, one file:node:path code message line per problem', async () => {
    const broken = libraryDefinition('broken');
    broken.edges = broken.edges.filter((edge) => !(edge.from === 'wait_reply' && edge.output === 'timeout'));
    writeFlow('broken.json', broken);
    const run = await flows(['validate', 'broken.json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('broken.json:wait_reply:nodes[wait_reply].outputs.timeout output-not-connected ');
    // The end node only the cut edge led to is now unreachable: a warning, marked as one.
    expect(run.stdout).toContain('broken.json:end_unresponsive:nodes[end_unresponsive] unreachable-node warning: ');
    expect(run.stdout).toMatch(/\n1 file checked: 1 error, 1 warning \(1 file with errors\)\n$/);
  });
});

describe('flows push, pull and diff against the API', () => {
  const flowId = `cli-text-back-${suffix}`;
  const file = join(dir, `${flowId}.json`);

  it('pushes a new flow and publishes it', async () => {
    writeFlow(`${flowId}.json`, libraryDefinition(flowId));
    const run = await flows(['push', file, '--publish']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`created flow ${flowId} at ${apiUrl} (0 errors, 0 warnings)`);
    expect(run.stdout).toContain(`published ${flowId} version 1`);
  });

  it('pulls the published version back byte for byte as canonical JSON, to stdout or a file', async () => {
    const pulled = await flows(['pull', flowId]);
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toBe(readFileSync(file, 'utf8'));

    const out = join(dir, 'pulled.json');
    const toFile = await flows(['pull', flowId, '--version', '1', '--out', out]);
    expect(toFile.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  it('diffs equal with exit 0, then names the changed node with exit 1, ignoring a mere move', async () => {
    expect((await flows(['diff', file])).code).toBe(0);

    const edited = libraryDefinition(flowId);
    const send = edited.nodes.find((node) => node.id === 'text_back');
    if (send?.type !== 'send') throw new Error('text_back is not a send node');
    send.config.template = 'Sorry we missed you — how can we help?';
    edited.layout = { ...edited.layout, end_engaged: { x: 4242, y: 4242 } };
    writeFlow(`${flowId}.json`, edited);

    const run = await flows(['diff', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('~ node text_back "Text back" (send): config template');
    expect(run.stdout).not.toContain('end_engaged');
    expect(run.stdout).toContain(`1 difference from ${flowId} version 1`);

    const withLayout = await flows(['diff', file, '--layout']);
    expect(withLayout.stdout).toContain('~ layout: moved end_engaged');
  });

  it('saves an edited draft without publishing it, which pull --version draft returns', async () => {
    const run = await flows(['push', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`saved the draft of ${flowId}`);
    const draft = await flows(['pull', flowId, '--version', 'draft']);
    expect(draft.stdout).toBe(readFileSync(file, 'utf8'));
    // The published version did not move.
    expect((await flows(['diff', file])).code).toBe(1);
  });

  it('prints the API\'s refusal to publish as file:node:path code message lines, exit 1', async () => {
    const broken = libraryDefinition(flowId);
    broken.edges = broken.edges.filter((edge) => !(edge.from === 'text_back' && edge.output === 'sent'));
    writeFlow(`${flowId}.json`, broken);
    const run = await flows(['push', file, '--publish']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}: the API refused to publish (422 flow-invalid)`);
    expect(run.stdout).toContain(`${file}:text_back:nodes[text_back].outputs.sent output-not-connected `);
  });

  it('exits 2 when pulling a flow or version that does not exist', async () => {
    const missing = await flows(['pull', `no-such-flow-${suffix}`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`there is no flow "no-such-flow-${suffix}"`);
    const noVersion = await flows(['pull', flowId, '--version', '99']);
    expect(noVersion.code).toBe(2);
    expect(noVersion.stderr).toContain(`flow "${flowId}" has no version 99`);
  });
});

describe('flows import-studio', () => {
  it('imports a Studio sample into a flow that validates, pushes and publishes', async () => {
    const flowId = `studio-ivr-${suffix}`;
    const out = join(dir, `${flowId}.json`);
    const sample = join(repoRoot, 'flows/src/studio/samples/ivr-gather-split.json');
    const imported = await flows(['import-studio', sample, '--id', flowId, '--out', out]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^wrote .*\nMapped: \d+ widget\(s\)/);

    expect((await flows(['validate', out])).code).toBe(0);
    const pushed = await flows(['push', out, '--publish']);
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toContain(`published ${flowId} version 1`);
  });
});
