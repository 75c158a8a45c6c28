import { RunbusError } from '../errors.js';

/** Codes of {@link DashboardError}. */
export type DashboardErrorCode =
  /** The standalone server could not bind its port. */
  | 'ERR_DASHBOARD_LISTEN'
  /** The database could not be opened or read for the run picker. */
  | 'ERR_DASHBOARD_STORE'
  /** The page script was not compiled (`npm run build` writes dist/dashboard/page/). */
  | 'ERR_DASHBOARD_NOT_BUILT';

/** A runtime failure of the dashboard. */
export class DashboardError extends RunbusError {
  declare readonly code: DashboardErrorCode;

  constructor(code: DashboardErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'DashboardError';
  }
}
