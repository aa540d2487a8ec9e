import type { NodeConfigs } from '../types';

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const TWO_TO_THE_32 = 0x1_0000_0000;

/**
 * The branch an A/B split sends a journey down. The same seed (the journey's id and the node's)
 * always picks the same branch, so a replayed or re-run journey goes the same way; across many
 * seeds each branch gets its weight's share. The seed's FNV-1a hash is scaled onto the total
 * weight from its high end (rather than taken modulo), so no branch is favoured by the remainder.
 */
export function pickBranch(config: NodeConfigs['abSplit'], seed: string): string {
  const branches = config.branches.filter((branch) => branch.weight > 0);
  const last = branches[branches.length - 1];
  if (last === undefined) throw new Error('an A/B split needs at least one branch with a positive weight');
  const total = branches.reduce((sum, branch) => sum + branch.weight, 0);
  const point = Math.floor((fnv1a32(seed) / TWO_TO_THE_32) * total);
  let upTo = 0;
  for (const branch of branches) {
    upTo += branch.weight;
    if (point < upTo) return branch.output;
  }
  return last.output;
}

/** FNV-1a, 32-bit, over the seed's UTF-8 bytes (so the hash is the same in any language). */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of utf8Bytes(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

function* utf8Bytes(text: string): Generator<number> {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x80) {
      yield code;
    } else if (code < 0x800) {
      yield 0xc0 | (code >> 6);
      yield 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      yield 0xe0 | (code >> 12);
      yield 0x80 | ((code >> 6) & 0x3f);
      yield 0x80 | (code & 0x3f);
    } else {
      yield 0xf0 | (code >> 18);
      yield 0x80 | ((code >> 12) & 0x3f);
      yield 0x80 | ((code >> 6) & 0x3f);
      yield 0x80 | (code & 0x3f);
    }
  }
}
