/**
 * The live queue's pages (docs/decisions/021-events-floor-and-statistics.md): the live page, its
 * forms, the stream the small script follows, and the script itself.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { page } from '../../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../../platform/http/action.ts';
import { withPlatformHeaders } from '../../../platform/http/headers.ts';
import { z } from 'zod';
import { eventPolicy } from '../policy.ts';
import { askForFloor, markRequest, recordSpeaker, withdrawRequest } from './commands.ts';
import { loadFloor, type FloorContext } from './load.ts';
import { balanceOf, placesOf, queueVersion, requestsOf, waiting } from './queries.ts';
import { AskSchema, MarkSchema, SpeakerSchema } from './schema.ts';
import { LivePage, type LivePageProps } from './views/livePage.tsx';

/** The script, named by its content so browsers keep it for a year (as platform/views/assets.ts). */
const scriptBody = readFileSync(new URL('./live.js', import.meta.url), 'utf8');
export const liveScript = { path: `/assets/floor-live.${createHash('sha256').update(scriptBody).digest('hex').slice(0, 12)}.js`, body: scriptBody };

/** How often the stream looks at the queue's version in the database: a change on any server is seen within this. */
export const streamTiming = { pollMs: 2_000, heartbeatMs: 15_000, lifetimeMs: 10 * 60_000 };

/** How many handled requests the moderator sees under the queue. */
const handledShown = 10;

const livePath = (f: FloorContext) => `/events/${f.event.slug}/sessions/${f.session.id}/live`;

export function floorPages(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  const load = (c: Context<AppEnv>) => loadFloor(db, c);

  app.get(liveScript.path, (c) => c.body(liveScript.body, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' }));

  async function showLive(c: Context<AppEnv>, f: FloorContext, forms: LivePageProps['forms'] = {}, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    // Who is in the queue and where changes with every request: never from the shared cache.
    c.set('personal', true);
    const can = { ask: eventPolicy.joinQueue(actor, f), moderate: eventPolicy.moderateFloor(actor, f) };
    const [requests, version] = await Promise.all([requestsOf(db, f.session.id), queueVersion(db, f.session.id)]);
    const queue = waiting(requests);
    const handled = requests.filter((r) => r.status !== 'waiting' && r.status !== 'withdrawn').sort((a, b) => (b.handled_at ?? '').localeCompare(a.handled_at ?? '')).slice(0, handledShown);
    const follows = eventPolicy.followQueue(actor, f);
    const t = c.get('t');
    return page(c, t('events.floor.title', { title: f.session.title }), (
      <LivePage event={f.event} session={f.session} can={can} signedIn={actor.user !== null}
        queue={can.moderate ? queue : queue.map((r) => ({ ...r, name: null, question: null }))}
        mine={actor.user ? placesOf(requests, actor.user.id) : []} handled={can.moderate ? handled : []}
        balance={can.moderate ? balanceOf(requests, services.config.stakeholders.groups) : null}
        version={version} stream={follows ? `${livePath(f)}/stream` : null} script={liveScript.path} forms={forms} notice={c.req.query('notice')} />
    ), status);
  }

  app.get('/events/:slug/sessions/:session/live', async (c) => {
    const f = await load(c);
    return f ? showLive(c, f) : c.notFound();
  });

  app.post('/events/:slug/sessions/:session/live/ask', formAction({
    load,
    allow: eventPolicy.joinQueue,
    schema: AskSchema,
    run: (ctx, input, f) => askForFloor(ctx, f.where, f.participation, input),
    done: (_, __, { subject }) => withNotice(livePath(subject), 'asked', 'mine-title'),
    retry: (c, failed, { subject, status }) => showLive(c, subject, { ask: failed }, status),
  }));

  const loadRequest = async (c: Context<AppEnv>) => {
    const f = await load(c);
    return f ? Object.assign(f, { requestId: c.req.param('request') ?? '' }) : undefined;
  };

  app.post('/events/:slug/sessions/:session/live/requests/:request/withdraw', formAction({
    load: loadRequest,
    allow: eventPolicy.followQueue,
    schema: z.object({}),
    run: (ctx, _, f) => withdrawRequest(ctx, f.where, f.requestId),
    done: (_, __, { subject }) => withNotice(livePath(subject), 'withdrawn'),
    retry: (c, failed: FailedForm, { subject, status }) => showLive(c, subject, { ask: { values: {}, errors: failed.errors } }, status),
  }));

  app.post('/events/:slug/sessions/:session/live/requests/:request', formAction({
    load: loadRequest,
    allow: eventPolicy.moderateFloor,
    schema: MarkSchema,
    run: (ctx, input, f) => markRequest(ctx, f.where, f.requestId, input),
    done: (_, __, { subject }) => withNotice(livePath(subject), 'marked', 'queue-title'),
    retry: (c, failed, { subject, status }) => showLive(c, subject, { mark: { id: subject.requestId, errors: failed.errors } }, status),
  }));

  app.post('/events/:slug/sessions/:session/live/speakers', formAction({
    load,
    allow: eventPolicy.moderateFloor,
    schema: SpeakerSchema,
    run: (ctx, input, f) => recordSpeaker(ctx, f.where, input),
    done: (_, __, { subject }) => withNotice(livePath(subject), 'recorded', 'balance-title'),
    retry: (c, failed, { subject, status }) => showLive(c, subject, { speaker: failed }, status),
  }));

  app.get('/events/:slug/sessions/:session/live/stream', async (c) => {
    const f = await load(c);
    if (!f) return c.notFound();
    if (!eventPolicy.followQueue(c.get('actor'), f)) return c.body(null, c.get('actor').user ? 403 : 401);
    return queueStream(c, services, f.session.id);
  });

  // The addresses the forms post to show the live page (a reload after a failed post).
  const liveAt = (c: Context<AppEnv>) => `/events/${encodeURIComponent(c.req.param('slug') ?? '')}/sessions/${encodeURIComponent(c.req.param('session') ?? '')}/live`;
  app.get('/events/:slug/sessions/:session/live/ask', formAddress(liveAt, 'ask-title'));
  app.get('/events/:slug/sessions/:session/live/speakers', formAddress(liveAt, 'speaker-title'));
  app.get('/events/:slug/sessions/:session/live/requests/:request', formAddress(liveAt, 'queue-title'));
  app.get('/events/:slug/sessions/:session/live/requests/:request/withdraw', formAddress(liveAt));
}

const sleep = (ms: number, signal: AbortSignal) => new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
});

