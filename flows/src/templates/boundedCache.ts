/**
 * A map that keeps at most `capacity` entries, dropping the least recently used: the parse and
 * analysis caches of a long-lived worker or API stay flat however many flows pass through.
 * With `maxKeyLength`, it also keeps the total length of its keys (the templates) under that,
 * so a few huge templates cannot hold a cache sized for ordinary ones far past its memory.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  private keyLength = 0;

  constructor(
    private readonly capacity: number,
    private readonly maxKeyLength = Number.POSITIVE_INFINITY,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Re-inserting moves it to the end of the Map's order: the most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (key.length > this.maxKeyLength) return;
    if (this.entries.delete(key)) this.keyLength -= key.length;
    this.entries.set(key, value);
    this.keyLength += key.length;
    while (this.entries.size > this.capacity || this.keyLength > this.maxKeyLength) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
      this.keyLength -= oldest.value.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
