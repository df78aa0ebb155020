import type { Hono } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from './http/env.ts';
import type { NavLink } from './views/layout.tsx';

/** One per domain module: the core loops over these to build the app. */
export interface ModuleManifest {
  name: string;
  /** The folder holding {es,en,pt,fr}.json, loaded under the module's name. */
  catalogs: URL;
  pages?: (app: Hono<AppEnv>, services: Services) => void;
  api?: (api: OpenAPIHono<AppEnv>, services: Services) => void;
  nav?: NavLink[];
}
