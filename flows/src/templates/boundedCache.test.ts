import { describe, expect, it } from 'vitest';
import { BoundedCache } from './boundedCache';

describe('BoundedCache', () => {
  it('keeps at most its capacity, dropping the least recently used entry', () => {
    const cache = new BoundedCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.size]).toEqual([1, 3, 2]);
  });
});

describe('BoundedCache with a bound on its keys\' total length', () => {
  it('drops the least recently used entries until the keys fit, and never keeps a key longer than the bound', () => {
    const cache = new BoundedCache<number>(100, 10);
    cache.set('aaaa', 1);
    cache.set('bbbb', 2);
    expect(cache.get('aaaa')).toBe(1);
    cache.set('cccc', 3);
    expect([cache.get('bbbb'), cache.get('aaaa'), cache.get('cccc'), cache.size]).toEqual([undefined, 1, 3, 2]);
    cache.set('x'.repeat(11), 4);
    expect([cache.get('x'.repeat(11)), cache.size]).toEqual([undefined, 2]);
  });

  it('counts a key set twice once', () => {
    const cache = new BoundedCache<number>(100, 8);
    cache.set('aaaa', 1);
    cache.set('aaaa', 2);
    cache.set('bbbb', 3);
    expect([cache.get('aaaa'), cache.get('bbbb'), cache.size]).toEqual([2, 3, 2]);
  });
});
