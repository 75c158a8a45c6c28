// Bearer-token checks shared by every HTTP server (/metrics and the dashboard):
// the optional token, presented only as `Authorization: Bearer
// <token>`. A token in the URL (`?token=`) is refused: URLs land in access
// logs, proxy logs and browser history. The page takes the token from the
// fragment (`/#token=…`, which browsers never send) and sends the header.

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

/** The token of an `Authorization: Bearer <token>` header value (scheme case-insensitive), or undefined. */
export function bearerOf(header: string | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const m = /^bearer +(.*)$/i.exec(header);
  return m === null ? undefined : m[1]!.trim();
}

/** The token a request presents: its bearer header only. */
export function presentedToken(req: IncomingMessage): string | undefined {
  return bearerOf(req.headers.authorization);
}
