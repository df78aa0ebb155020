import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Actor, AppEnv, Services } from '../../platform/http/env.ts';
import type { Translate } from '../../platform/i18n/index.ts';
import { page } from '../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../platform/http/action.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/policy.ts';
import { timestamp } from '../../platform/db/index.ts';
import { hashSecret } from '../../platform/auth/tokens.ts';
import { csvLines } from '../../platform/csv.ts';
import { sendStream } from '../../platform/http/delivery.ts';
import { limitRefusal, type WindowLimit } from '../../platform/auth/rateLimit.ts';
import {
  ClaimDecisionSchema, ClaimSchema, CommitteeInviteSchema, DelistSchema, DirectoryQuerySchema, InitiativeCreateSchema, InvitationAnswerSchema, PrinciplesSchema,
  RecognitionDecisionSchema, initiativeFormErrors, initiativeFormToInput, regionFieldValue, regionFromCountries,
} from './schema.ts';
import { initiativePolicy } from './policy.ts';
import {
  committeeContacts, directoryPages, findInitiativeBySlug, findInvitation, findQueuedRequest, invitationsFor,
  hasOpenClaim, latestRecognitionRequest, listInitiatives, membershipsOf, openClaims, openInvitations, recentlyRecognised, recognitionQueue, registryOverview, type InitiativeDetail,
} from './queries.ts';
import { publicHistoryOf } from './history.ts';
import { duplicatesRefusal, likelyDuplicates } from './duplicates.ts';
import { readyForRecognition, recognitionCriteria } from './recognition.ts';
import { requestableStatuses } from './vocabulary.ts';
import { updateInitiative } from './commands/saveInitiative.ts';
import { createWithinLimit } from './limits.ts';
import { answerInvitation, inviteMember, removeFromCommittee, withdrawInvitation } from './commands/manageCommittee.ts';
import { acceptPrinciples, decideRecognition, delistInitiative, requestRecognition } from './commands/recognize.ts';
import { claimDemoEntry, decideClaim } from './commands/claims.ts';
import { HomePage } from './views/homePage.tsx';
import { DirectoryPage, directoryPageSize, pageCount, pageHref } from './views/directoryPage.tsx';
import { InitiativePage, type InitiativeForms } from './views/initiativePage.tsx';
import { InitiativeForm } from './views/initiativeForm.tsx';
import { InvitationGonePage, InvitationNotYoursPage, InvitationPage, InvitationVerifyFirstPage, InvitationWelcomePage } from './views/invitationPage.tsx';
import { MyInitiativesPage } from './views/myInitiativesPage.tsx';
import { coordinatorStep, registrationJourney } from './journey.ts';
import { JourneySteps } from '../../platform/views/journeySteps.tsx';
import { Notice, PostForm } from '../../platform/views/components.tsx';
import { ClaimReviewPage, RecognitionQueuePage, RecognitionReviewPage } from './views/recognitionQueuePage.tsx';

const noFields = z.object({});

/** An initiative as form values, for the edit form. */
function formValues(initiative: InitiativeDetail): FormValues {
  const original = initiative.descriptions.find((d) => d.locale === initiative.original_locale);
  const values: FormValues = {
    name: initiative.name, acronym: initiative.acronym ?? '', type: initiative.type, countries: initiative.countries,
    region: regionFieldValue(initiative.region, initiative.countries), languages: initiative.languages, year_established: initiative.year_established?.toString() ?? '',
    website: initiative.website ?? '', contact_email: initiative.contact_email, description_locale: initiative.original_locale,
    description: original?.body ?? '',
  };
  for (const d of initiative.descriptions) if (d.locale !== initiative.original_locale) values[`translation_${d.locale}`] = d.body;
  return values;
}

const pathOf = (initiative: { slug: string }) => `/initiatives/${initiative.slug}`;

/** Invitations send mail with text the inviter chose: a generous ceiling keeps them from spam. */
const invitationsPerAccount: WindowLimit = { name: 'invitations.account', limit: 40, windowMs: 60 * 60_000 };

