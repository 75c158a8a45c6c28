// The optional dashboard token: `Authorization: Bearer <token>` or, for
// EventSource (which cannot set headers), `?token=<token>`.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/**
 * A checker comparing in constant time: both sides are hashed first, so
 * neither the content nor the length of the token leaks through timing.
 */
export function tokenChecker(token: string): (presented: string | undefined) => boolean {
  const want = digest(token);
  return (presented) => presented !== undefined && timingSafeEqual(digest(presented), want);
}

/** The token a request presents (bearer header first, then `?token=`). */
export function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  const h = req.headers.authorization;
  if (typeof h === 'string' && h.startsWith('Bearer ')) return h.slice(7).trim();
  return url.searchParams.get('token') ?? undefined;
}
