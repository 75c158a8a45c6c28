import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHub } from '../../src/hub/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();

describe('createHub({ dashboard: true })', () => {
  it('serves the dashboard beside /metrics on one server, on a free port', async () => {
    const hub = await createHub({ db: join(tmp(), 'd.db'), dashboard: true, self: false, gpu: false, handleSignals: false, logger: quietLogger() });
    try {
      expect(hub.dashboardUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(hub.metricsUrl).toBe(`${hub.dashboardUrl!}metrics`);
      const page = await fetch(hub.dashboardUrl!);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toMatch(/script-src/);
      expect(await page.text()).toMatch(/<html/i);
      const runs: unknown = await (await fetch(`${hub.dashboardUrl!}api/runs`)).json();
      expect(JSON.stringify(runs)).toContain(hub.runId);
      expect((await fetch(hub.metricsUrl!)).status).toBe(200);
    } finally {
      await hub.close();
    }
  });

  it('refuses a dashboard without a metrics server, naming the options', async () => {
    await expect(createHub({ db: false, dashboard: true, metrics: false, handleSignals: false })).rejects.toThrow(/options.dashboard needs the metrics server/);
  });
});
