import type { Server } from 'node:http';

/**
 * Starts `server` listening on host:port; rejects with the listen error
 * (EADDRINUSE, EACCES, …) for the caller to wrap in its own error type.
 */
export function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
