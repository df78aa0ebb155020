import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './app.ts';
import { TestClient } from './client.ts';

export interface ServedApp {
  /** A browser-like client whose requests go through a real socket to the server. */
  client(): TestClient;
  close(): Promise<void>;
}

/**
 * Serves a test app over real HTTP on a free local port, so that concurrent requests are handled
 * as a running installation handles them: each on its own connection, interleaving at every
 * database round trip.
 */
export async function served(t: TestApp): Promise<ServedApp> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const origin = t.services.config.baseUrl;
  const answerer = {
    request: (url: string, init: RequestInit) => {
      const { pathname, search } = new URL(url);
      // Node's fetch opens a connection per request in flight, so requests fired together arrive together.
      return fetch(`${base}${pathname}${search}`, { ...init, redirect: 'manual' });
    },
  };
  return {
    client: () => new TestClient(answerer, origin),
    async close() {
      (server as unknown as { closeAllConnections(): void }).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Runs `body` against the app served over real HTTP, and stops the server however it ends. */
export async function racing(t: TestApp, body: (server: ServedApp) => Promise<void>): Promise<void> {
  const server = await served(t);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

/** Runs the given requests at the same instant and answers their statuses, in order. */
export async function atOnce(requests: Array<() => Promise<{ status: number }>>): Promise<number[]> {
  return (await Promise.all(requests.map((send) => send()))).map((page) => page.status);
}
