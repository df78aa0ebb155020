import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { page } from '../../../platform/http/context.ts';
import { csvLines } from '../../../platform/csv.ts';
import { sendStream } from '../../../platform/http/delivery.ts';
import { findInitiativeBySlug } from '../../initiatives/index.ts';
import { ArchivePage, archiveHref, pageCount } from './archivePage.tsx';
import { atomFeed, plainSummary } from './atom.ts';
import { groupsOfBits } from './groups.ts';
import {
  ArchiveQuerySchema, archiveChoices, archivePage, archivePageSize, archivePages, recentlyPublished, resolveFilters, summariesOf,
  type ArchiveFilters, type ArchiveItem, type ResolvedFilters,
} from './query.ts';

/** The query string as the schema reads it: the stakeholder groups may be repeated. */
const rawQuery = (c: Context<AppEnv>) => ({ ...c.req.query(), group: c.req.queries('group') ?? [] });

/** JSON that can be pasted into a page without closing a script element (`<`, `>` and `&` as escapes). */
const safeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

const feedSize = 50;

/**
 * `/reports` (the public archive), its CSV and JSON exports and its Atom feeds, whole or per
 * initiative (docs/decisions/026-reports-archive.md). Only published reports have a row to show.
 */
export function archiveRoutes(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const taxonomy = config.stakeholders;

  app.get('/reports', async (c) => {
    const query = ArchiveQuerySchema.parse(rawQuery(c));
    const filters = await resolveFilters(db, query);
    const [{ total, items }, choices] = await Promise.all([
      archivePage(db, filters, taxonomy, { limit: archivePageSize, offset: (query.page - 1) * archivePageSize }),
      archiveChoices(db),
    ]);
    // A page past the end (an old link, a typed number) goes to the last page there is.
    if (query.page > pageCount(total)) return c.redirect(archiveHref('/reports', { ...query, page: pageCount(total) }), 302);
    return page(c, c.get('t')('reports.archive.title'), <ArchivePage query={query} total={total} items={items} choices={choices} />);
  });

  const url = (item: ArchiveItem) => `${config.baseUrl}/reports/${item.report_id}`;

  app.get('/reports.csv', async (c) => {
    const filters = await resolveFilters(db, ArchiveQuerySchema.parse(rawQuery(c)));
    const header = ['id', 'title', 'initiative', 'initiative_name', 'held_on', 'language', 'track', 'stakeholder_groups', 'version', 'published_at', 'updated_at', 'url'];
    async function* lines() {
      yield csvLines([header]);
      for await (const items of archivePages(db, filters, taxonomy)) {
        yield csvLines(items.map((i) => [
          i.report_id, i.title, i.initiative.slug, i.initiative.name, i.held_on, i.language, i.track, groupsOfBits(i.stakeholder_groups).join('|'), i.version, i.published_at, i.updated_at, url(i),
        ]));
      }
    }
    return sendStream(c, lines(), { 'content-type': 'text/csv; charset=utf-8; header=present', 'content-disposition': 'attachment; filename="reports.csv"' });
  });

  app.get('/reports.json', async (c) => {
    const filters = await resolveFilters(db, ArchiveQuerySchema.parse(rawQuery(c)));
    async function* chunks() {
      yield '{"items":[';
      let first = true;
      for await (const items of archivePages(db, filters, taxonomy)) {
        for (const i of items) {
          yield `${first ? '' : ','}\n${safeJson({
            id: i.report_id, title: i.title, initiative: i.initiative, held_on: i.held_on, language: i.language, track: i.track,
            stakeholder_groups: groupsOfBits(i.stakeholder_groups), version: i.version, published_at: i.published_at, updated_at: i.updated_at, url: url(i),
          })}`;
          first = false;
        }
      }
      yield '\n]}\n';
    }
    return sendStream(c, chunks(), { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'inline; filename="reports.json"' });
  });

  async function feed(c: Context<AppEnv>, filters: ResolvedFilters, title: string, alternate: string) {
    const items = await recentlyPublished(db, filters, taxonomy, feedSize);
    const summaries = await summariesOf(db, items.map((i) => i.report_id));
    const entries = items.map((i) => ({ ...i, summary: plainSummary(summaries.get(i.report_id)?.summary ?? null, summaries.get(i.report_id)?.takeaways ?? []) }));
    const self = new URL(c.req.url);
    const body = atomFeed({
      title, self: `${config.baseUrl}${self.pathname}${self.search}`, alternate: `${config.baseUrl}${alternate}`, baseUrl: config.baseUrl,
      updated: items.reduce((latest, i) => (i.updated_at > latest ? i.updated_at : latest), '') || services.clock().toISOString(),
      language: c.get('locale'), entries,
    });
    return c.body(body, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  }

  app.get('/reports.atom', async (c) => {
    const query = ArchiveQuerySchema.parse(rawQuery(c));
    return feed(c, await resolveFilters(db, query), c.get('t')('reports.archive.feed_title'), archiveHref('/reports', { ...query, page: 1 }));
  });

  app.get('/initiatives/:slug/reports.atom', async (c) => {
    const initiative = await findInitiativeBySlug(db, c.req.param('slug'));
    if (!initiative) return c.notFound();
    const filters: ArchiveFilters = { initiative: initiative.slug, group: [] };
    return feed(c, { ...filters, initiativeIds: [initiative.id] }, c.get('t')('reports.archive.initiative_feed_title', { name: initiative.name }), archiveHref('/reports', filters));
  });
}
