import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { commandContext, page } from '../../platform/http/context.ts';
import { readForm, validate, type FieldErrors, type FormValues } from '../../platform/http/forms.ts';
import { authorize } from '../../platform/policy.ts';
import { timestamp } from '../../platform/db/index.ts';
import { hashSecret } from '../../platform/auth/tokens.ts';
import { composeMail } from '../../platform/mail/compose.ts';
import { isLocale } from '../../platform/i18n/index.ts';
import { toCsv } from '../../platform/csv.ts';
import { RateLimiter } from '../../platform/auth/rateLimit.ts';
import {
  CommitteeInviteSchema, DelistSchema, DirectoryQuerySchema, InitiativeCreateSchema, InvitationAnswerSchema, PrinciplesSchema,
  RecognitionDecisionSchema, initiativeFormErrors, initiativeFormToInput,
} from './schema.ts';
import { initiativePolicy } from './policy.ts';
import {
  findInitiativeBySlug, findInvitationByTokenHash, findQueuedRequest, invitationsFor, latestRecognitionRequest, listInitiatives,
  membershipsOf, openInvitations, publicHistory, recognitionQueue, registryOverview, type InitiativeDetail,
} from './queries.ts';
import { readyForRecognition, recognitionCriteria } from './recognition.ts';
import { requestableStatuses } from './vocabulary.ts';
import { createInitiative, updateInitiative } from './commands/saveInitiative.ts';
import { answerInvitation, inviteMember, removeFromCommittee } from './commands/manageCommittee.ts';
import { acceptPrinciples, decideRecognition, delistInitiative, requestRecognition } from './commands/recognize.ts';
import { HomePage } from './views/homePage.tsx';
import { DirectoryPage, directoryPageSize } from './views/directoryPage.tsx';
import { InitiativePage, type InitiativePageProps } from './views/initiativePage.tsx';
import { InitiativeForm } from './views/initiativeForm.tsx';
import { InvitationGonePage, InvitationPage } from './views/invitationPage.tsx';
import { MyInitiativesPage } from './views/myInitiativesPage.tsx';
import { RecognitionQueuePage, RecognitionReviewPage } from './views/recognitionQueuePage.tsx';

/** An initiative as form values, for the edit form. */
function formValues(initiative: InitiativeDetail): FormValues {
  const original = initiative.descriptions.find((d) => d.locale === initiative.original_locale);
  const values: FormValues = {
    name: initiative.name, acronym: initiative.acronym ?? '', type: initiative.type, countries: initiative.countries,
    region: initiative.region ?? '', languages: initiative.languages, year_established: initiative.year_established?.toString() ?? '',
    website: initiative.website ?? '', contact_email: initiative.contact_email, description_locale: initiative.original_locale,
    description: original?.body ?? '',
  };
  for (const d of initiative.descriptions) if (d.locale !== initiative.original_locale) values[`translation_${d.locale}`] = d.body;
  return values;
}

async function loadInitiative(c: Context<AppEnv>): Promise<InitiativeDetail | undefined> {
  return findInitiativeBySlug(c.get('services').db, c.req.param('slug') ?? '');
}

/** Renders an initiative's page, with what the visitor may do there, and any failed form. */
async function showInitiative(c: Context<AppEnv>, initiative: InitiativeDetail, forms?: InitiativePageProps['forms'], status: 200 | 422 | 429 = 200) {
  const { db, clock } = c.get('services');
  const actor = c.get('actor');
  const criteria = recognitionCriteria(initiative);
  const may = (rule: (a: typeof actor, i: InitiativeDetail) => boolean) => rule(actor, initiative);
  const can = {
    edit: may(initiativePolicy.edit),
    seeContacts: may(initiativePolicy.seeCommitteeContacts),
    invite: may(initiativePolicy.invite),
    removeMember: may(initiativePolicy.removeMember),
    leave: may(initiativePolicy.leave),
    acceptPrinciples: may(initiativePolicy.acceptPrinciples),
    requestRecognition:
      may(initiativePolicy.requestRecognition) && readyForRecognition(criteria) && requestableStatuses.includes(initiative.status),
    delist: initiativePolicy.delist(actor, undefined) && initiative.status === 'listed',
  };
  const [invitations, lastDecision, history] = await Promise.all([
    can.invite ? openInvitations(db, initiative.id, timestamp(clock())) : Promise.resolve([]),
    latestRecognitionRequest(db, initiative.id),
    publicHistory(db, initiative.id),
  ]);
  const myMemberId = initiative.committee.find((m) => m.user_id === actor.user?.id)?.id;
  return page(c, initiative.name, (
    <InitiativePage
      initiative={initiative} criteria={criteria} invitations={invitations} lastDecision={lastDecision} history={history}
      can={can} notice={c.req.query('notice')} forms={forms} myMemberId={myMemberId}
    />
  ), status);
}

