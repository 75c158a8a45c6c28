import { inert, truncate } from './format.js';

// One status line on the terminal's bottom row, apart from the command's
// output, the way apt shows its progress bar:
//
//   row 1 ┐
//     …   │ scroll region: the command's output (and runbus's own messages)
//   rows-1┘ scroll here and never touch the last row
//   rows    runbus 2.02s │ cpu 0.0% │ … ← redrawn in place (save cursor,
//           go to the last row, clear it, write, restore cursor)
//
// close() gives the row back: scroll region reset, the line cleared. It runs
// at the end of the run and, through process 'exit', after a crash or an
// exit() from a signal handler, so the terminal is never left shrunk.
// A resize (SIGWINCH, the stream's 'resize') sets the region anew.

const ESC = '\x1b';
const kSave = `${ESC}7`;
const kRestore = `${ESC}8`;

export class StatusLine {
  readonly #out: NodeJS.WriteStream;
  readonly #enabled: boolean;
  /** Terminal rows when the region was set; 0 while no region is set. */
  #rows = 0;
  #last = '';
  readonly #onExit = (): void => {
    this.close();
  };
  readonly #onResize = (): void => {
    if (this.#rows === 0) return;
    this.#setRegion();
    if (this.#last !== '') this.draw(this.#last);
  };

  constructor(out: NodeJS.WriteStream, enabled: boolean) {
    this.#out = out;
    this.#enabled = enabled;
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  draw(text: string): void {
    if (!this.#enabled) return;
    this.#last = text;
    if (this.#rows === 0) this.#open();
    const cols = Math.max(20, (this.#out.columns || 80) - 1);
    // Names from outside can be in the text: made inert before it is cut.
    const line = truncate(inert(text), cols);
    // One write: nothing the command prints can land between the moves.
    this.#out.write(`${kSave}${ESC}[${this.#rows};1H${ESC}[2K${line}${kRestore}`);
  }

  /** Resets the scroll region and clears the bottom row. Idempotent. */
  close(): void {
    if (this.#rows === 0) return;
    const rows = this.#rows;
    this.#rows = 0;
    process.off('exit', this.#onExit);
    this.#out.off('resize', this.#onResize);
    // Whole screen scrolls again; the status row is wiped, cursor kept.
    this.#out.write(`${kSave}${ESC}[r${kRestore}${kSave}${ESC}[${rows};1H${ESC}[2K${kRestore}`);
  }

  #open(): void {
    // A newline first: if the cursor sits on the last row, the region would
    // shrink over it; scrolling once keeps the line above intact.
    this.#out.write('\n');
    this.#setRegion();
    this.#out.write(`${ESC}[1A`);
    process.on('exit', this.#onExit);
    this.#out.on('resize', this.#onResize);
  }

  #setRegion(): void {
    const rows = Math.max(2, this.#out.rows || 24);
    this.#rows = rows;
    // Setting the region homes the cursor: save and restore around it.
    this.#out.write(`${kSave}${ESC}[1;${rows - 1}r${kRestore}`);
  }
}
