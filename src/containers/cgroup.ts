import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';

// Container figures from the cgroup files, the way cAdvisor and Netdata read
// them: the container's init pid names its cgroups (/proc/<pid>/cgroup), the
// mount table (/proc/self/mountinfo) says where each hierarchy is mounted,
// and each figure is one small file read through a descriptor kept open
// (CgroupFiles): cpu, memory usage and pids every tick, the limit,
// memory.stat and block I/O one tick in ten (CgroupSlowFiles).
//
//   /proc/<pid>/cgroup          4:memory:/docker/<id>        (v1, one line per hierarchy)
//                               0::/system.slice/docker-<id>.scope   (v2)
//   /proc/self/mountinfo        … <root> /sys/fs/cgroup/memory … - cgroup cgroup rw,memory
//   → /sys/fs/cgroup/memory/docker/<id>/memory.usage_in_bytes
//
// Works per controller, so a hybrid host (v1 controllers beside an empty v2
// tree) reads v1 and a pure v2 host reads v2. Everything here is plain
// synchronous functions: they run in the sampler worker, not on the hub's
// main thread.

export type CgroupVersion = 1 | 2;

/** Directories holding one container's figures. */
export interface CgroupPaths {
  /** 1 when any v1 controller is used, else 2. */
  version: CgroupVersion;
  cpu: { dir: string; version: CgroupVersion } | null;
  memory: { dir: string; version: CgroupVersion } | null;
  pids: { dir: string; version: CgroupVersion } | null;
  io: { dir: string; version: CgroupVersion; blkioFile?: string } | null;
}

/** One reading; a figure that could not be read is absent (never 0) and named in `errors`. */
export interface CgroupReading {
  /** Cumulative cpu time, ns. */
  cpuNs?: number;
  /** Memory in use as `docker stats` counts it: usage minus inactive file cache. */
  memBytes?: number;
  /** The limit; the host's memory when the cgroup has none (as `docker stats`). */
  memLimitBytes?: number;
  pids?: number;
  ioReadBytes?: number;
  ioWriteBytes?: number;
  errors: { figure: string; reason: string }[];
}

interface Mount {
  root: string;
  point: string;
  version: CgroupVersion;
  controllers: string[];
}

/** Unescapes mountinfo's octal escapes (\040 for a space). */
function unoctal(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
}

/** The cgroup mounts in a mountinfo text. Exported for tests. */
export function parseCgroupMounts(mountinfo: string): Mount[] {
  const out: Mount[] = [];
  for (const line of mountinfo.split('\n')) {
    const dash = line.indexOf(' - ');
    if (dash < 0) continue;
    const left = line.slice(0, dash).split(' ');
    const right = line.slice(dash + 3).split(' ');
    const fstype = right[0];
    if (fstype !== 'cgroup' && fstype !== 'cgroup2') continue;
    const root = unoctal(left[3] ?? '/');
    const point = unoctal(left[4] ?? '');
    if (fstype === 'cgroup2') {
      out.push({ root, point, version: 2, controllers: [] });
    } else {
      const opts = (right[2] ?? '').split(',');
      out.push({ root, point, version: 1, controllers: opts.filter((o) => !o.includes('=') && o !== 'rw' && o !== 'ro') });
    }
  }
  return out;
}

/** controller (or '' for the v2 unified line) → cgroup path, from /proc/<pid>/cgroup text. */
export function parseProcCgroup(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const a = line.indexOf(':');
    const b = line.indexOf(':', a + 1);
    if (a < 0 || b < 0) continue;
    const ctrls = line.slice(a + 1, b);
    const path = line.slice(b + 1);
    if (ctrls === '') out.set('', path);
    else for (const c of ctrls.split(',')) out.set(c, path);
  }
  return out;
}

function join(point: string, root: string, path: string): string {
  // The mount shows the hierarchy from `root` down: a path outside it is
  // not visible through this mount.
  let rel = path;
  if (root !== '/' && root !== '') {
    if (path === root) rel = '/';
    else if (path.startsWith(`${root}/`)) rel = path.slice(root.length);
  }
  return rel === '/' ? point : `${point}${rel}`;
}

const kV1Controller = { cpu: 'cpuacct', memory: 'memory', pids: 'pids', io: 'blkio' } as const;

/**
 * Where a pid's figures are. `prefix` is prepended to every file path (a
 * fixture tree in tests). Returns null when /proc/<pid>/cgroup cannot be read.
 */
