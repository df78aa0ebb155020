import type { Context } from 'hono';
import { isIPv6 } from 'node:net';
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

/**
 * The network an address stands for when counting attempts: an IPv4 address itself, an IPv6
 * address's /64 (one subscriber usually holds a whole /64, so its addresses are one client).
 */
export function networkOf(address: string): string {
  const plain = address.replace(/%.*$/, '');
  const mapped = plain.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  if (mapped) return mapped[1]!;
  if (!isIPv6(plain)) return plain;
  const [head = '', tail] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/** The client's network (see networkOf), the subject of every per-address rate limit. */
export function clientNetwork(c: Context<AppEnv>): string {
  return networkOf(clientAddress(c));
}
