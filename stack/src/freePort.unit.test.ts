import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, isPortFree } from './freePort';

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