export function findCgroupPaths(procCgroup: string, mountinfo: string, prefix = ''): CgroupPaths {
  const groups = parseProcCgroup(procCgroup);
  const mounts = parseCgroupMounts(mountinfo);
  const unified = groups.get('');
  const v2 = mounts.find((m) => m.version === 2);
  const pick = (ctrl: string): { dir: string; version: CgroupVersion } | null => {
    const path = groups.get(ctrl);
    const m1 = mounts.find((m) => m.version === 1 && m.controllers.includes(ctrl));
    if (path !== undefined && m1 !== undefined) return { dir: prefix + join(m1.point, m1.root, path), version: 1 };
    if (unified !== undefined && v2 !== undefined) return { dir: prefix + join(v2.point, v2.root, unified), version: 2 };
    return null;
  };
  const cpu = pick(kV1Controller.cpu);
  const memory = pick(kV1Controller.memory);
  const pids = pick(kV1Controller.pids);
  const io = pick(kV1Controller.io);
  const any1 = [cpu, memory, pids, io].some((p) => p?.version === 1);
  return { version: any1 ? 1 : 2, cpu, memory, pids, io };
}

/** Reads /proc/<pid>/cgroup and /proc/self/mountinfo and finds the paths. Throws when either cannot be read. */
export function cgroupPathsOfPid(pid: number, procRoot = '/proc', prefix = ''): CgroupPaths {
  const procCgroup = readFileSync(`${procRoot}/${pid}/cgroup`, 'utf8');
  const mountinfo = readFileSync(`${procRoot}/self/mountinfo`, 'utf8');
  return findCgroupPaths(procCgroup, mountinfo, prefix);
}

/** "key value" lines (memory.stat, cpu.stat) into a map. */
export function parseFlatKeyed(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp < 0) continue;
    const v = Number(line.slice(sp + 1));
    if (Number.isFinite(v)) out.set(line.slice(0, sp), v);
  }
  return out;
}

/**
 * The figure of `key` in "key value" lines (memory.stat, cpu.stat): what
 * parseFlatKeyed(text).get(key) gives, without splitting the text or
 * building the map (memory.stat has some 35 lines; one figure is wanted).
 */
export function flatKeyedValue(text: string, key: string): number | undefined {
  // The last line of the key whose value is a number, as the map keeps it.
  for (let at = text.length; at >= 0;) {
    const i = text.lastIndexOf(key, at);
    if (i < 0) return undefined;
    at = i - 1;
    if ((i > 0 && text.charCodeAt(i - 1) !== 0x0a) || text.charCodeAt(i + key.length) !== 0x20) continue;
    const eol = text.indexOf('\n', i);
    const v = Number(text.slice(i + key.length + 1, eol < 0 ? text.length : eol));
    if (Number.isFinite(v)) return v;
  }
  return undefined;
}

/** v1 blkio "8:0 Read 4096" lines: sums of Read and Write over devices. */
export function parseBlkio(text: string): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length !== 3) continue;
    const v = Number(f[2]);
    if (!Number.isFinite(v)) continue;
    if (f[1] === 'Read') read += v;
    else if (f[1] === 'Write') write += v;
  }
  return { read, write };
}

/** v2 io.stat "8:0 rbytes=1 wbytes=2 …" lines: sums over devices. */
export function parseIoStat(text: string): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const line of text.split('\n')) {
    for (const kv of line.trim().split(/\s+/).slice(1)) {
      const [k, v] = kv.split('=');
      const n = Number(v);
      if (!Number.isFinite(n)) continue;
      if (k === 'rbytes') read += n;
      else if (k === 'wbytes') write += n;
    }
  }
  return { read, write };
}

function reason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}

/** A limit at or above this is "no limit" (v1 writes 2^63 rounded down to a page). */
const kNoLimit = 2 ** 62;

/** Reads a whole small file as text. */
export interface ReadText { read(path: string): string }
const kReadOnce: ReadText = { read: (path) => readFileSync(path, 'utf8') };

/** cgroup files are small; memory.stat, the largest read here, is about 1.5 KiB. */
const kFileBytes = 16 << 10;

/**
 * One container's cgroup files, each opened once and kept: a read is one
 * pread at offset 0, which makes the kernel render the file afresh. On
 * this kind of machine an open-read-close costs about 3× a pread. A file
 * whose read fails is closed (its container may be gone) and opened again
 * next time. `close()` when the container goes.
 */
export class CgroupFiles implements ReadText {
  readonly #fds = new Map<string, number>();
  readonly #open: (path: string) => number;
  static readonly #buf = Buffer.allocUnsafe(kFileBytes);

  constructor(open: (path: string) => number = (path) => openSync(path, 'r')) {
    this.#open = open;
  }

  read(path: string): string {
    const n = this.#pread(path);
    if (n < kFileBytes) return CgroupFiles.#buf.toString('latin1', 0, n);
    // Larger than the buffer (not a file this reader follows today): read it whole.
    return readFileSync(path, 'latin1');
  }

