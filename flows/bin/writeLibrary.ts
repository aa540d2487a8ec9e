/**
 * Rewrites library/*.json from the typed library modules, as canonical JSON.
 * Run after editing a library flow: `npm run write-library -w @threadline/flows`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { canonicalFlowJson } from '../src/compiler/canonicalFlowJson';
import { flowLibrary } from '../library';

for (const flow of flowLibrary) {
  const path = fileURLToPath(new URL(`../library/${flow.file}`, import.meta.url));
  writeFileSync(path, canonicalFlowJson(flow.definition));
  console.log(`wrote ${path}`);
}
