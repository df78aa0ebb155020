import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { page } from '../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../platform/http/action.ts';
import { authorize } from '../../platform/policy.ts';
import { addAuthor, addComment, publishBrief, replyToComment, requestReview, saveBrief, startBrief, submitReview } from './commands.ts';
import { briefPolicy } from './policy.ts';
import { briefsOf, findBrief, latestVersion, listBriefs, reviewRequestsOf, reviewsOf, threadOf, threadsOf, versionsOf, type Brief } from './queries.ts';
import {
  AddAuthorSchema, AttachSchema, BriefSaveSchema, BriefStartSchema, CommentSchema, EmptySchema, ReplySchema, ReviewSchema, ReviewerSchema, briefErrorsToFields, briefFromForm, briefValues,
} from './schema.ts';
import { commentAnchors } from './grid.ts';
import { attachableConsultations, attachToConsultation, consultationsOfBrief } from './consultations.ts';
import type { Discussion } from './views/discussion.tsx';
import { PrintPage } from './views/printPage.tsx';
import { exportOf, exportSchemaText } from './export.ts';
import { snapshotText } from './diff.ts';
import { wordDiff } from '../../platform/views/wordDiff.tsx';
import { listFilters } from './filters.ts';
import { BriefPage, type BriefView } from './views/briefPage.tsx';
import { EditBriefPage, NewBriefPage } from './views/editPages.tsx';
import { BriefListPage, MyBriefsPage, VersionsPage } from './views/listPages.tsx';

type Forms = { publish?: FailedForm; author?: FailedForm; attach?: FailedForm } & Discussion['forms'];
const perPage = 25;

