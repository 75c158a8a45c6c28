// DOM helpers. Rule: data from the server reaches the page as text
// (textContent, option text, uPlot's legend, which uses textContent) —
// never as markup; eslint forbids the HTML-parsing APIs in this folder.

export function el(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (e === null) throw new Error(`the page has no #${id}`);
  return e;
}

/** The element #id, checked to be of the given class. */
export function elOf<T extends HTMLElement>(id: string, type: new () => T): T {
  const e = el(id);
  if (!(e instanceof type)) throw new Error(`#${id} is not a ${type.name}`);
  return e;
}

export function make<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string | null, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (cls !== undefined) e.className = cls;
  return e;
}

export function setStatus(text: string, cls = ''): void {
  const s = el('status');
  s.textContent = text;
  s.className = `status ${cls}`;
}

/** Fills a <dl> with term/value pairs. */
export function kv(id: string, pairs: readonly (readonly [string, string])[]): void {
  const kids: HTMLElement[] = [];
  for (const [k, v] of pairs) kids.push(make('dt', k), make('dd', v));
  el(id).replaceChildren(...kids);
}

/** A table row of cells; a cell given as [text, class] gets that class ('num' right-aligns). */
export function row(cells: readonly (string | HTMLElement | readonly [string, string])[]): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const c of cells) {
    if (typeof c === 'string') tr.appendChild(make('td', c));
    else if (c instanceof HTMLElement) tr.appendChild(c);
    else tr.appendChild(make('td', c[0], c[1]));
  }
  return tr;
}

/** Replaces a table's body; one row saying `emptyText` when there are none. */
export function fillTable(id: string, rows: HTMLTableRowElement[], emptyText: string): void {
  const table = elOf(id, HTMLTableElement);
  const body = table.tBodies[0]!;
  if (rows.length === 0) {
    const td = make('td', emptyText);
    td.colSpan = table.tHead?.rows[0]?.cells.length ?? 1;
    const tr = document.createElement('tr');
    tr.appendChild(td);
    rows.push(tr);
  }
  body.replaceChildren(...rows);
}

export function show(id: string, on: boolean): void {
  el(id).classList.toggle('hidden', !on);
}