export function initiativePages(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const taxonomy = config.stakeholders;
  const loadInitiative = (c: Context<AppEnv>) => findInitiativeBySlug(db, c.req.param('slug') ?? '');

  /** The modules' pages about this initiative that this visitor finds something on. */
  async function linksFor(actor: Actor, initiative: InitiativeDetail, t: Translate) {
    const shown = await Promise.all(services.initiativeLinks.map((link) => link.shown(db, actor, initiative)));
    return services.initiativeLinks.filter((_, i) => shown[i]).map((link) => ({ href: link.path(initiative.slug), label: t(link.label) }));
  }

  /** Renders an initiative's page, with what the visitor may do there, and any failed form. */
  async function showInitiative(c: Context<AppEnv>, initiative: InitiativeDetail, forms: InitiativeForms = {}, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const criteria = recognitionCriteria(initiative, taxonomy, services.clock());
    const may = (rule: (a: Actor, i: InitiativeDetail) => boolean) => rule(actor, initiative);
    const can = {
      edit: may(initiativePolicy.edit),
      seeContacts: may(initiativePolicy.seeCommitteeContacts),
      invite: may(initiativePolicy.invite),
      removeMember: may(initiativePolicy.removeMember),
      leave: may(initiativePolicy.leave),
      acceptPrinciples: may(initiativePolicy.acceptPrinciples),
      requestRecognition: may(initiativePolicy.requestRecognition) && readyForRecognition(criteria) && requestableStatuses.includes(initiative.status),
      delist: initiativePolicy.delist(actor, initiative) && initiative.status === 'listed',
      claim: may(initiativePolicy.claim),
    };
    const [invitations, lastDecision, history, contacts, claimWaiting, moduleLinks] = await Promise.all([
      can.invite ? openInvitations(db, initiative.id, timestamp(services.clock())) : Promise.resolve([]),
      latestRecognitionRequest(db, initiative.id),
      publicHistoryOf(db, initiative.id),
      can.seeContacts ? committeeContacts(db, initiative.committee) : Promise.resolve(undefined),
      can.claim ? hasOpenClaim(db, initiative.id, actor.user!.id) : Promise.resolve(false),
      linksFor(actor, initiative, c.get('t')),
    ]);
    const myMemberId = initiative.committee.find((m) => m.user_id === actor.user?.id)?.id;
    // A coordinator on the way to a first recognition request sees where they are on it.
    const onTheWay = initiativePolicy.requestRecognition(actor, initiative) && initiative.status === 'draft';
    return page(c, initiative.name, (
      <>
      {onTheWay && <JourneySteps journey={registrationJourney.key} at={coordinatorStep(criteria)} />}
      <InitiativePage
        initiative={initiative} criteria={criteria} invitations={invitations} lastDecision={lastDecision} history={history}
        contacts={contacts} can={can} notice={c.req.query('notice')} forms={forms} myMemberId={myMemberId} claimWaiting={claimWaiting} moduleLinks={moduleLinks}
      />
      </>
    ), status);
  }

  /** The steps every form on an initiative's page shares: find it, and show it again with a failed form. */
  const onInitiativePage = (form: keyof InitiativeForms) => ({
    load: loadInitiative,
    retry: (c: Context<AppEnv>, failed: FailedForm, { subject, status }: { subject: InitiativeDetail; status: FailedStatus }) =>
      showInitiative(c, subject, { [form]: failed }, status),
  });

  app.get('/', async (c) => {
    const [overview, recent] = await Promise.all([registryOverview(db), recentlyRecognised(db)]);
    return page(c, c.get('t')('initiatives.home.title'), <HomePage overview={overview} recent={recent} />);
  });

  app.get('/initiatives', async (c) => {
    const query = DirectoryQuerySchema.parse(c.req.query());
    const [{ total, items }, overview] = await Promise.all([
      listInitiatives(db, query, { limit: directoryPageSize, offset: (query.page - 1) * directoryPageSize }),
      registryOverview(db),
    ]);
    // A page past the end (an old link, a typed number) goes to the last page there is.
    if (query.page > pageCount(total)) return c.redirect(pageHref(query, pageCount(total)), 302);
    return page(c, c.get('t')('initiatives.directory.title'), <DirectoryPage query={query} total={total} items={items} overview={overview} />);
  });

  app.get('/initiatives.csv', (c) => {
    const query = DirectoryQuerySchema.parse(c.req.query());
    const header = ['slug', 'name', 'acronym', 'type', 'countries', 'region', 'year_established', 'website', 'languages', 'status', 'url'];
    // Streamed page by page: the whole registry may be asked for, and it may be large.
    async function* lines() {
      yield csvLines([header]);
      for await (const items of directoryPages(db, query)) {
        yield csvLines(items.map((i) => [
          i.slug, i.name, i.acronym, i.type, i.countries.join('|'), i.region, i.year_established, i.website, i.languages.join('|'), i.status,
          `${config.baseUrl}${pathOf(i)}`,
        ]));
      }
    }
    return sendStream(c, lines(), {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': 'attachment; filename="initiatives.csv"',
    });
  });

  /** The creation form; after a duplicate warning, the similar initiatives with their addresses (a demo entry's, to claim it). */
  const creationForm = async (c: Context<AppEnv>, values: FormValues, failed?: FailedForm, status: 200 | FailedStatus = 200) => {
    const typed = failed?.values ?? values;
    const one = (name: string) => [typed[name] ?? ''].flat()[0] ?? '';
    const duplicates = status === 409
      ? await likelyDuplicates(db, { name: one('name'), acronym: one('acronym'), type: one('type'), countries: [typed.countries ?? []].flat() })
      : [];
    return page(c, c.get('t')('initiatives.form.create_title'), (
      <>
        <JourneySteps journey={registrationJourney.key} at="initiative" />
        <InitiativeForm action="/initiatives" values={typed} errors={failed?.errors} editing={false} cancel="/my/initiatives" offerCreateAnyway={status === 409} duplicates={duplicates} />
      </>
    ), status);
  };

  app.get('/initiatives/new', (c) => {
    const t = c.get('t');
    const actor = c.get('actor');
    if (actor.user && !initiativePolicy.create(actor, undefined)) {
      // Signed in but unverified: say what to do rather than a bare refusal.
      return page(c, t('initiatives.form.create_title'), (
        <>
          <JourneySteps journey={registrationJourney.key} at="verify" />
          <h1>{t('initiatives.form.create_title')}</h1>
          <Notice message={c.req.query('notice') === 'check_email' ? t('initiatives.invitation.link_sent') : undefined} />
          <p>{t('initiatives.mine.verify_first')} {t('initiatives.steps.verify_hint')}</p>
          <PostForm action={`/account/verification?next=${encodeURIComponent('/initiatives/new')}`}>
            <button type="submit">{t('initiatives.invitation.resend')}</button>
          </PostForm>
          <p><a href="/account">{t('initiatives.mine.to_account')}</a></p>
        </>
      ), 403);
    }
    authorize(actor, initiativePolicy.create, undefined);
    const { user } = actor;
    return creationForm(c, { contact_email: user.email, countries: user.country ? [user.country] : [], region: regionFromCountries, description_locale: c.get('locale') });
  });

  app.post('/initiatives', formAction({
    allow: initiativePolicy.create,
    schema: InitiativeCreateSchema.and(z.object({ create_anyway: z.literal('on').optional() })),
    fromForm: (values) => ({ ...initiativeFormToInput(values), create_anyway: values.create_anyway }),
    toFields: initiativeFormErrors,
    run: async (ctx, input) => {
      // A likely second entry for an initiative already here is said before it exists; the person may still go on.
      const duplicates = input.create_anyway ? null : await duplicatesRefusal(ctx.db, input, config.baseUrl);
      if (duplicates) return duplicates;
      return createWithinLimit(services.limits)(ctx, input);
    },
    done: (_, created) => withNotice(pathOf(created), 'created'),
    retry: (c, failed, { status }) => creationForm(c, failed.values, failed, status),
  }));

  app.get('/initiatives/:slug', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    return showInitiative(c, initiative);
  });

  const editForm = (c: Context<AppEnv>, initiative: InitiativeDetail, failed?: FailedForm, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')('initiatives.form.edit_title'), (
      <InitiativeForm action={`${pathOf(initiative)}/edit`} values={failed?.values ?? formValues(initiative)} errors={failed?.errors} editing cancel={pathOf(initiative)} />
    ), status);

  app.get('/initiatives/:slug/edit', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    authorize(c.get('actor'), initiativePolicy.edit, initiative);
    return editForm(c, initiative);
  });

  app.post('/initiatives/:slug/edit', formAction({
    load: loadInitiative,
    allow: initiativePolicy.edit,
    schema: InitiativeCreateSchema,
    fromForm: initiativeFormToInput,
    toFields: initiativeFormErrors,
    run: (ctx, input, initiative) => updateInitiative(ctx, initiative.id, input),
    done: (_, __, { subject }) => withNotice(pathOf(subject), 'saved'),
    retry: (c, failed, { subject, status }) => editForm(c, subject, failed, status),
  }));

  app.post('/initiatives/:slug/committee/invite', formAction({
    ...onInitiativePage('invite'),
    allow: initiativePolicy.invite,
    limit: async (_, actor) => limitRefusal(await services.limits.count(invitationsPerAccount, actor.user.id)),
    schema: CommitteeInviteSchema,
    run: (ctx, input, initiative) => inviteMember(ctx, initiative.id, input),
    done: (_, __, { subject }) => withNotice(pathOf(subject), 'invited', 'committee-title'),
  }));

  app.post('/initiatives/:slug/invitations/:invitation/withdraw', formAction({
    load: async (c) => {
      const initiative = await loadInitiative(c);
      return initiative && { initiative, invitationId: c.req.param('invitation') ?? '' };
    },
    allow: initiativePolicy.withdrawInvitation,
    schema: noFields,
    run: (ctx, _, { initiative, invitationId }) => withdrawInvitation(ctx, initiative.id, invitationId),
    done: (_, __, { subject }) => withNotice(pathOf(subject.initiative), 'withdrawn', 'committee-title'),
    retry: (c, failed, { subject, status }) => showInitiative(c, subject.initiative, { invite: failed }, status),
  }));

  app.post('/initiatives/:slug/committee/:member/remove', formAction({
    load: async (c) => {
      const initiative = await loadInitiative(c);
      return initiative && { initiative, memberId: c.req.param('member') ?? '' };
    },
    allow: initiativePolicy.removeFromCommittee,
    schema: noFields,
    run: (ctx, _, { initiative, memberId }) => removeFromCommittee(ctx, initiative.id, memberId),
    done: (_, outcome, { subject }) => withNotice(pathOf(subject.initiative), outcome, 'committee-title'),
    retry: (c, failed, { subject, status }) => showInitiative(c, subject.initiative, { committee: failed }, status),
  }));

  app.post('/initiatives/:slug/principles', formAction({
    ...onInitiativePage('principles'),
    allow: initiativePolicy.acceptPrinciples,
    schema: PrinciplesSchema,
    run: (ctx, _, initiative) => acceptPrinciples(ctx, initiative.id),
    done: (_, __, { subject }) => withNotice(pathOf(subject), 'principles', 'recognition-title'),
  }));

  app.post('/initiatives/:slug/recognition', formAction({
    ...onInitiativePage('recognition'),
    allow: initiativePolicy.requestRecognition,
    schema: noFields,
    run: (ctx, _, initiative) => requestRecognition(ctx, initiative.id, taxonomy),
    done: (_, __, { subject }) => withNotice(pathOf(subject), 'requested', 'recognition-title'),
  }));

  app.post('/initiatives/:slug/delist', formAction({
    ...onInitiativePage('delist'),
    allow: initiativePolicy.delist,
    schema: DelistSchema,
    run: (ctx, input, initiative) => delistInitiative(ctx, initiative.id, input.reason),
    done: (_, __, { subject }) => withNotice(pathOf(subject), 'delisted'),
  }));

  app.post('/initiatives/:slug/claim', formAction({
    ...onInitiativePage('claim'),
    allow: initiativePolicy.claim,
    schema: ClaimSchema,
    run: (ctx, input, initiative) => claimDemoEntry(ctx, initiative.id, input.justification),
    done: (_, __, { subject }) => withNotice(pathOf(subject), 'claimed', 'claim'),
  }));

  // The addresses the page's forms post to show the page at the form (a reload after a failed post).
  const initiativeAt = (c: Context<AppEnv>) => `/initiatives/${encodeURIComponent(c.req.param('slug') ?? '')}`;
  app.get('/initiatives/:slug/committee/invite', formAddress(initiativeAt, 'invite'));
  app.get('/initiatives/:slug/committee/:member/remove', formAddress(initiativeAt, 'committee-title'));
  app.get('/initiatives/:slug/principles', formAddress(initiativeAt, 'principles'));
  app.get('/initiatives/:slug/recognition', formAddress(initiativeAt, 'recognition-title'));
  app.get('/initiatives/:slug/delist', formAddress(initiativeAt, 'delist'));
  app.get('/initiatives/:slug/claim', formAddress(initiativeAt, 'claim'));

  const invitationGone = (c: Context<AppEnv>) =>
    page(c, c.get('t')('initiatives.invitation.gone_title'), <InvitationGonePage loginPath={c.get('actor').user ? undefined : c.req.path} />, 404);

  /**
   * An invitation still open: by the secret in its emailed link, or by its id for the account
   * with the invited address (the links in My initiatives and in notifications).
   */
  async function loadInvitation(c: Context<AppEnv>) {
    const key = c.req.param('key') ?? '';
    if (key.length === 0 || key.length >= 100) return undefined;
    const user = c.get('actor').user;
    const invitation = (await findInvitation(db, { tokenHash: hashSecret(key) })) ?? (user ? await findInvitation(db, { id: key, email: user.email }) : undefined);
    const open = invitation && invitation.answered_at === null && invitation.expires_at > timestamp(services.clock());
    return open ? { key, invitation } : undefined;
  }
  type OpenInvitation = NonNullable<Awaited<ReturnType<typeof loadInvitation>>>;

  const invitationPage = (c: Context<AppEnv>, { key, invitation }: OpenInvitation, failed?: FailedForm, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')('initiatives.invitation.title', { name: invitation.initiative_name }), (
      <InvitationPage invitationKey={key} invitation={invitation} values={failed?.values} errors={failed?.errors} />
    ), status);

  app.get('/invitations/:key', async (c) => {
    const t = c.get('t');
    const found = await loadInvitation(c);
    if (!found) return invitationGone(c);
    const { user } = c.get('actor');
    if (initiativePolicy.answerInvitation(c.get('actor'), found)) return invitationPage(c, found);
    const title = t('initiatives.invitation.title', { name: found.invitation.initiative_name });
    if (!user) return page(c, title, <InvitationWelcomePage invitationKey={found.key} invitation={found.invitation} />);
    // Signed in, but not (yet) as the verified owner of the invited address: no details. Right after
    // signing up from the invitation this is the expected next step, not an error.
    if (user.email === found.invitation.email) {
      return page(c, t('initiatives.invitation.verify_title'), <InvitationVerifyFirstPage invitationKey={found.key} notice={c.req.query('notice')} />);
    }
    return page(c, t('initiatives.invitation.not_yours_title'), <InvitationNotYoursPage />, 403);
  });

  app.post('/invitations/:key', formAction({
    load: loadInvitation,
    missing: invitationGone,
    allow: initiativePolicy.answerInvitation,
    schema: InvitationAnswerSchema,
    run: (ctx, input, { invitation }) =>
      answerInvitation(ctx, invitation.id, input.answer === 'decline' ? { accept: false } : { accept: true, seat: input }),
    done: (_, outcome, { subject }) => (outcome === 'declined' ? '/my/initiatives' : withNotice(`/initiatives/${subject.invitation.initiative_slug}`, 'joined')),
    retry: (c, failed, { subject, status }) => invitationPage(c, subject, failed, status),
  }));

  app.get('/my/initiatives', async (c) => {
    const actor = c.get('actor');
    authorize(actor, initiativePolicy.seeOwnInitiatives, undefined);
    const [memberships, invitations] = await Promise.all([
      membershipsOf(db, actor.user.id),
      // Only the verified owner of an address sees what it was invited to.
      actor.user.email_verified_at ? invitationsFor(db, actor.user.email, timestamp(services.clock())) : Promise.resolve([]),
    ]);
    return page(c, c.get('t')('initiatives.mine.title'), <MyInitiativesPage memberships={memberships} invitations={invitations} />);
  });

  app.get('/secretariat/recognition', async (c) => {
    authorize(c.get('actor'), initiativePolicy.reviewRecognition, undefined);
    const [queue, claims] = await Promise.all([recognitionQueue(db), openClaims(db)]);
    return page(c, c.get('t')('initiatives.queue.title'), <RecognitionQueuePage queue={queue} claims={claims} notice={c.req.query('notice')} />);
  });

  const loadRequest = (c: Context<AppEnv>) => findQueuedRequest(db, c.req.param('id') ?? '');
  type Request = NonNullable<Awaited<ReturnType<typeof loadRequest>>>;

  async function showReview(c: Context<AppEnv>, request: Request, failed?: FailedForm, status: 200 | FailedStatus = 200) {
    const initiative = (await findInitiativeBySlug(db, request.slug))!;
    const title = c.get('t')('initiatives.queue.review_title', { name: request.name });
    return page(c, title, <RecognitionReviewPage request={request} criteria={recognitionCriteria(initiative, taxonomy, services.clock())} committee={initiative.committee} values={failed?.values} errors={failed?.errors} />, status);
  }

  app.get('/secretariat/recognition/:id', async (c) => {
    authorize(c.get('actor'), initiativePolicy.reviewRecognition, undefined);
    const request = await loadRequest(c);
    return request ? showReview(c, request) : c.notFound();
  });

  app.post('/secretariat/recognition/:id', formAction({
    load: loadRequest,
    allow: initiativePolicy.reviewRecognition,
    authorizeBeforeLoading: true,
    schema: RecognitionDecisionSchema,
    run: (ctx, input, request) => decideRecognition(ctx, request.id, input, taxonomy),
    done: (_, __, { input }) => `/secretariat/recognition?notice=${input.decision === 'approve' ? 'approved' : 'returned'}`,
    retry: (c, failed, { subject, status }) => showReview(c, subject, failed, status),
  }));

  const loadClaim = async (c: Context<AppEnv>) => (await openClaims(db, c.req.param('id') ?? ''))[0];
  type Claim = NonNullable<Awaited<ReturnType<typeof loadClaim>>>;
  const claimReview = (c: Context<AppEnv>, claim: Claim, failed?: FailedForm, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')('initiatives.claim.review_title', { name: claim.name }), <ClaimReviewPage claim={claim} values={failed?.values} errors={failed?.errors} />, status);

  app.get('/secretariat/claims/:id', async (c) => {
    authorize(c.get('actor'), initiativePolicy.decideClaim, undefined);
    const claim = await loadClaim(c);
    return claim ? claimReview(c, claim) : c.notFound();
  });

  app.post('/secretariat/claims/:id', formAction({
    load: loadClaim,
    allow: initiativePolicy.decideClaim,
    authorizeBeforeLoading: true,
    schema: ClaimDecisionSchema,
    run: (ctx, input, claim) => decideClaim(ctx, claim.id, input),
    done: (_, decision) => `/secretariat/recognition?notice=claim_${decision}`,
    retry: (c, failed, { subject, status }) => claimReview(c, subject, failed, status),
  }));
}
