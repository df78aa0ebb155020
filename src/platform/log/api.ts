import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv, Services } from '../http/env.ts';
import { problem } from '../http/problem.ts';
import { problemResponse } from '../http/openapi.ts';
import { witnessedLogs } from './witness.ts';

/** How many entries one call to /api/log/entries answers at most (a client asks again for the rest). */
export const entriesPerCall = 1000;

const count = (description: string) => z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).openapi({ description });
const base64Hash = z.string().openapi({ description: 'SHA-256, base64', example: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' });
const text = (description: string) => ({ description, content: { 'text/plain': { schema: z.string() } } });

const Entries = z.object({
  entries: z.array(z.object({
    index: z.number().int(),
    entry: z.string().openapi({ description: 'The canonical JSON text the leaf hashes: actor, content_sha256 (hex), kind, record, time, version' }),
  })),
}).openapi('LogEntries');
const Inclusion = z.object({ leaf_index: z.number().int(), tree_size: z.number().int(), audit_path: z.array(base64Hash) }).openapi('LogInclusionProof');
const Consistency = z.object({ consistency: z.array(base64Hash) }).openapi('LogConsistencyProof');
const Witnessed = z.object({
  witnessed: z.array(z.object({
    origin: z.string(), url: z.string(), key: z.string(), tree_size: z.number().int(), root_hash: base64Hash,
    checkpoint: z.string().openapi({ description: 'The signed note, as fetched' }), witnessed_at: z.string(),
    status: z.enum(['consistent', 'fork', 'rollback', 'key_changed']), detail: z.string().nullable(),
  })),
}).openapi('LogWitnessed');

function plain(c: Context<AppEnv>, body: string) {
  return c.body(body, 200, { 'Content-Type': 'text/plain; charset=utf-8' });
}

/** The transparency log's API (RFC 9162-style proofs, C2SP checkpoint and key), under /api/log. */
export function logApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const log = services.transparencyLog;
  const outOfRange = (c: Context<AppEnv>, size: number) => problem(c, 400, c.get('t')('common.log.out_of_range', { size }));

  api.openapi(
    createRoute({
      method: 'get', path: '/log/checkpoint', summary: "The log's latest checkpoint (C2SP tlog-checkpoint, signed as a C2SP signed-note with Ed25519)",
      responses: { 200: text('origin, tree size and base64 root hash, then a blank line and the signature') },
    }),
    async (c) => plain(c, (await log.checkpoint()).note) as never,
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/log/key', summary: "The log's verifier key, in signed-note form: <name>+<key id hex>+<base64(0x01 ‖ Ed25519 public key)>",
      responses: { 200: text('The verifier key, one line') },
    }),
    (c) => plain(c, `${log.signer.text}\n`) as never,
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/log/entries', summary: `Entries start to end, both included (at most ${entriesPerCall} per call)`,
      request: { query: z.object({ start: count('Index of the first entry'), end: count('Index of the last entry') }) },
      responses: { 200: { description: 'The entries', content: { 'application/json': { schema: Entries } } }, 400: problemResponse('start after end'), 422: problemResponse('Invalid query') },
    }),
    async (c) => {
      const { start, end } = c.req.valid('query');
      if (start > end) return outOfRange(c, await log.size()) as never;
      return c.json({ entries: await log.entries(start, Math.min(end, start + entriesPerCall - 1)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/log/proof/inclusion', summary: 'Audit path of an entry in the tree of a given size (RFC 9162 §2.1.3)',
      request: { query: z.object({ index: count('The entry'), tree_size: count('The size of the tree, as in a checkpoint') }) },
      responses: { 200: { description: 'The audit path, nearest the leaf first', content: { 'application/json': { schema: Inclusion } } }, 400: problemResponse('Beyond the log'), 422: problemResponse('Invalid query') },
    }),
    async (c) => {
      const { index, tree_size } = c.req.valid('query');
      const size = await log.size();
      if (index >= tree_size || tree_size > size) return outOfRange(c, size) as never;
      const path = await log.inclusionProof(index, tree_size);
      return c.json({ leaf_index: index, tree_size, audit_path: path.map((h) => h.toString('base64')) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/log/proof/consistency', summary: 'Proof that the tree of size first is a prefix of the tree of size second (RFC 9162 §2.1.4)',
      request: { query: z.object({ first: count('The smaller tree size (at least 1)'), second: count('The larger tree size') }) },
      responses: { 200: { description: 'The consistency proof', content: { 'application/json': { schema: Consistency } } }, 400: problemResponse('Beyond the log'), 422: problemResponse('Invalid query') },
    }),
    async (c) => {
      const { first, second } = c.req.valid('query');
      const size = await log.size();
      if (first < 1 || first > second || second > size) return outOfRange(c, size) as never;
      return c.json({ consistency: (await log.consistencyProof(first, second)).map((h) => h.toString('base64')) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/log/witnessed', summary: "Other installations' checkpoints this one has witnessed (`cabildo log witness URL`): the latest per log, and every fork seen",
      responses: { 200: { description: 'What was witnessed', content: { 'application/json': { schema: Witnessed } } } },
    }),
    async (c) => c.json({ witnessed: await witnessedLogs(services.db) }, 200),
  );
}
