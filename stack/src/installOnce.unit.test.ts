import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installOnce } from './installOnce';

let toolsDir: string;
beforeEach(async () => {
  toolsDir = await mkdtemp(join(tmpdir(), 'threadline-install-once-'));
});
afterEach(async () => {
  await rm(toolsDir, { recursive: true, force: true });
});

async function writeExecutable(path: string, body: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
}

describe('installOnce', () => {
  it('installs once when two callers ask at the same time', async () => {
    let installs = 0;
    const options = {
      toolsDir,
      dirName: 'tool-1.0',
      binPath: 'bin/tool',
      label: 'tool',
      log: () => undefined,
      install: async (staging: string) => {
        installs += 1;
        await new Promise((resolve) => setTimeout(resolve, 200));
        await writeExecutable(join(staging, 'bin', 'tool'), 'echo 1.0');
      },
      verify: async () => undefined,
    };
    const [first, second] = await Promise.all([installOnce(options), installOnce(options)]);
    expect(installs).toBe(1);
    expect(first).toBe(join(toolsDir, 'tool-1.0', 'bin', 'tool'));
    expect(second).toBe(first);
    expect(await readdir(toolsDir)).toEqual(['tool-1.0']);
  });

  it('leaves nothing that looks installed when the install fails', async () => {
    const failing = installOnce({
      toolsDir,
      dirName: 'tool-1.0',
      binPath: 'bin/tool',
      label: 'tool',
      log: () => undefined,
      install: async (staging) => writeExecutable(join(staging, 'bin', 'tool'), 'exit 1'),
      verify: async () => {
        throw new Error('tool does not run');
      },
    });
    await expect(failing).rejects.toThrow('tool does not run');
    expect(await readdir(toolsDir)).toEqual([]);
  });

  it('takes over the lock of an install whose process died', async () => {
    // A pid far above any pid_max: no such process exists.
    await writeFile(join(toolsDir, 'tool-1.0.lock'), '999999999');
    const lines: string[] = [];
    const binary = await installOnce({
      toolsDir,
      dirName: 'tool-1.0',
      binPath: 'bin/tool',
      label: 'tool',
      log: (line) => lines.push(line),
      install: async (staging) => writeExecutable(join(staging, 'bin', 'tool'), 'echo ok'),
      verify: async () => undefined,
    });
    expect(await readFile(binary, 'utf8')).toContain('echo ok');
    expect(lines.join('\n')).toContain('stale install lock');
  });
});
