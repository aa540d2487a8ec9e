import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validDefinitionArbitrary } from '../testSupport/flowArbitraries';
import { mutatedJsonArbitrary } from '../testSupport/mutatedJson';
import { checkDefinitionShape, hasValidatableShape, validatableShape } from './checkDefinitionShape';

describe('checkDefinitionShape', () => {
  it('vouches by hand only for definitions its zod schema accepts too', () => {
    const replacement = fc.oneof(fc.jsonValue(), fc.constantFrom(undefined, [], {}, [{}], { id: 'x' }, new Date(0)));
    fc.assert(
      fc.property(fc.oneof(mutatedJsonArbitrary(validDefinitionArbitrary(4), replacement), fc.anything()), (input) => {
        if (hasValidatableShape(input)) expect(validatableShape.safeParse(input).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('vouches by hand for well-formed definitions, so the common case skips zod', () => {
    fc.assert(
      fc.property(validDefinitionArbitrary(6), (definition) => {
        expect(hasValidatableShape(definition)).toBe(true);
        expect(checkDefinitionShape(definition)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('reports a broken node or edge through zod, naming where it is', () => {
    expect(checkDefinitionShape({ nodes: [{ id: 'a', type: 3 }], edges: [] })).toEqual([
      expect.objectContaining({ code: 'invalid-definition', path: expect.stringContaining('type') }),
    ]);
    expect(checkDefinitionShape({ nodes: [], edges: [{ from: 'a', output: 'next' }] })).toEqual([
      expect.objectContaining({ code: 'invalid-definition', path: expect.stringContaining('edges') }),
    ]);
  });
});
