// Shared option checking: every options object goes through checkKeys, so a
// misspelled key is an error that names it (and the likely intended key).

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; ++i) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; ++j) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/** The closest allowed key, if it is close enough to be a likely typo. */
export function suggest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of allowed) {
    const d = distance(key, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** Throws TypeError naming any key of `obj` not in `allowed`. */
export function checkKeys(obj: object, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      const s = suggest(key, allowed);
      throw new TypeError(`${where}: unknown option "${key}"${s === undefined ? '' : ` (did you mean "${s}"?)`}`);
    }
  }
}

export function checkObject(v: unknown, name: string): asserts v is object | undefined {
  if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))) {
    throw new TypeError(`${name} must be an object`);
  }
}

export function checkInt(v: unknown, name: string, min: number, max: number = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new TypeError(`${name} must be an integer (got ${describe(v)})`);
  }
  if (v < min || v > max) {
    throw new RangeError(`${name} must be from ${min} to ${max} (got ${v})`);
  }
  return v;
}

export function checkOneOf<T extends string>(v: unknown, name: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new TypeError(`${name} must be one of ${allowed.map((a) => `"${a}"`).join(', ')} (got ${describe(v)})`);
  }
  return v as T;
}

export function checkString(v: unknown, name: string): string {
  if (typeof v !== 'string') throw new TypeError(`${name} must be a string (got ${describe(v)})`);
  return v;
}

export function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? 'an array' : 'an object';
}
