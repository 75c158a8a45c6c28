// Remote-write URLs and the module's error. Both live at the root of src/
// (errors.ts, options.ts) so the configuration layer can check a URL
// without importing this module; this room re-exports them.
export { RemoteWriteError } from '../errors.js';
export type { RemoteWriteErrorCode } from '../errors.js';
export { checkRemoteUrl } from '../options.js';
