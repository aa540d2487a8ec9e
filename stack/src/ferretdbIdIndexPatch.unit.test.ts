import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { patchFerretDBIdIndex } from './ferretdbIdIndexPatch';

const file = join('internal', 'backends', 'sqlite', 'metadata', 'metadata.go');
let dir = '';

async function sourceWith(content: string): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'ferret-patch-'));
  await mkdir(dirname(join(dir, file)), { recursive: true });
  await writeFile(join(dir, file), content);
  return dir;
}

afterEach(() => rm(dir, { recursive: true, force: true }));

describe('patchFerretDBIdIndex', () => {
  it('writes the _id lookup the way the _id index is written', async () => {
    const src = await sourceWith(`const (\n\tIDColumn = DefaultColumn + "->'$._id'"\n)\n`);
    await patchFerretDBIdIndex(src);
    expect(await readFile(join(src, file), 'utf8')).toBe('const (\n\tIDColumn = DefaultColumn + `->"_id"`\n)\n');
  });

  it('refuses a source it does not recognise instead of building it unpatched', async () => {
    const src = await sourceWith('const IDColumn = "something else"\n');
    await expect(patchFerretDBIdIndex(src)).rejects.toThrow(/review the _id index patch/);
  });
});
