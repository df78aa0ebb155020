import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { page } from '../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../platform/http/action.ts';
import { authorize } from '../../platform/policy.ts';
import { findInitiativeBySlug, membershipsOf, type InitiativeDetail } from '../initiatives/index.ts';
import { topicLabel, topicList } from '../events/index.ts';
import { progressOf } from '../toolkit/index.ts';
import { answerRequest, decideMatch, leaveFeedback, logMeeting, makeRequest, saveOffer, setApprovalRequired, setConsent, setGoals, setOfferStatus, withdrawRequest } from './commands.ts';
import { mentoringPolicy, sideOf } from './policy.ts';
import {
  approvalRequired, findMentorship, meetingsOf, mentorshipsOf, offerOf, offersById, openOffers, openRequestStatuses, pendingApprovals, placeTakingStatuses,
  publicMentorships, requestsOf, requestsOfferedTo, suggestionsFor, type MentorshipDetail,
} from './queries.ts';
import {
  AnswerSchema, ConsentSchema, DecisionSchema, FeedbackSchema, GoalsSchema, MeetingSchema, OfferSchema, OfferStatusSchema, RequestSchema, SettingsSchema, WithdrawSchema,
  preferencesFromForm,
} from './schema.ts';
import { AnswerPage, FindPage, HubPage, MentorshipPage, PublicPage, SecretariatPage, hubHref, mentorshipHref, type HubForms, type MentorshipForms } from './views.tsx';

type WithId = InitiativeDetail & { itemId: string };

/** A request's form fields are numbered choices; the schema's errors name positions in the list. */
/** Each chosen language, region, topic or step is checked on its own (`languages.2`); the form has one field for each list. */
const listFields = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([field, message]) => [field.replace(/\.\d+$/, ''), message]));

const choiceFields = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([field, message]) => {
  const at = /^preferences(?:\.(\d+))?$/.exec(field);
  return [at ? `choice_${Number(at[1] ?? 0) + 1}` : field, message];
}));

