import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { page } from '../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../platform/http/action.ts';
import { authorize } from '../../platform/policy.ts';
import { addAuthor, publishBrief, saveBrief, startBrief } from './commands.ts';
import { briefPolicy } from './policy.ts';
import { briefsOf, findBrief, latestVersion, listBriefs, versionsOf, type Brief } from './queries.ts';
import { AddAuthorSchema, BriefSaveSchema, BriefStartSchema, EmptySchema, briefErrorsToFields, briefFromForm, briefValues } from './schema.ts';
import { exportOf, exportSchemaText } from './export.ts';
import { snapshotText } from './diff.ts';
import { wordDiff } from '../../platform/views/wordDiff.tsx';
import { listFilters } from './filters.ts';
import { BriefPage, type BriefView } from './views/briefPage.tsx';
import { EditBriefPage, NewBriefPage } from './views/editPages.tsx';
import { BriefListPage, MyBriefsPage, VersionsPage } from './views/listPages.tsx';

type Forms = { publish?: FailedForm; author?: FailedForm };
const perPage = 25;

export function briefPages(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;

  /** A brief the visitor may see; to others it does not exist. */
  const loadBrief = async (c: Context<AppEnv>) => {
    const brief = await findBrief(db, c.req.param('id') ?? '');
    return brief && briefPolicy.view(c.get('actor'), brief) ? brief : undefined;
  };

  /** The published version, unless an author asks for the working copy (or nothing is published yet). */
  async function showBrief(c: Context<AppEnv>, brief: Brief, forms: Forms = {}, status: 200 | FailedStatus = 200, wantDraft = false) {
    const actor = c.get('actor');
    const t = c.get('t');
    const seeDraft = briefPolicy.seeDraft(actor, brief);
    const latest = brief.version > 0 && !(seeDraft && (wantDraft || Object.keys(forms).length > 0)) ? await latestVersion(db, brief.id) : undefined;
    const shown: BriefView = latest ? latest.snapshot : brief;
    const otherView = !seeDraft || brief.version === 0 ? undefined
      : latest ? { href: `/briefs/${brief.id}?view=draft`, label: t('briefs.page.see_draft') } : { href: `/briefs/${brief.id}`, label: t('briefs.page.see_published', { version: brief.version }) };
    const can = { edit: briefPolicy.edit(actor, brief), publish: briefPolicy.publish(actor, brief), addAuthor: briefPolicy.addAuthor(actor, brief) };
    return page(c, shown.title, (
      <BriefPage brief={shown} shownVersion={latest ? latest.version : null} version={brief.version} status={brief.status} otherView={otherView} can={can} forms={forms} notice={c.req.query('notice')} />
    ), status);
  }

  const showEdit = (c: Context<AppEnv>, brief: Brief, form?: FailedForm, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')('briefs.edit.title', { title: brief.title }), <EditBriefPage brief={brief} form={form ?? { values: briefValues(brief), errors: {} }} published={brief.version} />, status);

  const showNew = (c: Context<AppEnv>, form?: FailedForm, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')('briefs.new.title'), <NewBriefPage form={form ?? { values: { language: c.get('locale') }, errors: {} }} />, status);

  app.get('/briefs', async (c) => {
    const filters = listFilters((name) => c.req.query(name));
    const pageNumber = Math.min(400, Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const { total, items } = await listBriefs(db, filters, { limit: perPage, offset: (pageNumber - 1) * perPage });
    const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
    return page(c, c.get('t')('briefs.list.title'), (
      <BriefListPage filters={filters} items={items} total={total} page={pageNumber} pages={Math.max(1, Math.ceil(total / perPage))} query={query} canStart={briefPolicy.start(c.get('actor'), undefined)} />
    ));
  });

  app.get('/briefs/schema.json', (c) => c.body(exportSchemaText, 200, { 'Content-Type': 'application/schema+json; charset=utf-8' }));

  app.get('/my/briefs', async (c) => {
    const actor = c.get('actor');
    authorize(actor, briefPolicy.seeOwnBriefs, undefined);
    return page(c, c.get('t')('briefs.mine.title'), <MyBriefsPage briefs={await briefsOf(db, actor.user.id)} />);
  });

  app.get('/briefs/new', (c) => {
    authorize(c.get('actor'), briefPolicy.start, undefined);
    return showNew(c);
  });

  app.post('/briefs/new', formAction({
    allow: briefPolicy.start,
    schema: BriefStartSchema,
    run: (ctx, input) => startBrief(ctx, input),
    done: (_, { id }) => withNotice(`/briefs/${id}/edit`, 'started'),
    retry: (c, failed, { status }) => showNew(c, failed, status),
  }));

  app.get('/briefs/:id', async (c) => {
    const brief = await loadBrief(c);
    return brief ? showBrief(c, brief, {}, 200, c.req.query('view') === 'draft') : c.notFound();
  });

  app.get('/briefs/:id/edit', async (c) => {
    const brief = await loadBrief(c);
    if (!brief) return c.notFound();
    authorize(c.get('actor'), briefPolicy.edit, brief);
    return showEdit(c, brief);
  });

  app.post('/briefs/:id/edit', formAction({
    load: loadBrief,
    allow: briefPolicy.edit,
    schema: BriefSaveSchema,
    fromForm: briefFromForm,
    toFields: briefErrorsToFields,
    run: (ctx, input, brief) => saveBrief(ctx, brief, input),
    done: (_, __, { subject }) => withNotice(`/briefs/${subject.id}?view=draft`, 'saved'),
    retry: (c, failed, { subject, status }) => showEdit(c, subject, failed, status),
  }));

  app.post('/briefs/:id/publish', formAction({
    load: loadBrief,
    allow: briefPolicy.publish,
    schema: EmptySchema,
    run: (ctx, _, brief) => publishBrief(ctx, brief),
    done: (_, __, { subject }) => withNotice(`/briefs/${subject.id}`, 'published'),
    retry: (c, failed, { subject, status }) => showBrief(c, subject, { publish: failed }, status),
  }));
  app.get('/briefs/:id/publish', formAddress((c) => `/briefs/${c.req.param('id')}?view=draft`, 'publish'));

  app.post('/briefs/:id/authors', formAction({
    load: loadBrief,
    allow: briefPolicy.addAuthor,
    schema: AddAuthorSchema,
    run: (ctx, input, brief) => addAuthor(ctx, brief, input),
    done: (_, __, { subject }) => withNotice(`/briefs/${subject.id}?view=draft`, 'author_added', 'authors-title'),
    retry: (c, failed, { subject, status }) => showBrief(c, subject, { author: failed }, status),
  }));
  app.get('/briefs/:id/authors', formAddress((c) => `/briefs/${c.req.param('id')}?view=draft`, 'author'));

  app.get('/briefs/:id/versions', async (c) => {
    const brief = await loadBrief(c);
    if (!brief || brief.version === 0) return c.notFound();
    const t = c.get('t');
    const rows = await versionsOf(db, brief.id);
    const texts = rows.map((r) => snapshotText(r.snapshot, t));
    const versions = rows.map((r, i) => ({ ...r, diff: i > 0 ? wordDiff(texts[i - 1]!, texts[i]!) : null }));
    const latest = rows[rows.length - 1]!.snapshot;
    return page(c, t('briefs.versions.title', { title: latest.title }), <VersionsPage brief={latest} versions={versions} />);
  });

  app.get('/briefs/:id/export.json', async (c) => {
    const brief = await loadBrief(c);
    const latest = brief && brief.version > 0 ? await latestVersion(db, brief.id) : undefined;
    if (!latest) return c.notFound();
    c.header('Content-Disposition', `attachment; filename="brief-${brief!.id}-v${latest.version}.json"`);
    return c.json(exportOf(latest.snapshot, latest, config.baseUrl));
  });
}
