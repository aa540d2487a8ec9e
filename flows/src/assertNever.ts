/** Ends an exhaustive switch: a new union member fails the typecheck wherever it is not handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
