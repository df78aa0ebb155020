import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { page } from '../../platform/http/context.ts';
import { authorize } from '../../platform/policy.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../platform/http/action.ts';
import { mailboxes } from '../accounts/index.ts';
import { membershipsOf } from '../initiatives/index.ts';
import { eventVisibleTo } from '../events/index.ts';
import { addComment, configure, decideAmendment, endorse, openConsultation, proposeAmendment, publishVersion, saveDraft, startVersion } from './commands.ts';
import { consultationPolicy } from './policy.ts';
import {
  amendmentsOf, commentsOn, countsByAnchor, dayOf, draftOf, eventForConsultations, findConsultation, findVersion, initiativeForConsultations, listConsultations, mayAmend, mayComment, phaseOn, shownEvent, versionsOf,
  type Consultation,
} from './queries.ts';
import { AmendmentSchema, CommentSchema, ReplySchema, ConsultationSchema, DecisionSchema, DraftSchema, EmptySchema, SettingsSchema } from './schema.ts';
import { briefsOnConsultation } from '../briefs/index.ts';
import { consensusPages } from './consensusPages.tsx';
import { ConsensusLinks } from './consensusViews.tsx';
import { isFollowing } from './consensus.ts';
import { opinionPages } from './opinion/pages.tsx';
import {
  ConsultationPage, DiffPage, DraftPage, ListPage, NewPage, ParagraphPage, RefusedPage, SettingsPage, VersionPage, VersionsPage, consultationHref, newTitle, paragraphHref, settingsValues, type ParagraphForms,
} from './views.tsx';

/** Notices a page may show (anything else in `?notice=` is ignored). */
const notices = ['opened', 'configured', 'draft_saved', 'published', 'version_started', 'commented', 'amended', 'endorsed', 'decided', 'followed', 'unfollowed'] as const;
const noticeOf = (c: Context<AppEnv>) => (notices as readonly string[]).includes(c.req.query('notice') ?? '') ? c.req.query('notice') : undefined;

