import { describe, expect, it } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { createDashboard, DashboardError, resolveDashboardOptions, startDashboardServer } from '../../src/dashboard/index.js';
import type { DashboardOptions } from '../../src/dashboard/index.js';
import { RunbusError } from '../../src/errors.js';
import { quietLogger } from '../support/bus.js';

const bus = new RunBus({ logger: quietLogger() });

describe('dashboard options', () => {
  it('fills the defaults', () => {
    expect(resolveDashboardOptions({ bus })).toMatchObject({ dbPath: undefined, token: undefined, pushIntervalMs: 500, maxPoints: 1000, clientQueue: 64, stallMs: 10_000, maxClients: 32, maxComponents: 200, rawRangeMs: 3_600_000 });
  });

  it('names an unknown key (and the likely intended one)', () => {
    expect(() => createDashboard({ bus, maxPoint: 10 } as unknown as DashboardOptions)).toThrow(new TypeError('createDashboard: unknown option "maxPoint" (did you mean "maxPoints"?)'));
    expect(() => createDashboard({ bus, port: 1 } as unknown as DashboardOptions)).toThrow(/unknown option "port"/);
  });

  it('checks types and ranges', () => {
    expect(() => createDashboard({})).toThrow(new TypeError('options.bus must be a RunBus (or options.dbPath given, for stored runs only)'));
    expect(() => createDashboard({ bus: {} as unknown as DashboardOptions['bus'] })).toThrow(new TypeError('options.bus must be a RunBus'));
    expect(() => createDashboard({ bus, token: '' })).toThrow(TypeError);
    expect(() => createDashboard({ bus, maxPoints: 5 })).toThrow(RangeError);
    expect(() => createDashboard({ bus, pushIntervalMs: 1.5 })).toThrow(TypeError);
    expect(() => createDashboard({ bus, dbPath: 3 as unknown as string })).toThrow(/options.dbPath must be a string/);
  });

  it('rejects a port in use with ERR_DASHBOARD_LISTEN', async () => {
    const a = await startDashboardServer({ bus, port: 0 });
    try {
      const err: unknown = await startDashboardServer({ bus, port: a.port }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DashboardError);
      expect(err).toBeInstanceOf(RunbusError);
      expect((err as DashboardError).code).toBe('ERR_DASHBOARD_LISTEN');
    } finally {
      await a.close();
    }
    await expect(startDashboardServer({ bus, port: 70_000 })).rejects.toThrow(RangeError);
    await expect(startDashboardServer({ bus, port: 0, bogus: 1 } as unknown as { bus: RunBus; port: number })).rejects.toThrow(/startDashboardServer: unknown option "bogus"/);
  });
});
