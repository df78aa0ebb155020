import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './env.ts';

/**
 * The client's address for rate limits. Behind a reverse proxy (TRUST_PROXY=1) the proxy's
 * X-Forwarded-For is believed; otherwise only the socket's address is.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('services').config.trustProxy) {
    // The trusted proxy appends the address it saw; earlier entries come from the client.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}
