import { inert, truncate } from './format.js';

// One status line on a terminal, redrawn in place: carriage return, clear
// the line, write. Anything else printed meanwhile calls clear() first so
// the two never mix on one line.

export class StatusLine {
  readonly #out: NodeJS.WriteStream;
  readonly #enabled: boolean;
  #shown = false;

  constructor(out: NodeJS.WriteStream, enabled: boolean) {
    this.#out = out;
    this.#enabled = enabled;
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  draw(text: string): void {
    if (!this.#enabled) return;
    const cols = Math.max(20, (this.#out.columns || 80) - 1);
    const line = truncate(inert(text), cols);
    this.#out.write(`\r\x1b[2K${line}`);
    this.#shown = true;
  }

  clear(): void {
    if (!this.#shown) return;
    this.#out.write('\r\x1b[2K');
    this.#shown = false;
  }
}
