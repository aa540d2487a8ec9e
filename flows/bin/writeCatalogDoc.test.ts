import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogMarkdown } from '../src/catalog/catalogMarkdown';

describe('CATALOG.md', () => {
  it('is what the catalog generates today (run `npm run write-catalog-doc -w @threadline/flows` after a change)', () => {
    const onDisk = readFileSync(new URL('../CATALOG.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(catalogMarkdown());
  });
});
