import { createServer } from 'node:net';

/**
 * Linux hands out ephemeral ports (port 0 binds, outgoing connections, and the internal services
 * the Temporal dev server starts for itself) from 32768–60999. Choosing our servers' ports below
 * that range means a port we checked is not handed to someone else before our server binds it.
 */
const CHOSEN_RANGE = { first: 20_000, last: 32_767 } as const;
const RANDOM_TRIES = 50;

/**
 * A TCP port on 127.0.0.1 that nothing listens on right now. It is released before it is
 * returned, so another process could still take it: callers that start servers retry on a
 * clash (see `retryOnPortClash`).
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < RANDOM_TRIES; attempt += 1) {
    const port = CHOSEN_RANGE.first + Math.floor(Math.random() * (CHOSEN_RANGE.last - CHOSEN_RANGE.first + 1));
    if (await isPortFree(port)) return port;
  }
  return kernelAssignedPort();
}

function kernelAssignedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('freePort: the kernel returned no TCP address'));
        return;
      }
      const { port } = address;
      server.close((error) => (error ? reject(error) : resolve(port)));
    });
  });
}

/** True when nothing listens on 127.0.0.1:port, so a server we start there will not collide. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ host: '127.0.0.1', port }, () => {
      server.close(() => resolve(true));
    });
  });
}

/** True for the error a server start gives when its port was taken after we chose it. */
export function isPortClash(error: unknown): boolean {
  return error instanceof Error && /address already in use|EADDRINUSE/i.test(error.message);
}

/**
 * Starts a server on freshly chosen ports, choosing again when the start fails because a port
 * was taken in the moment between choosing and binding (parallel test suites start many servers).
 */
export async function retryOnPortClash<T>(start: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= attempts || !isPortClash(error)) throw error;
    }
  }
}
