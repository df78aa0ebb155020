/** Annual reports' pages (docs/decisions/028-annual-reports.md). */
import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { page } from '../../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../../platform/http/action.ts';
import { findInitiativeBySlug } from '../../initiatives/index.ts';
import { reportPolicy } from '../policy.ts';
import { assembleYear } from './assemble.ts';
import { publishAnnual, saveAnnual } from './commands.ts';
import { annualReportsOf, findAnnual, readAnnualSnapshot, type AnnualRow } from './queries.ts';
import { AnnualSchema, PublishAnnualSchema, annualYear } from './schema.ts';
import { AnnualListPage, AnnualPage } from './views.tsx';

const sectionValues = (row: AnnualRow | undefined) => ({ introduction: row?.introduction ?? '', preparation: row?.preparation ?? '', outcomes: row?.outcomes ?? '' });

export function annualPages(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  const slugOf = (c: Context<AppEnv>) => c.req.param('slug') ?? '';

  /** A year of an initiative, with its annual report if one was started; none for a year that cannot have one. */
  const loadYear = async (c: Context<AppEnv>) => {
    const year = annualYear(c.req.param('year'), services.clock());
    const initiative = year === null ? undefined : await findInitiativeBySlug(db, slugOf(c));
    if (!initiative || year === null) return undefined;
    const row = await findAnnual(db, initiative.id, year);
    return { initiative: { id: initiative.id, slug: initiative.slug, name: initiative.name }, year, row, status: row?.status ?? 'none', committee: initiative.committee };
  };
  type Year = NonNullable<Awaited<ReturnType<typeof loadYear>>>;

  async function showYear(c: Context<AppEnv>, subject: Year, form?: FailedForm, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const snapshot = subject.row ? readAnnualSnapshot(subject.row) : null;
    const texts = snapshot ?? { introduction: subject.row?.introduction ?? null, preparation: subject.row?.preparation ?? null, outcomes: subject.row?.outcomes ?? null };
    const assembled = snapshot?.assembled ?? (await assembleYear(db, subject.initiative.id, subject.year));
    const can = { write: reportPolicy.writeAnnual(actor, subject), publish: reportPolicy.publishAnnual(actor, subject) };
    return page(c, c.get('t')('reports.annual.title', { year: subject.year, name: subject.initiative.name }), (
      <AnnualPage initiative={subject.initiative} year={subject.year} status={subject.status as 'none' | 'draft' | 'published'} published_at={subject.row?.published_at ?? null}
        texts={texts} assembled={assembled} can={can} form={form ?? { values: sectionValues(subject.row), errors: {} }} notice={c.req.query('notice')} />
    ), status);
  }

  app.get('/initiatives/:slug/annual-reports', async (c) => {
    const initiative = await findInitiativeBySlug(db, slugOf(c));
    if (!initiative) return c.notFound();
    const actor = c.get('actor');
    const draftsToo = reportPolicy.viewAnnual(actor, { status: 'draft', committee: initiative.committee });
    const writes = reportPolicy.writeAnnual(actor, { status: 'none', committee: initiative.committee });
    // The year just ended is the one usually due; the current one can be started as it goes.
    const thisYear = services.clock().getUTCFullYear();
    return page(c, c.get('t')('reports.annual.list_title', { name: initiative.name }), (
      <AnnualListPage initiative={initiative} reports={await annualReportsOf(db, initiative.id, draftsToo)} writable={writes ? [thisYear, thisYear - 1] : []} />
    ));
  });

  app.get('/initiatives/:slug/annual-reports/:year', async (c) => {
    const subject = await loadYear(c);
    if (!subject || !reportPolicy.viewAnnual(c.get('actor'), subject)) return c.notFound();
    return showYear(c, subject);
  });

  app.post('/initiatives/:slug/annual-reports/:year', formAction({
    load: loadYear,
    allow: reportPolicy.writeAnnual,
    schema: AnnualSchema,
    run: (ctx, input, subject) => saveAnnual(ctx, subject.initiative, subject.year, input),
    done: (_, __, { subject }) => withNotice(`/initiatives/${subject.initiative.slug}/annual-reports/${subject.year}`, 'saved'),
    retry: (c, failed, { subject, status }) => showYear(c, subject, failed, status),
  }));

  app.post('/initiatives/:slug/annual-reports/:year/publish', formAction({
    load: loadYear,
    allow: reportPolicy.publishAnnual,
    schema: PublishAnnualSchema,
    run: (ctx, _, subject) => publishAnnual(ctx, subject.initiative, subject.year),
    done: (_, __, { subject }) => withNotice(`/initiatives/${subject.initiative.slug}/annual-reports/${subject.year}`, 'published'),
    retry: (c, failed, { subject, status }) => showYear(c, subject, { ...failed, values: sectionValues(subject.row) }, status),
  }));
  app.get('/initiatives/:slug/annual-reports/:year/publish', formAddress((c) => `/initiatives/${slugOf(c)}/annual-reports/${c.req.param('year')}`, 'annual-publish'));
}
