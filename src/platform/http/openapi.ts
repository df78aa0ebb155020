import type { Handler } from 'hono';
import { z, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';

/** RFC 9457 problem details, as every API error answers. */
const Problem = z
  .object({
    type: z.string(), title: z.string(), status: z.number().int(), detail: z.string().optional(), instance: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
  })
  .openapi('Problem');

export const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });

/** Documents a JSON write in the OpenAPI description and mounts its handler (the action pipeline validates). */
export function documentedWrite(api: OpenAPIHono<AppEnv>, route: RouteConfig, handler: Handler<AppEnv>): void {
  api.openAPIRegistry.registerPath(route);
  api.on(route.method.toUpperCase(), route.path.replace(/\{(\w+)\}/g, ':$1'), handler);
}