export function mentoringPages(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  const today = () => services.clock().toISOString().slice(0, 10);

  async function topicNames(c: Context<AppEnv>) {
    const all = await topicList(db, { withRetired: true });
    const t = c.get('t');
    const locale = c.get('locale');
    const byKey = new Map(all.map((topic) => [topic.key, topicLabel(topic, t, locale)]));
    return { offered: all.filter((topic) => !topic.retired).map((topic) => ({ value: topic.key, label: byKey.get(topic.key)! })), name: (key: string) => byKey.get(key) ?? key };
  }

  const loadInitiative = (c: Context<AppEnv>) => findInitiativeBySlug(db, c.req.param('slug') ?? '');
  const loadWithId = async (c: Context<AppEnv>): Promise<WithId | undefined> => {
    const initiative = await loadInitiative(c);
    return initiative ? Object.assign(initiative, { itemId: c.req.param('request') ?? c.req.param('id') ?? '' }) : undefined;
  };
  /** A mentorship the visitor may see; to others it does not exist. */
  const loadMentorship = async (c: Context<AppEnv>): Promise<MentorshipDetail | undefined> => {
    const found = await findMentorship(db, c.req.param('id') ?? '');
    return found && mentoringPolicy.viewMentorship(c.get('actor'), found) ? found : undefined;
  };

  async function showHub(c: Context<AppEnv>, initiative: InitiativeDetail, forms: HubForms = {}, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const [offer, requests, mentorships, topics] = await Promise.all([offerOf(db, initiative.id), requestsOf(db, initiative.id), mentorshipsOf(db, initiative.id), topicNames(c)]);
    const [offersAsked, incoming] = await Promise.all([offersById(db, requests.flatMap((r) => r.preferences)), offer ? requestsOfferedTo(db, offer.id) : Promise.resolve([])]);
    return page(c, c.get('t')('mentoring.hub.title', { name: initiative.name }), (
      <HubPage initiative={initiative} offer={offer} requests={requests} offersAsked={offersAsked} incoming={incoming} mentorships={mentorships}
        topics={topics.offered} topicName={topics.name} forms={forms} notice={c.req.query('notice')}
        can={{ offer: mentoringPolicy.offer(actor, initiative), request: mentoringPolicy.request(actor, initiative), answer: mentoringPolicy.answer(actor, initiative) }} />
    ), status);
  }

  /** Why a newcomer cannot ask now (a request already open, or a mentor already), as a message key; null when it can. */
  async function blockedFrom(initiative: InitiativeDetail): Promise<string | null> {
    const [requests, mentorships] = await Promise.all([requestsOf(db, initiative.id), mentorshipsOf(db, initiative.id)]);
    if (requests.some((r) => (openRequestStatuses as readonly string[]).includes(r.status))) return 'mentoring.errors.request_open';
    if (mentorships.some((m) => m.mentee.id === initiative.id && (placeTakingStatuses as readonly string[]).includes(m.status))) return 'mentoring.errors.already_mentored';
    return null;
  }

  async function showFind(c: Context<AppEnv>, initiative: InitiativeDetail, form: FailedForm = { values: {}, errors: {} }, status: 200 | FailedStatus = 200) {
    const progress = await progressOf(db, initiative, { now: services.clock(), stakeholders: services.config.stakeholders });
    const openSteps = progress.steps.filter((s) => s.state === 'open').map((s) => s.key);
    const [suggestions, blocked, topics] = await Promise.all([
      suggestionsFor(db, { id: initiative.id, languages: initiative.languages, region: initiative.region, type: initiative.type, openSteps }), blockedFrom(initiative), topicNames(c),
    ]);
    return page(c, c.get('t')('mentoring.find.title'), (
      <FindPage initiative={initiative} progress={progress} suggestions={suggestions} blocked={status === 200 ? blocked : null} form={form} topicName={topics.name} />
    ), status);
  }

  async function showMentorship(c: Context<AppEnv>, m: MentorshipDetail, forms: MentorshipForms = {}, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const user = actor.user;
    const onSide = user ? [m.mentor, m.mentee].find((s) => s.committee.some((seat) => seat.user_id === user.id)) : undefined;
    const side = user && onSide ? sideOf(user, m) : null;
    const mentorCoordinator = user !== null && m.mentor.committee.some((seat) => seat.user_id === user.id && seat.role === 'coordinator');
    return page(c, c.get('t')('mentoring.mentorship.pair', { mentor: m.mentor.name, mentee: m.mentee.name }), (
      <MentorshipPage m={m} meetings={await meetingsOf(db, m.id)} side={side} backTo={onSide ? { href: hubHref(onSide.slug), name: onSide.name } : null} forms={forms}
        notice={c.req.query('notice')} today={today()}
        can={{ work: mentoringPolicy.work(actor, m), speak: mentoringPolicy.speak(actor, m), readNotes: mentoringPolicy.readNotes(actor, m), seeProgress: mentorCoordinator && m.status === 'active' }} />
    ), status);
  }

  /** A request waiting on this initiative's answer. */
  async function requestAnswerable(subject: WithId) {
    const offer = await offerOf(db, subject.id);
    return offer ? (await requestsOfferedTo(db, offer.id)).find((r) => r.id === subject.itemId) : undefined;
  }

  function showAnswer(c: Context<AppEnv>, mentor: InitiativeDetail, request: Awaited<ReturnType<typeof requestAnswerable>>, form: FailedForm = { values: {}, errors: {} }, status: 200 | FailedStatus = 200) {
    const t = c.get('t');
    return page(c, request ? t('mentoring.answer.title', { name: request.initiative.name }) : t('mentoring.answer.title_gone'), <AnswerPage mentor={mentor} request={request} form={form} />, status);
  }

  async function showSecretariat(c: Context<AppEnv>, forms: Parameters<typeof SecretariatPage>[0]['forms'] = {}, status: 200 | FailedStatus = 200) {
    const [required, pending] = await Promise.all([approvalRequired(db), pendingApprovals(db)]);
    return page(c, c.get('t')('mentoring.secretariat.title'), <SecretariatPage required={required} pending={pending} forms={forms} notice={c.req.query('notice')} />, status);
  }

  app.get('/mentoring', async (c) => {
    const actor = c.get('actor');
    authorize(actor, mentoringPolicy.readPublic, undefined);
    const [offers, mentorships, mine, topics] = await Promise.all([openOffers(db), publicMentorships(db), actor.user ? membershipsOf(db, actor.user.id) : Promise.resolve([]), topicNames(c)]);
    return page(c, c.get('t')('mentoring.public.title'), <PublicPage offers={offers} mentorships={mentorships} mine={mine} topicName={topics.name} />);
  });

  app.get('/initiatives/:slug/mentoring', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    authorize(c.get('actor'), mentoringPolicy.viewInitiative, initiative);
    return showHub(c, initiative);
  });

  app.post('/initiatives/:slug/mentoring/offer', formAction({
    load: loadInitiative,
    allow: mentoringPolicy.offer,
    schema: OfferSchema,
    toFields: listFields,
    run: (ctx, input, initiative) => saveOffer(ctx, initiative, input),
    done: (_, __, { subject }) => withNotice(hubHref(subject.slug), 'offer_saved', 'offer'),
    retry: (c, form, { subject, status }) => showHub(c, subject, { offer: form }, status),
  }));
  app.get('/initiatives/:slug/mentoring/offer', formAddress((c) => hubHref(c.req.param('slug')!), 'offer'));

  app.post('/initiatives/:slug/mentoring/offer/status', formAction({
    load: loadInitiative,
    allow: mentoringPolicy.offer,
    schema: OfferStatusSchema,
    run: (ctx, input, initiative) => setOfferStatus(ctx, initiative, input.status),
    done: (_, __, { subject, input }) => withNotice(hubHref(subject.slug), `offer_${input.status}`, 'offer'),
    retry: (c, form, { subject, status }) => showHub(c, subject, { status: form }, status),
  }));
  app.get('/initiatives/:slug/mentoring/offer/status', formAddress((c) => hubHref(c.req.param('slug')!), 'offer'));

  app.get('/initiatives/:slug/mentoring/find', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    authorize(c.get('actor'), mentoringPolicy.request, initiative);
    return showFind(c, initiative);
  });

  app.post('/initiatives/:slug/mentoring/requests', formAction({
    load: loadInitiative,
    allow: mentoringPolicy.request,
    schema: RequestSchema,
    fromForm: preferencesFromForm,
    toFields: choiceFields,
    run: (ctx, input, initiative) => makeRequest(ctx, initiative, input),
    done: (_, { routed }, { subject }) => withNotice(hubHref(subject.slug), routed === 'offered' ? 'requested' : 'request_waiting', 'requests'),
    retry: (c, form, { subject, status }) => showFind(c, subject, form, status),
  }));
  app.get('/initiatives/:slug/mentoring/requests', formAddress((c) => `${hubHref(c.req.param('slug')!)}/find`, 'request'));

  app.post('/initiatives/:slug/mentoring/requests/:request/withdraw', formAction({
    load: loadWithId,
    allow: mentoringPolicy.request,
    schema: WithdrawSchema,
    run: (ctx, _, subject) => withdrawRequest(ctx, subject, subject.itemId),
    done: (_, __, { subject }) => withNotice(hubHref(subject.slug), 'request_withdrawn', 'requests'),
    retry: (c, form, { subject, status }) => showHub(c, subject, { withdraw: { id: subject.itemId, form } }, status),
  }));
  app.get('/initiatives/:slug/mentoring/requests/:request/withdraw', formAddress((c) => hubHref(c.req.param('slug')!), 'requests'));

  app.post('/initiatives/:slug/mentoring/requests/:request/answer', formAction({
    load: loadWithId,
    allow: mentoringPolicy.answer,
    schema: AnswerSchema,
    run: (ctx, input, subject) => answerRequest(ctx, subject, subject.itemId, input),
    done: (_, { mentorship }, { subject }) => (mentorship ? withNotice(mentorshipHref(mentorship), 'accepted') : withNotice(hubHref(subject.slug), 'declined', 'incoming')),
    retry: async (c, form, { subject, status }) => showAnswer(c, subject, await requestAnswerable(subject), form, status),
  }));
  app.get('/initiatives/:slug/mentoring/requests/:request/answer', async (c) => {
    const subject = await loadWithId(c);
    if (!subject) return c.notFound();
    authorize(c.get('actor'), mentoringPolicy.answer, subject);
    const request = await requestAnswerable(subject);
    return request ? showAnswer(c, subject, request) : c.notFound();
  });

  app.get('/mentorships/:id', async (c) => {
    const m = await loadMentorship(c);
    return m ? showMentorship(c, m) : c.notFound();
  });

  const backToMentorship = (anchor: string) => formAddress((c) => mentorshipHref(c.req.param('id')!), anchor);

  app.post('/mentorships/:id/goals', formAction({
    load: loadMentorship,
    allow: mentoringPolicy.work,
    schema: GoalsSchema,
    run: (ctx, input, m) => setGoals(ctx, m, input.goals),
    done: (_, __, { subject }) => withNotice(mentorshipHref(subject.id), 'goals_saved', 'goals'),
    retry: (c, form, { subject, status }) => showMentorship(c, subject, { goals: form }, status),
  }));
  app.get('/mentorships/:id/goals', backToMentorship('goals'));

  app.post('/mentorships/:id/meetings', formAction({
    load: loadMentorship,
    allow: mentoringPolicy.work,
    schema: MeetingSchema,
    run: (ctx, input, m) => logMeeting(ctx, m, input),
    done: (_, __, { subject }) => withNotice(mentorshipHref(subject.id), 'meeting_logged', 'meetings'),
    retry: (c, form, { subject, status }) => showMentorship(c, subject, { meeting: form }, status),
  }));
  app.get('/mentorships/:id/meetings', backToMentorship('meetings'));

  app.post('/mentorships/:id/consent', formAction({
    load: loadMentorship,
    allow: mentoringPolicy.speak,
    schema: ConsentSchema,
    run: (ctx, input, m) => setConsent(ctx, m, input.consent),
    done: (_, __, { subject }) => withNotice(mentorshipHref(subject.id), 'consent_saved', 'listing'),
    retry: (c, form, { subject, status }) => showMentorship(c, subject, { consent: form }, status),
  }));
  app.get('/mentorships/:id/consent', backToMentorship('listing'));

  app.post('/mentorships/:id/feedback', formAction({
    load: loadMentorship,
    allow: mentoringPolicy.speak,
    schema: FeedbackSchema,
    run: (ctx, input, m) => leaveFeedback(ctx, m, input),
    done: (_, { ended }, { subject }) => withNotice(mentorshipHref(subject.id), ended ? 'ended' : 'feedback_saved', 'feedback'),
    retry: (c, form, { subject, status }) => showMentorship(c, subject, { feedback: form }, status),
  }));
  app.get('/mentorships/:id/feedback', backToMentorship('feedback'));

  app.get('/secretariat/mentoring', async (c) => {
    authorize(c.get('actor'), mentoringPolicy.administer, undefined);
    return showSecretariat(c);
  });

  app.post('/secretariat/mentoring/settings', formAction({
    allow: mentoringPolicy.administer,
    schema: SettingsSchema,
    run: (ctx, input) => setApprovalRequired(ctx, input.approval_required),
    done: () => withNotice('/secretariat/mentoring', 'settings_saved', 'settings'),
    retry: (c, form, { status }) => showSecretariat(c, { settings: form }, status),
  }));
  app.get('/secretariat/mentoring/settings', formAddress(() => '/secretariat/mentoring', 'settings'));

  app.post('/secretariat/mentoring/:id/decision', formAction({
    authorizeBeforeLoading: true,
    load: async (c) => ({ id: c.req.param('id') ?? '' }),
    allow: mentoringPolicy.administer,
    schema: DecisionSchema,
    run: (ctx, input, subject) => decideMatch(ctx, subject.id, input.decision),
    done: (_, __, { input }) => withNotice('/secretariat/mentoring', input.decision === 'approve' ? 'approved' : 'rejected', 'approvals'),
    retry: (c, form, { subject, status }) => showSecretariat(c, { decision: { id: subject.id, form } }, status),
  }));
  app.get('/secretariat/mentoring/:id/decision', formAddress(() => '/secretariat/mentoring', 'approvals'));

}
