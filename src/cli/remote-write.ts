// `runbus run` and `runbus hub`: remote write from the layered config. The
// credentials come from a file or the environment, never from a flag.
import { resolve } from 'node:path';
import type { RunbusConfig } from '../config/index.js';
import { readCredentialFile } from '../remote-write/index.js';
import type { RemoteWriteOptions } from '../remote-write/index.js';

/** The hub's `remoteWrite` option; false when no URL is configured. */
export function remoteWriteFromConfig(cfg: RunbusConfig, cwd: string): RemoteWriteOptions | false {
  if (cfg.remoteWrite.length === 0) return false;
  const fromFiles = [
    ...(cfg.remoteWriteBearerTokenFile === undefined ? [] : [readCredentialFile(resolve(cwd, cfg.remoteWriteBearerTokenFile), 'bearer')]),
    ...(cfg.remoteWritePasswordFile === undefined ? [] : [readCredentialFile(resolve(cwd, cfg.remoteWritePasswordFile), 'basic')]),
  ];
  const auth = fromFiles[0]
    ?? (cfg.remoteWriteBearerToken !== undefined ? { bearerToken: cfg.remoteWriteBearerToken }
      : cfg.remoteWriteUsername !== undefined ? { basicAuth: { username: cfg.remoteWriteUsername, password: cfg.remoteWritePassword ?? '' } }
        : {});
  return { urls: cfg.remoteWrite, failingAlertMs: cfg.remoteWriteFailingAlertMs, ...auth };
}