export function consultationPages(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  // Positions, the consensus call, appeals, the record and following (docs/decisions/038).
  consensusPages(app, services);
  const today = () => dayOf(services.clock());
  opinionPages(app, services);

  const loadInitiative = (c: Context<AppEnv>) => initiativeForConsultations(db, c.req.param('slug') ?? '');
  /** A consultation the visitor may see; to others it does not exist. */
  const loadConsultation = async (c: Context<AppEnv>): Promise<Consultation | undefined> => {
    const found = await findConsultation(db, c.req.param('slug') ?? '');
    return found && consultationPolicy.view(c.get('actor'), found) ? found : undefined;
  };
  /** A paragraph of the latest published version. */
  const loadParagraph = async (c: Context<AppEnv>) => {
    const consultation = await loadConsultation(c);
    if (!consultation || consultation.published_version === 0) return undefined;
    const version = await findVersion(db, consultation.id, consultation.published_version);
    const block = version?.blocks.find((b) => b.anchor === c.req.param('anchor') && b.kind === 'paragraph');
    return block ? Object.assign(consultation, { block, replyTo: c.req.param('comment') ?? '' }) : undefined;
  };
  const loadAmendment = async (c: Context<AppEnv>) => {
    const consultation = await loadConsultation(c);
    if (!consultation) return undefined;
    const amendment = (await amendmentsOf(db, consultation.id)).find((a) => a.id === c.req.param('amendment'));
    return amendment ? Object.assign(consultation, { amendment }) : undefined;
  };

  /** An event whose organisers may open a consultation on it; a draft event does not exist for those who may not see it. */
  const loadEvent = async (c: Context<AppEnv>) => {
    const found = await eventForConsultations(db, c.req.param('slug') ?? '');
    return found && eventVisibleTo(c.get('actor'), { status: found.event.status, initiative: { committee: found.committee } }) ? found : undefined;
  };

  /** The form that opens a consultation, for an initiative or on one of its events: the same fields and command. */
  function showNew(c: Context<AppEnv>, initiative: { slug: string; name: string }, form?: FailedForm, status: 200 | FailedStatus = 200, event?: { slug: string; title: string }) {
    const values = { language: c.get('locale'), text_kind: 'declaration', comments_from: today(), amendments_from: today(), positions_from: today(), consensus_from: today(), closes_on: today() };
    return page(c, newTitle(c.get('t'), initiative, event), <NewPage initiative={initiative} event={event} form={form ?? { values, errors: {} }} />, status);
  }

  async function showConsultation(c: Context<AppEnv>, consultation: Consultation) {
    const actor = c.get('actor');
    const can = { configure: consultationPolicy.configure(actor, consultation), draft: consultationPolicy.draft(actor, consultation), viewDraft: consultationPolicy.viewDraft(actor, consultation) };
    const draft = await draftOf(db, consultation);
    // Before anything is published, those who prepare it read the draft; others never reach here.
    const showingDraft = can.viewDraft && draft !== undefined && (c.req.query('view') === 'draft' || consultation.published_version === 0);
    const version = showingDraft ? draft : consultation.published_version > 0 ? await findVersion(db, consultation.id, consultation.published_version) : undefined;
    return page(c, consultation.title, (
      <ConsultationPage c={consultation} event={shownEvent(actor, consultation)} version={version} draft={draft} phase={phaseOn(consultation, today())} counts={await countsByAnchor(db, consultation.id)}
        can={can} notice={noticeOf(c)} showingDraft={showingDraft} briefs={await briefsOnConsultation(db, consultation.id)}
        consensus={<ConsensusLinks c={consultation} canCall={consultationPolicy.call(actor, consultation)} follow={actor.user ? { following: await isFollowing(db, consultation.id, actor.user.id) } : undefined} />} />
    ));
  }

  async function showParagraph(c: Context<AppEnv>, subject: Awaited<ReturnType<typeof loadParagraph>> & object, forms: ParagraphForms = {}, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const phase = phaseOn(subject, today());
    const participates = consultationPolicy.participate(actor, subject);
    const [comments, amendments] = await Promise.all([commentsOn(db, subject.id, subject.block.anchor), amendmentsOf(db, subject.id, subject.block.anchor)]);
    return page(c, c.get('t')('consultations.paragraph.title', { n: subject.block.number, title: subject.title }), (
      <ParagraphPage c={subject} block={subject.block} phase={phase} comments={comments} amendments={amendments} forms={forms} notice={noticeOf(c)} viewerId={actor.user?.id ?? null}
        can={{ comment: participates && mayComment(phase), amend: participates && mayAmend(phase), decide: consultationPolicy.decide(actor, subject), signIn: actor.user === null && (mayComment(phase) || mayAmend(phase)) }} />
    ), status);
  }

  async function showSettings(c: Context<AppEnv>, consultation: Consultation, form?: FailedForm, status: 200 | FailedStatus = 200) {
    const boxes = await mailboxes(db, consultation.people.map((p) => p.user_id));
    const emails = new Map([...boxes].map(([id, box]) => [id, box.email]));
    return page(c, c.get('t')('consultations.settings.title', { title: consultation.title }), <SettingsPage c={consultation} form={form ?? { values: settingsValues(consultation, emails), errors: {} }} />, status);
  }

  async function showDraft(c: Context<AppEnv>, consultation: Consultation, form?: FailedForm, status: 200 | FailedStatus = 200) {
    const draft = await draftOf(db, consultation);
    if (!draft) return form ? refused(c, consultation, form, status) : c.redirect(consultationHref(consultation.slug), 303);
    return page(c, c.get('t')('consultations.draft.title', { n: draft.number, title: consultation.title }), (
      <DraftPage c={consultation} draft={draft} form={form ?? { values: {}, errors: {} }} canPublish={consultationPolicy.draft(c.get('actor'), consultation)} />
    ), status);
  }

  /** A form whose step cannot be taken now: its message, with the way back. */
  function refused(c: Context<AppEnv>, consultation: Consultation, form: FailedForm, status: 200 | FailedStatus) {
    const message = form.errors._form ?? Object.values(form.errors)[0] ?? '';
    return page(c, consultation.title, <RefusedPage c={consultation} message={message} />, status);
  }

  app.get('/consultations', async (c) => {
    const actor = c.get('actor');
    const items = await listConsultations(db, today(), { userId: actor.user?.id ?? null, everyDraft: consultationPolicy.findEveryDraft(actor, undefined) });
    const openable = actor.user ? (await membershipsOf(db, actor.user.id)).filter((m) => m.role === 'coordinator').map((m) => ({ slug: m.slug, name: m.name })) : [];
    return page(c, c.get('t')('consultations.list.title'), <ListPage items={items} openable={openable} />);
  });

  app.get('/initiatives/:slug/consultations/new', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    authorize(c.get('actor'), consultationPolicy.open, initiative);
    return showNew(c, initiative);
  });

  app.post('/initiatives/:slug/consultations', formAction({
    load: loadInitiative,
    allow: consultationPolicy.open,
    schema: ConsultationSchema,
    run: (ctx, input, initiative) => openConsultation(ctx, { initiative_id: initiative.id, event_id: null, committee: initiative.committee }, input),
    done: (_, { slug }) => withNotice(consultationHref(slug), 'opened'),
    retry: (c, failed, { subject, status }) => showNew(c, subject, failed, status),
  }));
  app.get('/initiatives/:slug/consultations', formAddress((c) => `/initiatives/${c.req.param('slug')}/consultations/new`, 'new-consultation'));

  // An event's organisers open a consultation on it (docs/decisions/040): the same form and command, with the event fixed.
  app.get('/events/:slug/consultations/new', async (c) => {
    const opening = await loadEvent(c);
    if (!opening) return c.notFound();
    authorize(c.get('actor'), consultationPolicy.openForEvent, opening);
    return showNew(c, opening.initiative, undefined, 200, opening.event);
  });

  app.post('/events/:slug/consultations/new', formAction({
    load: loadEvent,
    allow: consultationPolicy.openForEvent,
    schema: ConsultationSchema,
    run: (ctx, input, opening) => openConsultation(ctx, { initiative_id: opening.initiative.id, event_id: opening.event.id, committee: opening.committee }, input),
    done: (_, { slug }) => withNotice(consultationHref(slug), 'opened'),
    retry: (c, failed, { subject, status }) => showNew(c, subject.initiative, failed, status, subject.event),
  }));

  app.get('/consultations/:slug', async (c) => {
    const consultation = await loadConsultation(c);
    return consultation ? showConsultation(c, consultation) : c.notFound();
  });

  app.get('/consultations/:slug/settings', async (c) => {
    const consultation = await loadConsultation(c);
    if (!consultation) return c.notFound();
    authorize(c.get('actor'), consultationPolicy.configure, consultation);
    return showSettings(c, consultation);
  });
  app.post('/consultations/:slug/settings', formAction({
    load: loadConsultation,
    allow: consultationPolicy.configure,
    schema: SettingsSchema,
    run: (ctx, input, consultation) => configure(ctx, consultation, input),
    done: (_, __, { subject }) => withNotice(consultationHref(subject.slug), 'configured'),
    retry: (c, failed, { subject, status }) => showSettings(c, subject, failed, status),
  }));

  app.get('/consultations/:slug/draft', async (c) => {
    const consultation = await loadConsultation(c);
    if (!consultation) return c.notFound();
    authorize(c.get('actor'), consultationPolicy.draft, consultation);
    return showDraft(c, consultation);
  });
  app.post('/consultations/:slug/draft', formAction({
    load: loadConsultation,
    allow: consultationPolicy.draft,
    schema: DraftSchema,
    run: (ctx, input, consultation) => saveDraft(ctx, consultation, input.markdown),
    done: (_, __, { subject }) => withNotice(`${consultationHref(subject.slug)}?view=draft`, 'draft_saved'),
    retry: (c, failed, { subject, status }) => showDraft(c, subject, failed, status),
  }));

  app.post('/consultations/:slug/publish', formAction({
    load: loadConsultation,
    allow: consultationPolicy.draft,
    schema: EmptySchema,
    run: (ctx, _, consultation) => publishVersion(ctx, consultation),
    done: (_, __, { subject }) => withNotice(consultationHref(subject.slug), 'published'),
    retry: (c, failed, { subject, status }) => showDraft(c, subject, failed, status),
  }));
  app.get('/consultations/:slug/publish', formAddress((c) => `${consultationHref(c.req.param('slug')!)}/draft`, 'publish'));

  app.post('/consultations/:slug/versions', formAction({
    load: loadConsultation,
    allow: consultationPolicy.draft,
    schema: EmptySchema,
    run: (ctx, _, consultation) => startVersion(ctx, consultation),
    done: (_, __, { subject }) => withNotice(`${consultationHref(subject.slug)}/draft`, 'version_started'),
    retry: (c, failed, { subject, status }) => refused(c, subject, failed, status),
  }));

  app.get('/consultations/:slug/versions', async (c) => {
    const consultation = await loadConsultation(c);
    if (!consultation) return c.notFound();
    return page(c, c.get('t')('consultations.versions.title', { title: consultation.title }), (
      <VersionsPage c={consultation} versions={await versionsOf(db, consultation.id)} showDrafts={consultationPolicy.viewDraft(c.get('actor'), consultation)} />
    ));
  });

  /** A version the visitor may read: published ones, and the draft for those who prepare it. */
  const readableVersion = async (c: Context<AppEnv>, consultation: Consultation, number: string | undefined) => {
    if (!/^[1-9]\d{0,5}$/.test(number ?? '')) return undefined;
    const version = await findVersion(db, consultation.id, Number(number));
    return version && (version.status === 'published' || consultationPolicy.viewDraft(c.get('actor'), consultation)) ? version : undefined;
  };

  app.get('/consultations/:slug/versions/:n', async (c) => {
    const consultation = await loadConsultation(c);
    const version = consultation ? await readableVersion(c, consultation, c.req.param('n')) : undefined;
    if (!consultation || !version) return c.notFound();
    return page(c, `${consultation.title} (${version.number})`, <VersionPage c={consultation} version={version} />);
  });

  app.get('/consultations/:slug/versions/:n/diff', async (c) => {
    const consultation = await loadConsultation(c);
    const after = consultation ? await readableVersion(c, consultation, c.req.param('n')) : undefined;
    const before = consultation && after && after.number > 1 ? await findVersion(db, consultation.id, after.number - 1) : undefined;
    if (!consultation || !after || !before) return c.notFound();
    return page(c, c.get('t')('consultations.versions.diff', { n: after.number, previous: before.number }), <DiffPage c={consultation} before={before} after={after} />);
  });

  app.get('/consultations/:slug/paragraphs/:anchor', async (c) => {
    const subject = await loadParagraph(c);
    return subject ? showParagraph(c, subject, { replyingTo: c.req.query('reply') }) : c.notFound();
  });

  app.post('/consultations/:slug/paragraphs/:anchor/comments', formAction({
    load: loadParagraph,
    allow: consultationPolicy.participate,
    schema: CommentSchema,
    run: (ctx, input, subject) => addComment(ctx, subject, subject.block.anchor, input),
    done: (_, { id }, { subject }) => withNotice(paragraphHref(subject.slug, subject.block.anchor), 'commented', `comment-${id}`),
    retry: (c, failed, { subject, status }) => showParagraph(c, subject, { comment: failed }, status),
  }));
  app.get('/consultations/:slug/paragraphs/:anchor/comments', formAddress((c) => paragraphHref(c.req.param('slug')!, c.req.param('anchor')!), 'comment'));

  app.post('/consultations/:slug/paragraphs/:anchor/comments/:comment/replies', formAction({
    load: loadParagraph,
    allow: consultationPolicy.participate,
    schema: ReplySchema,
    run: (ctx, input, subject) => addComment(ctx, subject, subject.block.anchor, { body: input.reply, parent: subject.replyTo }),
    done: (_, { id }, { subject }) => withNotice(paragraphHref(subject.slug, subject.block.anchor), 'commented', `comment-${id}`),
    retry: (c, failed, { subject, status }) => showParagraph(c, subject, { reply: failed, replyingTo: subject.replyTo }, status),
  }));
  app.get('/consultations/:slug/paragraphs/:anchor/comments/:comment/replies', async (c) => {
    const subject = await loadParagraph(c);
    return subject ? c.redirect(`${paragraphHref(subject.slug, subject.block.anchor)}?reply=${encodeURIComponent(subject.replyTo)}#reply-form`, 303) : c.notFound();
  });

  app.post('/consultations/:slug/paragraphs/:anchor/amendments', formAction({
    load: loadParagraph,
    allow: consultationPolicy.participate,
    schema: AmendmentSchema,
    run: (ctx, input, subject) => proposeAmendment(ctx, subject, subject.block.anchor, input),
    done: (_, { id }, { subject }) => withNotice(paragraphHref(subject.slug, subject.block.anchor), 'amended', `amendment-${id}`),
    retry: (c, failed, { subject, status }) => showParagraph(c, subject, { amendment: failed }, status),
  }));
  app.get('/consultations/:slug/paragraphs/:anchor/amendments', formAddress((c) => paragraphHref(c.req.param('slug')!, c.req.param('anchor')!), 'amend'));

  /** The paragraph page an amendment's form came from, for its errors. */
  const amendmentParagraph = async (subject: Consultation & { amendment: { id: string; anchor: string } }) => {
    const version = await findVersion(db, subject.id, subject.published_version);
    const block = version?.blocks.find((b) => b.anchor === subject.amendment.anchor);
    return block ? Object.assign(subject, { block, replyTo: '' }) : undefined;
  };

  app.post('/consultations/:slug/amendments/:amendment/endorse', formAction({
    load: loadAmendment,
    allow: consultationPolicy.participate,
    schema: EmptySchema,
    run: (ctx, _, subject) => endorse(ctx, subject, subject.amendment.id),
    done: (_, { anchor }, { subject }) => withNotice(paragraphHref(subject.slug, anchor), 'endorsed', `amendment-${subject.amendment.id}`),
    retry: async (c, failed, { subject, status }) => {
      const paragraph = await amendmentParagraph(subject);
      return paragraph ? showParagraph(c, paragraph, { endorse: { ...failed, amendment: subject.amendment.id } }, status) : c.notFound();
    },
  }));
  app.get('/consultations/:slug/amendments/:amendment/endorse', async (c) => {
    const subject = await loadAmendment(c);
    return subject ? c.redirect(`${paragraphHref(subject.slug, subject.amendment.anchor)}#amendment-${subject.amendment.id}`, 303) : c.notFound();
  });

  app.post('/consultations/:slug/amendments/:amendment/decision', formAction({
    load: loadAmendment,
    allow: consultationPolicy.decide,
    schema: DecisionSchema,
    run: (ctx, input, subject) => decideAmendment(ctx, subject, subject.amendment.id, input),
    done: (_, { anchor }, { subject }) => withNotice(paragraphHref(subject.slug, anchor), 'decided', `amendment-${subject.amendment.id}`),
    retry: async (c, failed, { subject, status }) => {
      const paragraph = await amendmentParagraph(subject);
      return paragraph ? showParagraph(c, paragraph, { decision: { ...failed, amendment: subject.amendment.id } }, status) : c.notFound();
    },
  }));
  app.get('/consultations/:slug/amendments/:amendment/decision', async (c) => {
    const subject = await loadAmendment(c);
    return subject ? c.redirect(`${paragraphHref(subject.slug, subject.amendment.anchor)}#decide-${subject.amendment.id}`, 303) : c.notFound();
  });
}