  /**
   * A file of one number (cpuacct.usage, memory.usage_in_bytes,
   * pids.current): what Number(read(path).trim()) gives. The usual text —
   * up to 15 digits and a newline, exact as a double — is read from the
   * buffer with no string made; anything else goes through the string.
   */
  number(path: string): number {
    const n = this.#pread(path);
    const buf = CgroupFiles.#buf;
    const digits = n > 0 && buf[n - 1] === 0x0a ? n - 1 : n;
    if (digits === 0 || digits > 15) return Number((n < kFileBytes ? buf.toString('latin1', 0, n) : readFileSync(path, 'latin1')).trim());
    let v = 0;
    for (let i = 0; i < digits; ++i) {
      const d = buf[i]! - 0x30;
      if (d < 0 || d > 9) return Number(buf.toString('latin1', 0, n).trim());
      v = v * 10 + d;
    }
    return v;
  }

  /** Reads the file from offset 0 into the shared buffer; returns the byte count. */
  #pread(path: string): number {
    let fd = this.#fds.get(path);
    if (fd === undefined) {
      fd = this.#open(path);
      this.#fds.set(path, fd);
    }
    try {
      return readSync(fd, CgroupFiles.#buf, 0, kFileBytes, 0);
    } catch (err) {
      this.#drop(path, fd);
      throw err;
    }
  }

  #drop(path: string, fd: number): void {
    this.#fds.delete(path);
    try {
      closeSync(fd);
    } catch { /* already closed */ }
  }

  close(): void {
    for (const [path, fd] of this.#fds) this.#drop(path, fd);
  }
}

/**
 * The figures a container's slow files gave at their last read, kept
 * between ticks. The limit, memory.stat (for the inactive file cache that
 * `docker stats` takes off the usage) and the block I/O counters change
 * rarely or matter at a coarser grain than cpu: they are read one tick in
 * `every`, so a tick opens only the cpu, usage and pids files.
 */
export interface CgroupSlowFiles {
  /** Ticks until the slow files are read again; 0 reads them now. */
  due: number;
  inactiveFile?: number;
  memLimitBytes?: number;
  ioReadBytes?: number;
  ioWriteBytes?: number;
  errors: { figure: string; reason: string }[];
}

export function newSlowFiles(): CgroupSlowFiles {
  return { due: 0, errors: [] };
}

/**
 * Reads one container's figures. `hostMemBytes` stands in for the limit
 * when the cgroup has none. With `slow` (the container's state across
 * ticks), the slow files are read one call in `every`, their last figures
 * used in between; without it, every file is read. Never throws:
 * unreadable figures are absent and listed in `errors`.
 */
export function readCgroup(paths: CgroupPaths, hostMemBytes: number | undefined, slow: CgroupSlowFiles = newSlowFiles(), every = 1, files: ReadText = kReadOnce): CgroupReading {
  const r: CgroupReading = { errors: [] };
  // The three files of every tick, read inline: no closure or path string
  // is made per container per tick.
  const f = fastFiles(paths);
  if (f.cpu === null) r.errors.push({ figure: 'cpu', reason: 'no cpu cgroup' });
  else {
    try {
      if (f.cpuV2) {
        const v = flatKeyedValue(files.read(f.cpu), 'usage_usec');
        if (v !== undefined) r.cpuNs = v * 1000;
      } else {
        const v = numberOf(files, f.cpu);
        if (Number.isFinite(v)) r.cpuNs = v;
      }
    } catch (err) {
      r.errors.push(fileError('cpu', f.cpu, err));
    }
  }

  let usage: number | undefined;
  if (f.memory === null) r.errors.push({ figure: 'memory', reason: 'no memory cgroup' });
  else {
    try {
      const v = numberOf(files, f.memory);
      if (Number.isFinite(v)) usage = v;
    } catch (err) {
      r.errors.push(fileError('memory', f.memory, err));
    }
  }

  if (f.pids === null) r.errors.push({ figure: 'pids', reason: 'no pids cgroup' });
  else {
    try {
      const v = numberOf(files, f.pids);
      if (Number.isFinite(v)) r.pids = v;
    } catch (err) {
      r.errors.push(fileError('pids', f.pids, err));
    }
  }

  // A container whose fast files are all gone is gone: its slow files would only fail too.
  const gone = r.cpuNs === undefined && usage === undefined && r.pids === undefined;
  if (slow.due <= 0 && !gone) {
    slow.due = every;
    readSlow(paths, hostMemBytes, slow, (figure, file, fn) => {
      try {
        fn(files.read(file));
      } catch (err) {
        slow.errors.push(fileError(figure, file, err));
      }
    });
  }
  slow.due--;

  if (usage !== undefined) {
    const inactive = slow.inactiveFile;
    r.memBytes = inactive !== undefined && inactive < usage ? usage - inactive : usage;
  }
  if (slow.memLimitBytes !== undefined) r.memLimitBytes = slow.memLimitBytes;
  if (slow.ioReadBytes !== undefined) r.ioReadBytes = slow.ioReadBytes;
  if (slow.ioWriteBytes !== undefined) r.ioWriteBytes = slow.ioWriteBytes;
  if (slow.errors.length > 0) r.errors.push(...slow.errors);
  return r;
}

