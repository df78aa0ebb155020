import type { Context, MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { AppEnv, Services } from './env.ts';
import { sessionCookie } from '../auth/identity.ts';
import { dataVersion } from '../audit.ts';
import { withPlatformHeaders } from './headers.ts';
import { requestCookie, requestHeader } from './request.ts';
import { isTimeZone } from '../zones.ts';

type HeaderRecord = Record<string, string | string[]>;

/** A response ready to send again: its bytes, each encoding made once, and its validator. */
export interface Prepared {
  status: number;
  /** Lower-case names; `set-cookie` is a list. */
  headers: HeaderRecord;
  body: Uint8Array;
  etag: string;
  gzip?: Uint8Array;
  br?: Uint8Array;
}

interface CacheEntry extends Prepared {
  version: number;
  bytes: number;
}

/** Bodies smaller than this go out as they are: compressing them saves less than it costs. */
const compressAbove = 1024;
const compressible = /^(text\/|application\/(json|problem\+json|xml|javascript)|image\/svg\+xml)/;
/** What the response cache may hold in all, in bytes (compressed forms included). */
const cacheBudget = 32 * 1024 * 1024;

/** A response to send, possibly many times. */
export function prepare(status: number, headers: HeaderRecord, body: Uint8Array): Prepared {
  // Weak: the same content in another encoding carries the same tag.
  return { status, headers, body, etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

function accepts(c: Context<AppEnv>, coding: 'gzip' | 'br'): boolean {
  const header = requestHeader(c, 'accept-encoding') ?? '';
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    return name === coding && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

function matchesValidator(c: Context<AppEnv>, etag: string): boolean {
  const given = requestHeader(c, 'if-none-match');
  if (!given) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return given.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * Sends a prepared response: 304 when the browser holds this version, else the best encoding it
 * accepts. Encodings of a shared (cached) response are made once, at the highest level; those of
 * a personal one, at a level quick enough for every request. The headers go as one plain record.
 */
export function send(c: Context<AppEnv>, prepared: Prepared, shared: boolean): Response {
  const headers: HeaderRecord = Object.assign({}, prepared.headers);
  headers.etag = prepared.etag;
  headers['cache-control'] ??= shared ? 'no-cache' : 'private, no-cache';
  const compress = prepared.body.byteLength > compressAbove && compressible.test(String(headers['content-type'] ?? ''));
  if (compress) headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  if (matchesValidator(c, prepared.etag)) {
    delete headers['content-type'];
    return new Response(null, { status: 304, headers: withPlatformHeaders(c, headers) as Record<string, string> });
  }
  let body = prepared.body;
  if (compress && shared && accepts(c, 'br')) {
    prepared.br ??= brotliCompressSync(prepared.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: prepared.body.byteLength } });
    body = prepared.br;
    headers['content-encoding'] = 'br';
  } else if (compress && accepts(c, 'gzip')) {
    prepared.gzip ??= gzipSync(prepared.body, { level: shared ? 9 : 6 });
    body = prepared.gzip;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.byteLength);
  return new Response(body as Uint8Array<ArrayBuffer>, { status: prepared.status, headers: withPlatformHeaders(c, headers) as Record<string, string> });
}

/** The headers as a record, each cookie kept apart. */
function headerRecord(headers: Headers): HeaderRecord {
  const record: HeaderRecord = {};
  headers.forEach((value, name) => {
    if (name !== 'set-cookie') record[name] = value;
  });
  const cookies = headers.getSetCookie();
  if (cookies.length) record['set-cookie'] = cookies;
  return record;
}

/** The time zone a reader chose to see times in, remembered by their browser (events' programs). */
export const readerZoneCookie = 'cabildo_zone';

/** A bounded map that forgets the least recently used entries first. */
class ResponseCache {
  private entries = new Map<string, CacheEntry>();
  private bytes = 0;

  get(key: string): CacheEntry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CacheEntry): void {
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= cacheBudget) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }
}

/**
 * How responses leave Cabildo. Every successful page and JSON answer gets an ETag (a browser that
 * has it gets 304) and is compressed once. A page for a visitor without a session is the same for
 * everyone who reads that address in that language until the next write: it is built once per
 * data version (see dataVersion) and sent from memory, compressed, after that. A response that
 * carries something of its visitor's (a form token, a cookie) is never shared.
 */
/**
 * What a shared answer depends on: language, address, and the reader's remembered time zone
 * (events' programs), when it is one (any other cookie value would only split the cache).
 */
function cacheKey(c: Context<AppEnv>): string {
  const url = c.req.url;
  const zone = requestCookie(c, readerZoneCookie) ?? '';
  return `${c.get('locale')} ${isTimeZone(zone) ? zone : ''} ${url.slice(url.indexOf('/', url.indexOf('//') + 2))}`;
}

export function delivery(services: Services): MiddlewareHandler<AppEnv> {
  const cache = new ResponseCache();
  return async (c, next) => {
    // Decided before the visitor is looked up, so that a cached page costs no more than this.
    const shareable = c.req.method === 'GET' && !requestCookie(c, sessionCookie) && !requestHeader(c, 'authorization');
    const key = shareable ? cacheKey(c) : '';
    const version = shareable ? await dataVersion(services.db) : -1;
    if (shareable) {
      const hit = cache.get(key);
      if (hit && hit.version === version) return send(c, hit, true);
    }
    await next();
    const response = c.res;
    // A streamed answer (an export) is sent as it is made: never read whole into memory here.
    if (c.get('streamed') || response.status !== 200 || !response.body || response.headers.has('content-encoding')) return;
    const body = new Uint8Array(await response.arrayBuffer());
    const prepared = prepare(response.status, headerRecord(response.headers), body);
    // Pages and answers depend on the reader's language and on who they are.
    prepared.headers.vary = 'Accept-Language, Cookie';
    const shared = shareable && c.get('actor')?.user === null && !c.get('viaApiToken') && !c.get('personal') && !prepared.headers['set-cookie'];
    // Cleared first, so that Hono does not copy the old response's headers over the new one's.
    c.res = undefined;
    c.res = send(c, prepared, shared);
    if (shared) cache.set(key, { ...prepared, version, bytes: body.byteLength * 2 });
  };
}

/**
 * Sends text as it is produced (an export of any size): chunk by chunk, gzipped for browsers that
 * accept it, never held whole in memory, and so never cached nor given an ETag (see delivery).
 * A failure half-way is logged and cuts the answer short, so that no one takes it for complete.
 */
export function sendStream(c: Context<AppEnv>, chunks: AsyncIterable<string>, headers: Record<string, string>): Response {
  c.set('streamed', true);
  const { log } = c.get('services');
  const requestId = c.get('requestId');
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  let body: ReadableStream<Uint8Array> = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        log.error({ err: error, requestId }, 'stream failed');
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  const record: Record<string, string> = { ...headers, 'cache-control': 'private, no-cache', vary: 'Accept-Encoding, Accept-Language, Cookie' };
  if (accepts(c, 'gzip')) {
    body = body.pipeThrough(new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
    record['content-encoding'] = 'gzip';
  }
  return new Response(body, { status: 200, headers: withPlatformHeaders(c, record) as Record<string, string> });
}
