import { describe, expect, it } from 'vitest';
import { WatchModel } from '../../src/cli/watch-view.js';

describe('runbus watch: containers', () => {
  it('shows each container with cpu, memory, limit and pids; an exited one leaves; names shown inert', () => {
    const m = new WatchModel(10);
    const id = 'a'.repeat(64);
    m.onContainer({ tsMs: 1, runId: 'r', containerId: id, name: 'eval-1\u001b[2J', cpuPercent: 98.2, memBytes: 25 << 20, memLimitBytes: 64 << 20, pids: 3 });
    const text = m.render(120, 40, 'runbus watch').join('\n');
    expect(text).toContain('container');
    expect(text).toContain('aaaaaaaaaaaa');
    expect(text).toContain('eval-1?[2J');
    expect(text).not.toContain('\u001b');
    m.onContainerGone(id);
    expect(m.render(120, 40, 'runbus watch').join('\n')).not.toContain('aaaaaaaaaaaa');
  });
});
