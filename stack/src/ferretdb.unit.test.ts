import { describe, expect, it } from 'vitest';
import { ferretdbArgs } from './ferretdb';

describe('the ferretdb command', () => {
  it('uses the SQLite backend in the data dir, disables telemetry and the shared debug port', () => {
    const args = ferretdbArgs({ binary: 'ferretdb', dataDir: '/data/f', port: 27018 });
    expect(args).toEqual([
      '--handler=sqlite',
      '--sqlite-url=file:/data/f/',
      '--listen-addr=127.0.0.1:27018',
      '--state-dir=/data/f',
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=error',
    ]);
  });
});
