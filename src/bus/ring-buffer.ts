/*
 * A FIFO with a hard capacity, stored in a power-of-two array that grows by
 * doubling until it can hold `capacity` items, so an idle subscriber with a
 * large capacity costs little memory.
 *
 *        head                tail
 *          v                   v
 *   [ . . a b c d e f . . . . ]      length = 6, slots = 16, mask = 15
 *
 *   push:  slots[tail & mask] = x; tail++
 *   shift: x = slots[head & mask]; slots[...] = undefined; head++
 *
 * head and tail only grow; their difference is the length.
 */
export class RingBuffer<T> {
  readonly capacity: number;
  #slots: (T | undefined)[];
  #mask: number;
  #head = 0;
  #tail = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    const initial = Math.min(16, nextPow2(capacity));
    this.#slots = new Array<T | undefined>(initial);
    this.#mask = initial - 1;
  }

  get length(): number {
    return this.#tail - this.#head;
  }

  get full(): boolean {
    return this.#tail - this.#head >= this.capacity;
  }

  /** Appends; the caller checks `full` first. */
  push(item: T): void {
    if (this.#tail - this.#head > this.#mask) this.#grow();
    this.#slots[this.#tail & this.#mask] = item;
    this.#tail++;
  }

  /** Removes and returns the oldest item, or undefined when empty. */
  shift(): T | undefined {
    if (this.#head === this.#tail) return undefined;
    const i = this.#head & this.#mask;
    const item = this.#slots[i];
    this.#slots[i] = undefined;
    this.#head++;
    if (this.#head === this.#tail) {
      // Empty: rewind so the counters stay small.
      this.#head = 0;
      this.#tail = 0;
    }
    return item;
  }

  /** Empties the buffer and returns how many items it held. */
  clear(): number {
    const n = this.length;
    this.#slots.fill(undefined);
    this.#head = 0;
    this.#tail = 0;
    return n;
  }

  #grow(): void {
    const old = this.#slots;
    const n = old.length;
    const next = new Array<T | undefined>(n * 2);
    for (let i = 0; i < n; ++i) next[i] = old[(this.#head + i) & this.#mask];
    this.#slots = next;
    this.#mask = n * 2 - 1;
    this.#tail -= this.#head;
    this.#head = 0;
  }
}

function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
