import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, isPortFree, retryOnPortClash } from './freePort';

describe('freePort', () => {
  it('returns a port that a server can then listen on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    expect(await isPortFree(port)).toBe(true);
  });

  it('reports a port with a listener as taken', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    try {
      expect(await isPortFree(address.port)).toBe(false);
    } finally {
      server.close();
    }
  });
});

describe('retryOnPortClash', () => {
  it('starts again when a port was taken between choosing and binding', async () => {
    const tried: number[] = [];
    const started = await retryOnPortClash(async () => {
      tried.push(tried.length + 1);
      if (tried.length < 3) throw new Error('listen tcp 127.0.0.1:33255: bind: address already in use');
      return 'serving';
    });
    expect(started).toBe('serving');
    expect(tried).toEqual([1, 2, 3]);
  });

  it('does not retry other failures, and gives up after the last attempt', async () => {
    let calls = 0;
    await expect(
      retryOnPortClash(async () => {
        calls += 1;
        throw new Error('temporal exited with code 1: unknown flag');
      }),
    ).rejects.toThrow('unknown flag');
    expect(calls).toBe(1);

    calls = 0;
    await expect(
      retryOnPortClash(async () => {
        calls += 1;
        throw new Error('EADDRINUSE');
      }, 2),
    ).rejects.toThrow('EADDRINUSE');
    expect(calls).toBe(2);
  });
});
