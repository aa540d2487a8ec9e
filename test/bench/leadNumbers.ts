/**
 * Every lead is a new contact: distinct US numbers, `+1 415 2xx xxxx` upwards. An exchange
 * starting with 2 passes libphonenumber's validation (run.ts checks the first and last number
 * handed out through the same `normalizeAddress` the API uses). The store is fresh per run, so
 * numbers only need to be unique within one run.
 */
export class LeadNumbers {
  private next = 0;
  private static readonly FIRST = 2_000_000;
  private static readonly LAST = 9_999_999;

  take(count: number): string[] {
    if (LeadNumbers.FIRST + this.next + count > LeadNumbers.LAST) throw new Error('the benchmark ran out of lead numbers');
    const numbers = Array.from({ length: count }, (_, index) => `+1415${LeadNumbers.FIRST + this.next + index}`);
    this.next += count;
    return numbers;
  }
}