/** Emails every coordinator of an initiative, each in their own language. */
async function mailCoordinators(c: Context<AppEnv>, initiativeId: string, key: string, values: Record<string, string>) {
  const { db, mailer, config } = c.get('services');
  const coordinators = await db
    .selectFrom('committee_members')
    .innerJoin('users', 'users.id', 'committee_members.user_id')
    .innerJoin('initiatives', 'initiatives.id', 'committee_members.initiative_id')
    .select(['users.email', 'users.locale', 'initiatives.slug', 'initiatives.name'])
    .where('committee_members.initiative_id', '=', initiativeId)
    .where('committee_members.role', '=', 'coordinator')
    .execute();
  for (const coordinator of coordinators) {
    const locale = isLocale(coordinator.locale) ? coordinator.locale : 'en';
    await mailer.send(composeMail(locale, key, coordinator.email, { ...values, name: coordinator.name, link: `${config.baseUrl}/initiatives/${coordinator.slug}` }));
  }
}

export function initiativePages(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  // Invitations send mail with text the inviter chose: a generous ceiling keeps them from spam.
  const invitationLimiter = new RateLimiter(40, 60 * 60_000);

  app.get('/', async (c) => {
    return page(c, c.get('t')('initiatives.home.title'), <HomePage overview={await registryOverview(db)} />);
  });

  app.get('/initiatives', async (c) => {
    const query = DirectoryQuerySchema.parse(c.req.query());
    const [{ total, items }, overview] = await Promise.all([
      listInitiatives(db, query, { limit: directoryPageSize, offset: (query.page - 1) * directoryPageSize }),
      registryOverview(db),
    ]);
    return page(c, c.get('t')('initiatives.directory.title'), <DirectoryPage query={query} total={total} items={items} overview={overview} />);
  });

  app.get('/initiatives.csv', async (c) => {
    const query = DirectoryQuerySchema.parse(c.req.query());
    const { items } = await listInitiatives(db, query, { limit: 100_000, offset: 0 });
    const header = ['slug', 'name', 'acronym', 'type', 'countries', 'region', 'year_established', 'website', 'languages', 'status', 'url'];
    const rows = items.map((i) => [
      i.slug, i.name, i.acronym, i.type, i.countries.join('|'), i.region, i.year_established, i.website, i.languages.join('|'), i.status,
      `${services.config.baseUrl}/initiatives/${i.slug}`,
    ]);
    return c.body(toCsv(header, rows), 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': 'attachment; filename="initiatives.csv"',
    });
  });

  app.get('/initiatives/new', (c) => {
    const t = c.get('t');
    if (c.get('actor').user && !initiativePolicy.create(c.get('actor'), undefined)) {
      // Signed in but unverified: say what to do rather than a bare refusal.
      return page(c, t('initiatives.form.create_title'), (
        <>
          <h1>{t('initiatives.form.create_title')}</h1>
          <p>{t('initiatives.mine.verify_first')} <a href="/account">{t('initiatives.mine.to_account')}</a></p>
        </>
      ), 403);
    }
    authorize(c.get('actor'), initiativePolicy.create, undefined);
    const user = c.get('actor').user!;
    const values = { contact_email: user.email, countries: user.country ? [user.country] : [], description_locale: c.get('locale') };
    return page(c, c.get('t')('initiatives.form.create_title'), <InitiativeForm action="/initiatives" values={values} editing={false} cancel="/my/initiatives" />);
  });

  app.post('/initiatives', async (c) => {
    authorize(c.get('actor'), initiativePolicy.create, undefined);
    const t = c.get('t');
    const values = await readForm(c);
    const parsed = validate(InitiativeCreateSchema, initiativeFormToInput(values), t);
    if (!parsed.ok) {
      return page(c, t('initiatives.form.create_title'), <InitiativeForm action="/initiatives" values={values} errors={initiativeFormErrors(parsed.errors)} editing={false} cancel="/my/initiatives" />, 422);
    }
    const { slug } = await createInitiative(commandContext(c), parsed.data);
    return c.redirect(`/initiatives/${slug}?notice=created`, 303);
  });

  app.get('/initiatives/:slug', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    return showInitiative(c, initiative);
  });

  app.get('/initiatives/:slug/edit', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    authorize(c.get('actor'), initiativePolicy.edit, initiative);
    const href = `/initiatives/${initiative.slug}`;
    return page(c, c.get('t')('initiatives.form.edit_title'), <InitiativeForm action={`${href}/edit`} values={formValues(initiative)} editing cancel={href} />);
  });

  app.post('/initiatives/:slug/edit', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    authorize(c.get('actor'), initiativePolicy.edit, initiative);
    const t = c.get('t');
    const values = await readForm(c);
    const parsed = validate(InitiativeCreateSchema, initiativeFormToInput(values), t);
    const href = `/initiatives/${initiative.slug}`;
    if (!parsed.ok) {
      return page(c, t('initiatives.form.edit_title'), <InitiativeForm action={`${href}/edit`} values={values} errors={initiativeFormErrors(parsed.errors)} editing cancel={href} />, 422);
    }
    await updateInitiative(commandContext(c), initiative.id, parsed.data);
    return c.redirect(`${href}?notice=saved`, 303);
  });

  app.post('/initiatives/:slug/committee/invite', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    authorize(c.get('actor'), initiativePolicy.invite, initiative);
    const values = await readForm(c);
    const parsed = validate(CommitteeInviteSchema, values, c.get('t'));
    if (!parsed.ok) return showInitiative(c, initiative, { invite: { values, errors: parsed.errors } }, 422);
    if (!invitationLimiter.attempt(c.get('actor').user!.id, services.clock().getTime())) {
      return showInitiative(c, initiative, { invite: { values, errors: { _form: c.get('t')('accounts.errors.too_many_attempts') } } }, 429);
    }
    const secret = await inviteMember(commandContext(c), initiative.id, parsed.data);
    const inviter = c.get('actor').user!;
    await services.mailer.send(composeMail(c.get('locale'), 'initiatives.mail.invitation', parsed.data.email, {
      link: `${services.config.baseUrl}/invitations/${secret}`, name: initiative.name, inviter: inviter.name,
    }));
    return c.redirect(`/initiatives/${initiative.slug}?notice=invited#committee-title`, 303);
  });

  app.post('/initiatives/:slug/committee/:member/remove', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    const actor = c.get('actor');
    const memberId = c.req.param('member');
    const leaving = initiative.committee.some((m) => m.id === memberId && m.user_id === actor.user?.id);
    authorize(actor, leaving ? initiativePolicy.leave : initiativePolicy.removeMember, initiative);
    const result = await removeFromCommittee(commandContext(c), initiative.id, memberId);
    if (result === 'not_member') return c.notFound();
    const notice = result === 'last_coordinator' ? 'last_coordinator' : leaving ? 'left' : 'removed';
    return c.redirect(`/initiatives/${initiative.slug}?notice=${notice}`, 303);
  });

  app.post('/initiatives/:slug/principles', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    authorize(c.get('actor'), initiativePolicy.acceptPrinciples, initiative);
    const parsed = validate(PrinciplesSchema, await readForm(c), c.get('t'));
    if (!parsed.ok) return showInitiative(c, initiative, { principles: parsed.errors }, 422);
    await acceptPrinciples(commandContext(c), initiative.id);
    return c.redirect(`/initiatives/${initiative.slug}?notice=principles#recognition-title`, 303);
  });

  app.post('/initiatives/:slug/recognition', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    authorize(c.get('actor'), initiativePolicy.requestRecognition, initiative);
    if (!readyForRecognition(recognitionCriteria(initiative)) || !(await requestRecognition(commandContext(c), initiative.id))) {
      return showInitiative(c, initiative, { recognition: c.get('t')('initiatives.errors.not_ready') }, 422);
    }
    return c.redirect(`/initiatives/${initiative.slug}?notice=requested#recognition-title`, 303);
  });

  app.post('/initiatives/:slug/delist', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    authorize(c.get('actor'), initiativePolicy.delist, undefined);
    const values = await readForm(c);
    const parsed = validate(DelistSchema, values, c.get('t'));
    if (!parsed.ok) return showInitiative(c, initiative, { delist: { values, errors: parsed.errors } }, 422);
    if (await delistInitiative(commandContext(c), initiative.id, parsed.data.reason)) {
      await mailCoordinators(c, initiative.id, 'initiatives.mail.delisted', { reason: parsed.data.reason });
    }
    return c.redirect(`/initiatives/${initiative.slug}?notice=delisted`, 303);
  });

  const invitationGone = (c: Context<AppEnv>) => page(c, c.get('t')('initiatives.invitation.gone_title'), <InvitationGonePage />, 404);

  async function loadInvitation(c: Context<AppEnv>) {
    const token = c.req.param('token') ?? '';
    const invitation = token.length < 100 ? await findInvitationByTokenHash(db, hashSecret(token)) : undefined;
    const open = invitation && invitation.answered_at === null && invitation.expires_at > timestamp(services.clock());
    return open ? { token, invitation } : undefined;
  }

  app.get('/invitations/:token', async (c) => {
    const found = await loadInvitation(c);
    if (!found) return invitationGone(c);
    authorize(c.get('actor'), initiativePolicy.answerInvitation, undefined);
    const { invitation, token } = found;
    return page(c, c.get('t')('initiatives.invitation.title', { name: invitation.initiative_name }), (
      <InvitationPage token={token} initiativeName={invitation.initiative_name} role={invitation.role} />
    ));
  });

  app.post('/invitations/:token', async (c) => {
    const found = await loadInvitation(c);
    if (!found) return invitationGone(c);
    authorize(c.get('actor'), initiativePolicy.answerInvitation, undefined);
    const { invitation, token } = found;
    const values = await readForm(c);
    if (values.answer === 'decline') {
      await answerInvitation(commandContext(c), invitation.id, { accept: false });
      return c.redirect('/my/initiatives', 303);
    }
    const parsed = validate(InvitationAnswerSchema, values, c.get('t'));
    if (!parsed.ok) {
      return page(c, c.get('t')('initiatives.invitation.title', { name: invitation.initiative_name }), (
        <InvitationPage token={token} initiativeName={invitation.initiative_name} role={invitation.role} values={values} errors={parsed.errors} />
      ), 422);
    }
    const result = await answerInvitation(commandContext(c), invitation.id, { accept: true, seat: parsed.data });
    if (result === 'gone') return invitationGone(c);
    if (result === 'role_not_offered') {
      return page(c, c.get('t')('initiatives.invitation.title', { name: invitation.initiative_name }), (
        <InvitationPage token={token} initiativeName={invitation.initiative_name} role={invitation.role} values={values}
          errors={{ role: c.get('t')('common.errors.invalid_choice') }} />
      ), 422);
    }
    return c.redirect(`/initiatives/${invitation.initiative_slug}?notice=joined`, 303);
  });

  app.get('/my/initiatives', async (c) => {
    const actor = c.get('actor');
    authorize(actor, initiativePolicy.seeOwnInitiatives, undefined);
    const [memberships, invitations] = await Promise.all([
      membershipsOf(db, actor.user!.id),
      invitationsFor(db, actor.user!.email, timestamp(services.clock())),
    ]);
    return page(c, c.get('t')('initiatives.mine.title'), <MyInitiativesPage memberships={memberships} invitations={invitations} />);
  });

  app.get('/secretariat/recognition', async (c) => {
    authorize(c.get('actor'), initiativePolicy.reviewRecognition, undefined);
    return page(c, c.get('t')('initiatives.queue.title'), <RecognitionQueuePage queue={await recognitionQueue(db)} notice={c.req.query('notice')} />);
  });

  async function showReview(c: Context<AppEnv>, values?: FormValues, errors?: FieldErrors) {
    const request = await findQueuedRequest(db, c.req.param('id') ?? '');
    if (!request) return c.notFound();
    const initiative = (await findInitiativeBySlug(db, request.slug))!;
    const title = c.get('t')('initiatives.queue.review_title', { name: request.name });
    return page(c, title, <RecognitionReviewPage request={request} criteria={recognitionCriteria(initiative)} values={values} errors={errors} />, errors ? 422 : 200);
  }

  app.get('/secretariat/recognition/:id', async (c) => {
    authorize(c.get('actor'), initiativePolicy.reviewRecognition, undefined);
    return showReview(c);
  });

  app.post('/secretariat/recognition/:id', async (c) => {
    authorize(c.get('actor'), initiativePolicy.reviewRecognition, undefined);
    const values = await readForm(c);
    const parsed = validate(RecognitionDecisionSchema, values, c.get('t'));
    if (!parsed.ok) return showReview(c, values, parsed.errors);
    const initiativeId = await decideRecognition(commandContext(c), c.req.param('id'), parsed.data);
    if (!initiativeId) return c.notFound();
    const approved = parsed.data.decision === 'approve';
    await mailCoordinators(c, initiativeId, approved ? 'initiatives.mail.approved' : 'initiatives.mail.returned', { comments: parsed.data.comments ?? '' });
    return c.redirect(`/secretariat/recognition?notice=${approved ? 'approved' : 'returned'}`, 303);
  });

}