/** A file of one number; without a string per read when `files` keeps them open. */
function numberOf(files: ReadText, path: string): number {
  return files instanceof CgroupFiles ? files.number(path) : Number(files.read(path).trim());
}

function fileError(figure: string, file: string, err: unknown): { figure: string; reason: string } {
  return { figure, reason: `${file.split('/').pop() ?? file}: ${reason(err)}` };
}

/** The paths of the files read every tick. */
interface FastFiles {
  cpu: string | null;
  /** cpu.stat (v2, a keyed file) rather than cpuacct.usage (v1, one number). */
  cpuV2: boolean;
  memory: string | null;
  pids: string | null;
}

// Built once per container's paths. Kept beside them rather than in them:
// CgroupPaths stays the plain data that findCgroupPaths() returns.
const gFastFiles = new WeakMap<CgroupPaths, FastFiles>();

function fastFiles(paths: CgroupPaths): FastFiles {
  let f = gFastFiles.get(paths);
  if (f === undefined) {
    const { cpu, memory, pids } = paths;
    f = {
      cpu: cpu === null ? null : `${cpu.dir}/${cpu.version === 1 ? 'cpuacct.usage' : 'cpu.stat'}`,
      cpuV2: cpu?.version === 2,
      memory: memory === null ? null : `${memory.dir}/${memory.version === 1 ? 'memory.usage_in_bytes' : 'memory.current'}`,
      pids: pids === null ? null : `${pids.dir}/pids.current`,
    };
    gFastFiles.set(paths, f);
  }
  return f;
}

/** memory.stat, the memory limit and block I/O, into `slow` (figures not read are cleared). */
function readSlow(paths: CgroupPaths, hostMemBytes: number | undefined, slow: CgroupSlowFiles, read: (figure: string, file: string, fn: (text: string) => void) => void): void {
  const { memory, io } = paths;
  slow.errors = [];
  delete slow.inactiveFile;
  delete slow.memLimitBytes;
  delete slow.ioReadBytes;
  delete slow.ioWriteBytes;
  if (memory !== null) {
    const v1 = memory.version === 1;
    read('memory', `${memory.dir}/memory.stat`, (t) => {
      const v = flatKeyedValue(t, v1 ? 'total_inactive_file' : 'inactive_file');
      if (v !== undefined) slow.inactiveFile = v;
    });
    read('memory_limit', `${memory.dir}/${v1 ? 'memory.limit_in_bytes' : 'memory.max'}`, (t) => {
      const s = t.trim();
      const v = s === 'max' ? Infinity : Number(s);
      if (Number.isNaN(v)) return;
      if (v >= kNoLimit) {
        if (hostMemBytes !== undefined) slow.memLimitBytes = hostMemBytes;
      } else slow.memLimitBytes = hostMemBytes !== undefined ? Math.min(v, hostMemBytes) : v;
    });
  }
  if (io === null) slow.errors.push({ figure: 'io', reason: 'no blkio/io cgroup' });
  else if (io.version === 2) read('io', `${io.dir}/io.stat`, (t) => { const s = parseIoStat(t); slow.ioReadBytes = s.read; slow.ioWriteBytes = s.write; });
  else {
    // The CFQ/BFQ file where the scheduler provides it, else the throttle
    // layer's (always there, and what Docker itself reads on v1). Which one
    // is decided once per container: a failed open costs as much as a read.
    if (io.blkioFile === undefined) {
      let cfq = false;
      try {
        cfq = existsSync(`${io.dir}/blkio.io_service_bytes_recursive`) && parseBlkio(readFileSync(`${io.dir}/blkio.io_service_bytes_recursive`, 'utf8')).read > 0;
      } catch { /* the throttle file, then */ }
      io.blkioFile = cfq ? 'blkio.io_service_bytes_recursive' : 'blkio.throttle.io_service_bytes_recursive';
    }
    read('io', `${io.dir}/${io.blkioFile}`, (t) => { const s = parseBlkio(t); slow.ioReadBytes = s.read; slow.ioWriteBytes = s.write; });
  }
}

/** MemTotal from /proc/meminfo, bytes; undefined when unreadable. */
export function hostMemTotal(procRoot = '/proc'): number | undefined {
  try {
    const m = /^MemTotal:\s+(\d+)\s+kB/m.exec(readFileSync(`${procRoot}/meminfo`, 'utf8'));
    return m === null ? undefined : Number(m[1]) * 1024;
  } catch {
    return undefined;
  }
}
