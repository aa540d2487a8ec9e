import fc from 'fast-check';

type Path = ReadonlyArray<string | number>;

const REMOVE = Symbol('remove');

/**
 * A JSON copy of a value from `base` with one part, at any depth, replaced by a value of
 * `replacement` or removed: mostly-valid input is what reaches the deep corners of a parser.
 */
export function mutatedJsonArbitrary(base: fc.Arbitrary<unknown>, replacement: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return base.chain((value) => {
    const json: unknown = JSON.parse(JSON.stringify(value));
    const paths = pathsOf(json, []);
    return fc
      .tuple(fc.constantFrom(...paths), fc.oneof(replacement, fc.constant(REMOVE)))
      .map(([path, part]) => replaceAt(structuredClone(json), path, part));
  });
}

function pathsOf(value: unknown, path: Path): Path[] {
  if (typeof value !== 'object' || value === null) return [path];
  const children = Array.isArray(value)
    ? value.flatMap((item: unknown, index) => pathsOf(item, [...path, index]))
    : Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]));
  return [path, ...children];
}

function replaceAt(root: unknown, path: Path, part: unknown): unknown {
  if (path.length === 0) return part === REMOVE ? undefined : part;
  const parent = path.slice(0, -1).reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], root);
  const key = path[path.length - 1];
  if (typeof parent !== 'object' || parent === null || key === undefined) return root;
  if (part !== REMOVE) (parent as Record<string | number, unknown>)[key] = part;
  else if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else delete (parent as Record<string | number, unknown>)[key];
  return root;
}