/**
 * Server-sent events: the queue's version at once, then again whenever it changes. The stream
 * reads the version from the database every `pollMs`, so a change made through another server is
 * seen too (the platform has no message bus between servers: decision 010). A comment line keeps
 * proxies from closing a quiet connection; after `lifetimeMs` the stream ends and the browser
 * reconnects (`retry`), so no connection lives for ever.
 */
function queueStream(c: Context<AppEnv>, services: Services, sessionId: string): Response {
  c.set('streamed', true);
  const encoder = new TextEncoder();
  const stop = new AbortController();
  const started = Date.now();
  let last = -1;
  let quietSince = Date.now();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          if (stop.signal.aborted) return;
          if (Date.now() - started > streamTiming.lifetimeMs) return controller.close();
          const version = await queueVersion(services.db, sessionId);
          if (version !== last) {
            const first = last === -1;
            last = version;
            quietSince = Date.now();
            controller.enqueue(encoder.encode(`${first ? 'retry: 3000\n' : ''}event: queue\nid: ${version}\ndata: ${version}\n\n`));
            return;
          }
          if (Date.now() - quietSince >= streamTiming.heartbeatMs) {
            quietSince = Date.now();
            controller.enqueue(encoder.encode(': still here\n\n'));
            return;
          }
          await sleep(streamTiming.pollMs, stop.signal);
        }
      } catch (error) {
        services.log.error({ err: error, requestId: c.get('requestId') }, 'queue stream failed');
        controller.error(error);
      }
    },
    cancel() {
      stop.abort();
    },
  });
  const headers = withPlatformHeaders(c, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
  return new Response(body, { status: 200, headers: headers as Record<string, string> });
}
