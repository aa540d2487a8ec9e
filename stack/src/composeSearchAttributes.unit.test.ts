import { readFile } from 'node:fs/promises';
import { journeySearchAttributes } from '@threadline/worker/contract';
import { describe, expect, it } from 'vitest';

const script = new URL('../../deploy/temporal/setup-namespace.sh', import.meta.url);

describe('the docker-compose namespace setup', () => {
  it('registers exactly the search attributes of the journey contract', async () => {
    const source = await readFile(script, 'utf8');
    const declared = /^SEARCH_ATTRIBUTES="([^"]*)"/m.exec(source)?.[1];
    expect(declared, 'SEARCH_ATTRIBUTES="…" in setup-namespace.sh').toBeDefined();
    const registered = Object.fromEntries((declared ?? '').split(/\s+/).map((pair) => pair.split('=')));
    expect(registered).toEqual(journeySearchAttributes);
  });
});
