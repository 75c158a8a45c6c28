import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlertState, kTopicNames, LifecycleKind, proto, Severity, Topic } from '../../src/wire/index.js';

const root = join(import.meta.dirname, '..', '..');
const hasProtoc = spawnSync('protoc', ['--version']).status === 0;
if (!hasProtoc) console.warn('skipping protoc checks: install the Debian package protobuf-compiler');

describe('wire contract', () => {
  it('Topic and the other enums match the generated protobuf enums', () => {
    const v1 = proto.v1;
    for (const [name, n] of Object.entries(Topic)) expect(v1.Topic[name as keyof typeof v1.Topic]).toBe(n);
    for (const [name, n] of Object.entries(Severity)) expect(v1.Severity[`SEVERITY_${name}` as keyof typeof v1.Severity]).toBe(n);
    for (const [name, n] of Object.entries(AlertState)) expect(v1.AlertState[`ALERT_STATE_${name}` as keyof typeof v1.AlertState]).toBe(n);
    for (const [name, n] of Object.entries(LifecycleKind)) expect(v1.LifecycleKind[`LIFECYCLE_${name}` as keyof typeof v1.LifecycleKind]).toBe(n);
    for (const [n, name] of Object.entries(kTopicNames)) expect(v1.Topic[name.toUpperCase() as keyof typeof v1.Topic]).toBe(Number(n));
  });

  it('the committed generated code is up to date with proto/telemetry.proto', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'gen-proto.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!hasProtoc)('compiles with Google protoc, and protoc-encoded bytes decode here', () => {
    const out = mkdtempSync(join(tmpdir(), 'runbus-protoc-'));
    try {
      execFileSync('protoc', [`--proto_path=${join(root, 'proto')}`, `--descriptor_set_out=${join(out, 'set.pb')}`, 'telemetry.proto']);
      // protoc --encode writes a message from its text format.
      const text = 'hello { protocol_version: 1 component: "py" pid: 77 run_id: "r1" token: "t" }';
      const bytes = execFileSync('protoc', [`--proto_path=${join(root, 'proto')}`, '--encode=runbus.v1.Frame', 'telemetry.proto'], { input: text });
      const f = proto.v1.Frame.decode(bytes);
      expect(f.hello).toMatchObject({ protocolVersion: 1, component: 'py', pid: 77, runId: 'r1', token: 't' });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
