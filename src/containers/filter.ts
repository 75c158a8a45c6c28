import { ContainerError } from './errors.js';

// `--containers FILTER`: which containers runbus watches. The words are the
// Docker Engine's own list filters (GET /containers/json?filters=…), so
//   label=app=sandbox          {"label":["app=sandbox"]}
//   name=eval-                 {"name":["eval-"]}
//   label=app=sandbox,name=e   both must match (Docker ANDs different keys)
//   all                        every container
// Docker ORs repeated values of one key, as `docker ps --filter` does.

/** The list filters the Engine API accepts for containers (API 1.41). */
export const kContainerFilterKeys = [
  'ancestor', 'before', 'expose', 'exited', 'health', 'id', 'isolation', 'is-task',
  'label', 'name', 'network', 'publish', 'since', 'status', 'volume',
] as const;

/** A parsed filter: Docker's `filters` object; empty for `all`. */
export interface ContainerFilter {
  /** The text as given, for logs. */
  readonly text: string;
  /** key → values, exactly the JSON the Engine takes. */
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

function bad(text: string, why: string): ContainerError {
  return new ContainerError(
    'ERR_CONTAINERS_FILTER',
    `runbus containers: filter ${JSON.stringify(text)} is malformed: ${why} (expected "all" or key=value[,key=value…], e.g. label=app=sandbox or name=eval-)`,
  );
}

/** Parses `--containers FILTER`. Throws ContainerError ERR_CONTAINERS_FILTER naming the filter. */
export function parseContainerFilter(text: string): ContainerFilter {
  if (typeof text !== 'string') throw bad(String(text), 'not a string');
  const t = text.trim();
  if (t === '') throw bad(text, 'it is empty');
  if (t === 'all') return { text: t, filters: {} };
  const filters: Record<string, string[]> = {};
  for (const part of t.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw bad(text, `"${part}" has no "="`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!(kContainerFilterKeys as readonly string[]).includes(key)) {
      throw bad(text, `unknown key "${key}" (Docker's are ${kContainerFilterKeys.join(', ')})`);
    }
    if (value === '') throw bad(text, `"${key}" has an empty value`);
    (filters[key] ??= []).push(value);
  }
  return { text: t, filters };
}
