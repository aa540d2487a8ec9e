import { NODE_ID_PATTERN } from '../schema/identifiers';

/*
 * Studio widget names, variable keys, condition names and events become Threadline ids and
 * names. Most are valid already; the rest are made valid the same way everywhere, so a
 * reference rewritten in a template and the node or variable it points at always agree.
 */

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OUTPUT_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** A node id (letters, digits, "_" and "-", starting with a letter, at most 64) for a name. */
export function nodeIdOf(name: string): string {
  if (NODE_ID_PATTERN.test(name)) return name;
  return identifierOf(name, /[^A-Za-z0-9_-]+/g, 'w', 64);
}

/** A variable name (`vars.<name>`: letters, digits and "_", not starting with a digit). */
export function variableNameOf(key: string): string {
  if (VARIABLE_NAME.test(key)) return key;
  const cleaned = key.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (cleaned === '') return 'var';
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** An output name (as node ids, at most 64), e.g. a split condition's friendly name. */
export function outputNameOf(name: string, fallback: string): string {
  if (OUTPUT_NAME.test(name)) return name;
  return identifierOf(name, /[^A-Za-z0-9_-]+/g, fallback, 64);
}

function identifierOf(name: string, invalid: RegExp, prefix: string, maxLength: number): string {
  const cleaned = name.replace(invalid, '_').replace(/^[_-]+|[_-]+$/g, '');
  const started = /^[A-Za-z]/.test(cleaned) ? cleaned : `${prefix}_${cleaned}`.replace(/_$/, '');
  return started.slice(0, maxLength);
}

/**
 * Hands out names unique within one scope (node ids of a flow, outputs of a node): the wanted
 * name when free, else the name with "_2", "_3", … kept within `maxLength`.
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(
    private readonly maxLength = 64,
    reserved: readonly string[] = [],
  ) {
    for (const name of reserved) this.taken.add(name);
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }

  claim(wanted: string): string {
    let candidate = wanted.slice(0, this.maxLength);
    for (let counter = 2; this.taken.has(candidate); counter += 1) {
      const suffix = `_${counter}`;
      candidate = `${wanted.slice(0, this.maxLength - suffix.length)}${suffix}`;
    }
    this.taken.add(candidate);
    return candidate;
  }
}
