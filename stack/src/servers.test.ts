import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeySearchAttributes } from '@threadline/worker/contract';
import { startFerretDB, type FerretDB } from './ferretdb';
import { freePort } from './freePort';
import { runCommand } from './runCommand';
import { startTemporalDevServer, type TemporalDevServer } from './temporalDevServer';
import { ensureTools, type ToolPaths } from './tools';

// Real servers, real binaries (installed once into the tools dir if missing), throwaway data.
let tools: ToolPaths;
let dataRoot: string;

beforeAll(async () => {
  tools = await ensureTools();
  dataRoot = await mkdtemp(join(tmpdir(), 'threadline-stack-test-'));
}, 15 * 60_000);

afterAll(async () => {
  if (dataRoot) await rm(dataRoot, { recursive: true, force: true });
});

function temporalCli(...args: string[]): Promise<{ stdout: string }> {
  return runCommand(tools.temporal, args);
}

describe('the Temporal dev server', () => {
  let server: TemporalDevServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('registers the journey search attributes and keeps workflows across a restart on the same data dir', async () => {
    const dataDir = join(dataRoot, 'temporal');
    const start = async (): Promise<TemporalDevServer> =>
      startTemporalDevServer({
        binary: tools.temporal,
        dataDir,
        port: await freePort(),
        headless: true,
        searchAttributes: journeySearchAttributes,
      });

    server = await start();
    const { stdout: attributes } = await temporalCli('operator', 'search-attribute', 'list', '--address', server.address);
    for (const name of Object.keys(journeySearchAttributes)) expect(attributes).toContain(name);

    // No worker polls this queue, so the workflow simply stays open in the store.
    await temporalCli(
      'workflow', 'start', '--address', server.address, '--type', 'persistenceProbe',
      '--task-queue', 'stack-test', '--workflow-id', 'journey:probe:c_restart',
      '--search-attribute', 'ContactId="c_restart"',
    );
    await server.stop();

    server = await start();
    const { stdout: described } = await temporalCli(
      'workflow', 'describe', '--address', server.address, '--workflow-id', 'journey:probe:c_restart', '--output', 'json',
    );
    expect(described).toContain('persistenceProbe');
    expect(described).toContain('c_restart');
  }, 60_000);
});

describe('FerretDB', () => {
  let db: FerretDB | undefined;
  afterAll(async () => {
    await mongoose.disconnect();
    await db?.stop();
  });

  it('speaks the MongoDB protocol to mongoose and keeps documents across a restart', async () => {
    const dataDir = join(dataRoot, 'ferretdb');
    const start = async (): Promise<FerretDB> => startFerretDB({ binary: tools.ferretdb, dataDir, port: await freePort() });

    db = await start();
    const first = await mongoose.createConnection(db.uri).asPromise();
    await first.collection('probes').insertOne({ _id: 'phone:+14155550100' as never, contactId: 'c_1' });
    await first.close();
    await db.stop();

    db = await start();
    const second = await mongoose.createConnection(db.uri).asPromise();
    const found = await second.collection('probes').findOne({ _id: 'phone:+14155550100' as never });
    await second.close();
    expect(found?.contactId).toBe('c_1');
  }, 60_000);
});