export function briefPages(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;

  /** A brief the visitor may see; to others it does not exist. */
  const loadBrief = async (c: Context<AppEnv>) => {
    const brief = await findBrief(db, c.req.param('id') ?? '');
    return brief && briefPolicy.view(c.get('actor'), brief) ? brief : undefined;
  };

  /** The comments and reviews of the working copy, for those who may see it. */
  async function discussionOf(c: Context<AppEnv>, brief: Brief, forms: Forms): Promise<Discussion> {
    const actor = c.get('actor');
    const on = c.req.query('on');
    const [threads, reviews] = await Promise.all([threadsOf(db, brief.id), reviewsOf(db, brief)]);
    return {
      threads, reviews, reviewers: brief.reviewers, forms,
      can: { comment: briefPolicy.comment(actor, brief), requestReview: briefPolicy.requestReview(actor, brief), review: briefPolicy.review(actor, brief) },
      on: (commentAnchors as readonly string[]).includes(on ?? '') ? on : undefined,
    };
  }

  /** The published version, unless an author or reviewer asks for the working copy (or nothing is published yet). */
  async function showBrief(c: Context<AppEnv>, brief: Brief, forms: Forms = {}, status: 200 | FailedStatus = 200, wantDraft = false) {
    const actor = c.get('actor');
    const t = c.get('t');
    const seeDraft = briefPolicy.seeDraft(actor, brief);
    // A failed form about the working copy shows the working copy; attaching is about the published version.
    const draftForm = Object.keys(forms).some((form) => form !== 'attach');
    const latest = brief.version > 0 && !(seeDraft && (wantDraft || draftForm)) ? await latestVersion(db, brief.id) : undefined;
    const shown: BriefView = latest ? latest.snapshot : brief;
    const otherView = !seeDraft || brief.version === 0 ? undefined
      : latest ? { href: `/briefs/${brief.id}?view=draft`, label: t('briefs.page.see_draft') } : { href: `/briefs/${brief.id}`, label: t('briefs.page.see_published', { version: brief.version }) };
    const can = { edit: briefPolicy.edit(actor, brief), publish: briefPolicy.publish(actor, brief), addAuthor: briefPolicy.addAuthor(actor, brief) };
    const discussion = !latest && seeDraft ? await discussionOf(c, brief, forms) : undefined;
    const mayAttach = brief.version > 0 && briefPolicy.attach(actor, brief);
    const [attachedTo, attachable] = await Promise.all([consultationsOfBrief(db, brief.id), mayAttach ? attachableConsultations(db, services.clock()) : Promise.resolve([])]);
    const consultations = { attached: attachedTo, attachable: attachable.filter((c) => !attachedTo.some((a) => a.id === c.id)), mayAttach };
    return page(c, shown.title, (
      <BriefPage brief={shown} shownVersion={latest ? latest.version : null} version={brief.version} status={brief.status} otherView={otherView} can={can} forms={forms} notice={c.req.query('notice')} discussion={discussion} consultations={consultations} />
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
    const [briefs, reviews] = await Promise.all([briefsOf(db, actor.user.id), reviewRequestsOf(db, actor.user.id)]);
    return page(c, c.get('t')('briefs.mine.title'), <MyBriefsPage briefs={briefs} reviews={reviews} />);
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

  // The discussion of the working copy (docs/decisions/036): comments, replies, peer review.
  const toDraft = (id: string, notice: string, anchor: string) => withNotice(`/briefs/${id}?view=draft`, notice, anchor);

  app.post('/briefs/:id/comments', formAction({
    load: loadBrief,
    allow: briefPolicy.comment,
    schema: CommentSchema,
    run: (ctx, input, brief) => addComment(ctx, brief, input),
    done: (_, { id }, { subject }) => toDraft(subject.id, 'commented', `comment-${id}`),
    retry: (c, failed, { subject, status }) => showBrief(c, subject, { comment: failed }, status),
  }));
  app.get('/briefs/:id/comments', formAddress((c) => `/briefs/${c.req.param('id')}?view=draft`, 'comment'));

  app.post('/briefs/:id/comments/:comment/replies', (c, next) => {
    const thread = c.req.param('comment');
    const field = `reply_${thread}`;
    return formAction({
      // A thread that is not this brief's does not exist.
      load: async (c) => {
        const brief = await loadBrief(c);
        return brief && (await threadOf(db, brief.id, thread)) ? brief : undefined;
      },
      allow: briefPolicy.comment,
      schema: ReplySchema,
      // The page holds one reply form per thread, each field named for its thread.
      fromForm: (values) => ({ reply: values[field] }),
      toFields: (errors) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === 'reply' ? field : k, v])),
      run: (ctx, input, brief) => replyToComment(ctx, brief, thread, input),
      done: (_, { id }, { subject }) => toDraft(subject.id, 'commented', `comment-${id}`),
      retry: (c, failed, { subject, status }) => showBrief(c, subject, { reply: { thread, form: failed } }, status),
    })(c, next);
  });
  app.get('/briefs/:id/comments/:comment/replies', formAddress((c) => `/briefs/${c.req.param('id')}?view=draft#comment-${c.req.param('comment')}`));

  app.post('/briefs/:id/reviewers', formAction({
    load: loadBrief,
    allow: briefPolicy.requestReview,
    schema: ReviewerSchema,
    run: (ctx, input, brief) => requestReview(ctx, brief, input),
    done: (_, __, { subject }) => toDraft(subject.id, 'review_requested', 'reviews-title'),
    retry: (c, failed, { subject, status }) => showBrief(c, subject, { reviewer: failed }, status),
  }));
  app.get('/briefs/:id/reviewers', formAddress((c) => `/briefs/${c.req.param('id')}?view=draft`, 'reviewer'));

  app.post('/briefs/:id/reviews', formAction({
    load: loadBrief,
    allow: briefPolicy.review,
    schema: ReviewSchema,
    run: (ctx, input, brief) => submitReview(ctx, brief, input),
    done: (_, __, { subject }) => toDraft(subject.id, 'reviewed', 'reviews-title'),
    retry: (c, failed, { subject, status }) => showBrief(c, subject, { review: failed }, status),
  }));
  app.get('/briefs/:id/reviews', formAddress((c) => `/briefs/${c.req.param('id')}?view=draft`, 'review-form'));

  app.post('/briefs/:id/consultations', formAction({
    load: loadBrief,
    allow: briefPolicy.attach,
    schema: AttachSchema,
    run: (ctx, input, brief) => attachToConsultation(ctx, brief, input),
    done: (_, __, { subject }) => withNotice(`/briefs/${subject.id}`, 'attached', 'consultations-title'),
    retry: (c, failed, { subject, status }) => showBrief(c, subject, { attach: failed }, status),
  }));
  app.get('/briefs/:id/consultations', formAddress((c) => `/briefs/${c.req.param('id')}`, 'attach'));

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

  app.get('/briefs/:id/print', async (c) => {
    const brief = await loadBrief(c);
    const latest = brief && brief.version > 0 ? await latestVersion(db, brief.id) : undefined;
    if (!latest) return c.notFound();
    return page(c, c.get('t')('briefs.print.title', { title: latest.snapshot.title }), <PrintPage version={latest} baseUrl={config.baseUrl} />);
  });
}
