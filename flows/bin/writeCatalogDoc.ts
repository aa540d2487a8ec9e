/**
 * Rewrites CATALOG.md from the node catalog: `npm run write-catalog-doc -w @threadline/flows`.
 * A test fails while the file on disk differs from what this would write.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogMarkdown } from '../src/catalog/catalogMarkdown';

const path = fileURLToPath(new URL('../CATALOG.md', import.meta.url));
writeFileSync(path, catalogMarkdown());
console.log(`wrote ${path}`);
