import type { RunbusConfig } from '../config/index.js';
import type { Hub } from '../hub/index.js';

// The hook for --metrics-port (Prometheus) and --dashboard. Both are
// accepted and validated by the command line today; the exporters
// themselves arrive with the alerts/Prometheus and dashboard work, which
// will start them here. Until then the hook says clearly that they are not
// running, and the run goes on.

/** Whatever the hook started; close() stops it before the hub closes. */
export interface Exporters {
  close(): Promise<void>;
}

export function startExporters(_hub: Hub, cfg: RunbusConfig, warn: (m: string) => void): Promise<Exporters> {
  if (cfg.metricsPort !== undefined) {
    warn(`runbus: --metrics-port ${cfg.metricsPort}: Prometheus export is not available in this version yet; going on without it`);
  }
  if (cfg.dashboard) warn('runbus: --dashboard: the dashboard is not available in this version yet; going on without it');
  return Promise.resolve({ close: () => Promise.resolve() });
}
