import { runbus } from './gen/telemetry.js';
import { CanonicalReader } from './canonical-reader.js';
import { KeptHost } from './kept-snapshot.js';
import type { HostSnapshot } from './types.js';

const pb = runbus.v1;

/*
 * The fast way through a HOST envelope of a Publish (decodePublishFast in
 * codec.ts hands it each envelope BatchScanner did not read), as
 * container-decode.ts reads CONTAINER ones: the canonical form only
 * (canonical-reader.ts), read straight into the HostSnapshot class
 * protobufjs's decoder builds and checked as validateEnvelope checks it;
 * anything else returns null and goes to protobufjs. One a tick, on the main
 * thread (the sampler's batch) and in the store writer, where protobufjs's
 * generic decode of HOST and HEARTBEAT was about a tenth of the thread's CPU
 * around 20 processes.
 * test/wire/host-codec.test.ts checks it against protobufjs with fast-check.
 *
 *   Envelope   08 02  1a len  HostSnapshot
 *   Host       1 ts, 2 run_id, 3 host, 4 cpu %, 5 mem total, 6 mem available,
 *              7 mem %, 8: DiskUsage*, 9..11 load, 12 cpu count, 13 swap total,
 *              14 swap used, 15: FigureError*
 *   DiskUsage  1 mount, 2 used %, 3 free, 4 total
 */

// Where str() keeps the last string of each field (proto-reader.ts's kLast).
const kSlotFigure = 4;
const kSlotHost = 10;
const kSlotMount = 11;

export class HostReader extends CanonicalReader {
  /**
   * The HOST envelope in bytes[start, end) (an Envelope's own bytes, without
   * its Publish tag and length), decoded and validated; null when it is not
   * one in canonical form, or the validator would refuse it.
   */
  read(start: number, end: number, nowMs: number): HostSnapshot | null {
    const bodyStart = this.envelopeBody(start, end, 2, 0x1a);
    if (bodyStart < 0) return null;
    const keep = this.keepBytes;
    const kept = keep === null ? null : new KeptHost();
    const m = kept ?? new pb.HostSnapshot();
    this.lastField = 0;
    while (this.pos < end) {
      // Disks (8) and errors (15) repeat.
      const t = this.nextTag(end, 8, 15);
      switch (t) {
        case 0x08:
        case 0x12:
          if (!this.timeOrRun(t, end, nowMs, m)) return null;
          break;
        case 0x1a:
          m.host = this.cString(end, kSlotHost);
          break;
        case 0x21:
          m.cpuPercent = this.double(end);
          break;
        case 0x28:
          m.memTotalBytes = this.cU64(end);
          break;
        case 0x30:
          m.memAvailableBytes = this.cU64(end);
          break;
        case 0x39:
          m.memPercent = this.double(end);
          break;
        case 0x42:
          if (!this.#disk(m, end)) return null;
          break;
        case 0x49:
          m.load1 = this.double(end);
          break;
        case 0x51:
          m.load5 = this.double(end);
          break;
        case 0x59:
          m.load15 = this.double(end);
          break;
        case 0x60:
          m.cpuCount = this.cU32(end);
          break;
        case 0x68:
          m.swapTotalBytes = this.cU64(end);
          break;
        case 0x70:
          m.swapUsedBytes = this.cU64(end);
          break;
        case 0x7a:
          if (!this.figureError(m.errors, end, kSlotFigure)) return null;
          break;
        default:
          // Out of order, another wire type, or a field no HostSnapshot has.
          return null;
      }
      if (this.odd) return null;
    }
    // validateEnvelope: a plausible time; its double figures finite and >= 0
    // (a disk's too, here: one that is not goes the reference way).
    if (m.tsMs === 0 || this.suspect) return null;
    if (kept !== null) KeptHost.keep(kept, keep!, bodyStart, end);
    return m;
  }

  // Field 8 (its tag read): one DiskUsage onto m.disks; false when not canonical.
  #disk(m: runbus.v1.HostSnapshot, limit: number): boolean {
    const n = this.cLen(limit);
    const end = this.pos + n;
    const d = new pb.DiskUsage();
    let last = 0;
    while (this.pos < end) {
      const t = this.cTag(end);
      const field = t >>> 3;
      if (field <= last) return false;
      last = field;
      switch (t) {
        case 0x0a:
          d.mount = this.cString(end, kSlotMount);
          break;
        case 0x11:
          d.usedPercent = this.double(end);
          break;
        case 0x18:
          d.freeBytes = this.cU64(end);
          break;
        case 0x20:
          d.totalBytes = this.cU64(end);
          break;
        default:
          return false;
      }
      if (this.odd) return false;
    }
    m.disks.push(d);
    return true;
  }
}
