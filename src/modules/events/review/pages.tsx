import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { page } from '../../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../../platform/http/action.ts';
import { authorize } from '../../../platform/policy.ts';
import { eventPolicy } from '../policy.ts';
import { findEventBySlug, type EventDetail } from '../queries.ts';
import { anonymiseProposal } from '../domain/review.ts';
import { findCall, findProposal } from '../call/queries.ts';
import { addAssignment, addCriterion, addMember, assignAutomatically, decideProposal, removeAssignment, removeCriterion, removeMember, saveCriteria, saveReview } from './commands.ts';
import { reviewOverview } from './overview.ts';
import { assignmentsOf, committeeSeats, criteriaOf, decisionOf, eventCriteria, membersOf, reviewsOf } from './queries.ts';
import { AssignmentSchema, CriteriaSchema, criteriaFromForm, criteriaToFields, DecisionSchema, MemberSchema, memberFromForm, OwnCriterionSchema, ReviewSchema, reviewFromForm, reviewToFields } from './schema.ts';
import { CommitteePage } from './views/committeePage.tsx';
import { CommitteeLinks } from './views/committeeLinks.tsx';
import { AssignmentsPage, DecisionPage, DecisionsPage, OutcomePage, OverviewPage, ReviewDesk, ReviewForm } from './views/reviewViews.tsx';
import { proposalView } from './present.ts';
import { eventsDb } from '../tables.ts';

const noFields = z.object({});

/**
 * The committee's links on the event's page, for whom the policy lets see the committee (its
 * members and the organisers): a member reaches their review list from there (decision 023).
 */
export async function committeeLinks(c: Context<AppEnv>, db: Services['db'], event: EventDetail) {
  const actor = c.get('actor');
  if (!actor.user) return null;
  const subject = { ...event, members: await committeeSeats(db, event.id) };
  if (!eventPolicy.seeCommittee(actor, subject)) return null;
  const member = subject.members.some((m) => m.user_id === actor.user!.id);
  return <CommitteeLinks slug={event.slug} member={member} chair={eventPolicy.chairReview(actor, subject)} />;
}

/** The review's pages (docs/decisions/020-events-review.md). */
export function reviewPages(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const taxonomy = config.stakeholders;

  /** An event the visitor may see, with its call and programme committee (the review's rules read both). */
  const loadEvent = async (c: Context<AppEnv>) => {
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    if (!event || !eventPolicy.view(c.get('actor'), event)) return undefined;
    const [call, committee] = await Promise.all([findCall(db, event.id), membersOf(db, event.id)]);
    return Object.assign(event, { call, committee, members: committee.map((m) => ({ user_id: m.user_id, is_chair: m.is_chair })) });
  };
  type LoadedEvent = NonNullable<Awaited<ReturnType<typeof loadEvent>>>;

  /** A submitted proposal of the event, with who reviews it; drafts are their proposers' own. */
  const loadProposal = async (c: Context<AppEnv>) => {
    const event = await loadEvent(c);
    const proposal = event ? await findProposal(db, event.id, c.req.param('id') ?? '') : undefined;
    if (!event || !proposal || proposal.submitted_at === null) return undefined;
    const assigned = (await assignmentsOf(db, event.id)).get(proposal.id) ?? [];
    const reviewerMembers = event.committee.filter((m) => assigned.includes(m.id));
    return { status: event.status, initiative: event.initiative, members: event.members, reviewers: reviewerMembers.map((m) => m.user_id), reviewerMembers, event, proposal };
  };
  type LoadedProposal = NonNullable<Awaited<ReturnType<typeof loadProposal>>>;
  const at = (event: { slug: string }) => `/events/${event.slug}`;

  // The committee: members, criteria and anonymity, set by the organisers.
  async function committeePage(c: Context<AppEnv>, event: LoadedEvent, failed?: { form: 'member' | 'criteria' | 'own' | 'remove' } & FailedForm, status: 200 | FailedStatus = 200) {
    const criteria = await eventCriteria(db, event.id);
    return page(c, c.get('t')('events.committee.title', { title: event.title }), (
      <CommitteePage event={event} members={event.committee} criteria={criteria} anonymous={Number(event.call?.anonymous_review ?? 0) === 1} hasCall={event.call !== undefined}
        canManage={eventPolicy.manageCommittee(c.get('actor'), event)} notice={c.req.query('notice')} failed={failed} />
    ), status);
  }

  app.get('/events/:slug/committee', async (c) => {
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    authorize(c.get('actor'), eventPolicy.seeCommittee, event);
    return committeePage(c, event);
  });
  app.post('/events/:slug/committee', formAction({
    load: loadEvent, allow: eventPolicy.manageCommittee, schema: MemberSchema, fromForm: memberFromForm,
    run: (ctx, input, event) => addMember(ctx, event, input),
    done: (_, __, { subject }) => withNotice(`${at(subject)}/committee`, 'member_added'),
    retry: (c, failed, { subject, status }) => committeePage(c, subject, { form: 'member', ...failed }, status),
  }));
  app.post('/events/:slug/committee/criteria', formAction({
    load: loadEvent, allow: eventPolicy.manageCommittee, schema: CriteriaSchema, fromForm: criteriaFromForm, toFields: criteriaToFields,
    run: (ctx, input, event) => saveCriteria(ctx, event, input),
    done: (_, __, { subject }) => withNotice(`${at(subject)}/committee`, 'criteria_saved'),
    retry: (c, failed, { subject, status }) => committeePage(c, subject, { form: 'criteria', ...failed }, status),
  }));
  app.get('/events/:slug/committee/criteria', formAddress((c) => `/events/${encodeURIComponent(c.req.param('slug') ?? '')}/committee`, 'criteria'));
  // Criteria of the committee's own (docs/decisions/023): added with labels as typed, removed one at a time.
  app.post('/events/:slug/committee/criteria/new', formAction({
    load: loadEvent, allow: eventPolicy.manageCommittee, schema: OwnCriterionSchema,
    run: (ctx, input, event) => addCriterion(ctx, event, input),
    done: (_, __, { subject }) => withNotice(`${at(subject)}/committee`, 'criterion_added', 'own-criteria-title'),
    retry: (c, failed, { subject, status }) => committeePage(c, subject, { form: 'own', ...failed }, status),
  }));
  app.get('/events/:slug/committee/criteria/new', formAddress((c) => `/events/${encodeURIComponent(c.req.param('slug') ?? '')}/committee`, 'add-criterion'));
  app.post('/events/:slug/committee/criteria/:key/remove', formAction({
    load: async (c) => {
      const event = await loadEvent(c);
      return event ? Object.assign(event, { criterionKey: (c.req.param('key') ?? '').slice(0, 40) }) : undefined;
    },
    allow: eventPolicy.manageCommittee, schema: noFields,
    run: (ctx, _, event) => removeCriterion(ctx, event, event.criterionKey),
    done: (_, __, { subject }) => withNotice(`${at(subject)}/committee`, 'criterion_removed', 'own-criteria-title'),
    retry: (c, failed, { subject, status }) => committeePage(c, subject, { form: 'remove', ...failed }, status),
  }));
  app.get('/events/:slug/committee/criteria/:key/remove', formAddress((c) => `/events/${encodeURIComponent(c.req.param('slug') ?? '')}/committee`, 'own-criteria-title'));
  app.post('/events/:slug/committee/:member/remove', formAction({
    load: async (c) => {
      const event = await loadEvent(c);
      return event ? Object.assign(event, { memberId: c.req.param('member') ?? '' }) : undefined;
    },
    allow: eventPolicy.manageCommittee, schema: noFields,
    run: (ctx, _, event) => removeMember(ctx, event, event.memberId),
    done: (_, __, { subject }) => withNotice(`${at(subject)}/committee`, 'member_removed'),
    retry: (c, failed, { subject, status }) => committeePage(c, subject, { form: 'member', ...failed }, status),
  }));
  app.get('/events/:slug/committee/:member/remove', formAddress((c) => `/events/${encodeURIComponent(c.req.param('slug') ?? '')}/committee`));

  // The member's desk, and the chair's assignment table and overview.
  app.get('/events/:slug/review', async (c) => {
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    const actor = c.get('actor');
    authorize(actor, eventPolicy.seeCommittee, event);
    const me = event.committee.find((m) => m.user_id === actor.user.id);
    const [assignments, reviews] = await Promise.all([assignmentsOf(db, event.id), reviewsOf(db, event.id)]);
    const ids = me ? [...assignments].filter(([, members]) => members.includes(me.id)).map(([id]) => id) : [];
    const anonymous = Number(event.call?.anonymous_review ?? 0) === 1;
    const withheld = c.get('t')('events.review.withheld');
    const mine = (await Promise.all(ids.map((id) => findProposal(db, event.id, id)))).flatMap((p) => (p ? [{
      id: p.id, title: anonymous ? anonymiseProposal(proposalView(p), withheld).title : p.title, status: p.status,
      reviewed: reviews.some((r) => r.proposal_id === p.id && r.member_id === me!.id),
    }] : []));
    return page(c, c.get('t')('events.review.desk_title'), <ReviewDesk event={event} mine={mine} chair={eventPolicy.chairReview(actor, event)} />);
  });

  async function assignmentsPage(c: Context<AppEnv>, event: LoadedEvent, failed?: FailedForm, status: 200 | FailedStatus = 200) {
    return page(c, c.get('t')('events.review.assignments_title'), <AssignmentsPage event={event} overview={await reviewOverview(db, event.id, taxonomy)} notice={c.req.query('notice')} failed={failed} />, status);
  }
  app.get('/events/:slug/review/assignments', async (c) => {
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    authorize(c.get('actor'), eventPolicy.chairReview, event);
    return assignmentsPage(c, event);
  });
  app.post('/events/:slug/review/assign', formAction({
    load: loadEvent, allow: eventPolicy.chairReview, schema: noFields,
    run: (ctx, _, event) => assignAutomatically(ctx, event, taxonomy),
    done: (_, __, { subject }) => withNotice(`${at(subject)}/review/assignments`, 'assigned'),
    retry: (c, failed, { subject, status }) => assignmentsPage(c, subject, failed, status),
  }));
  app.get('/events/:slug/review/assign', formAddress((c) => `/events/${encodeURIComponent(c.req.param('slug') ?? '')}/review/assignments`));
  app.post('/events/:slug/review/assignments', formAction({
    load: loadEvent, allow: eventPolicy.chairReview, schema: AssignmentSchema,
    run: (ctx, input, event) => addAssignment(ctx, event, input.proposal, input.member),
    done: (_, __, { subject }) => withNotice(`${at(subject)}/review/assignments`, 'added'),
    retry: (c, failed, { subject, status }) => assignmentsPage(c, subject, failed, status),
  }));
  app.post('/events/:slug/review/assignments/remove', formAction({
    load: loadEvent, allow: eventPolicy.chairReview, schema: AssignmentSchema,
    run: (ctx, input, event) => removeAssignment(ctx, event, input.proposal, input.member),
    done: (_, __, { subject }) => withNotice(`${at(subject)}/review/assignments`, 'removed'),
    retry: (c, failed, { subject, status }) => assignmentsPage(c, subject, failed, status),
  }));
  app.get('/events/:slug/review/assignments/remove', formAddress((c) => `/events/${encodeURIComponent(c.req.param('slug') ?? '')}/review/assignments`));

  app.get('/events/:slug/review/overview', async (c) => {
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    authorize(c.get('actor'), eventPolicy.chairReview, event);
    return page(c, c.get('t')('events.review.overview_title'), <OverviewPage event={event} overview={await reviewOverview(db, event.id, taxonomy)} />);
  });

  // A reviewer's form: the proposal anonymised when the call says so.
  async function reviewForm(c: Context<AppEnv>, found: LoadedProposal, failed?: FailedForm, status: 200 | FailedStatus = 200) {
    const me = found.event.committee.find((m) => m.user_id === c.get('actor').user?.id);
    const [criteria, reviews] = await Promise.all([criteriaOf(db, found.event.id), reviewsOf(db, found.event.id, found.proposal.id)]);
    const anonymous = Number(found.event.call?.anonymous_review ?? 0) === 1;
    const shown = anonymous ? anonymiseProposal(proposalView(found.proposal), c.get('t')('events.review.withheld')) : found.proposal;
    return page(c, c.get('t')('events.review.form_title'), (
      <ReviewForm event={found.event} shown={shown} criteria={criteria} review={reviews.find((r) => r.member_id === me?.id)} open={found.proposal.status === 'submitted'}
        notice={c.req.query('notice')} failed={failed} />
    ), status);
  }
  app.get('/events/:slug/proposals/:id/review', async (c) => {
    c.set('personal', true);
    const found = await loadProposal(c);
    if (!found) return c.notFound();
    authorize(c.get('actor'), eventPolicy.reviewProposal, found);
    return reviewForm(c, found);
  });
  app.post('/events/:slug/proposals/:id/review', formAction({
    load: loadProposal, allow: eventPolicy.reviewProposal, schema: ReviewSchema, fromForm: reviewFromForm, toFields: reviewToFields,
    run: (ctx, input, found) => saveReview(ctx, found.event, found.proposal.id, found.reviewerMembers.find((m) => m.user_id === ctx.actor.user.id)!, input),
    done: (_, __, { subject }) => withNotice(`${at(subject.event)}/proposals/${subject.proposal.id}/review`, 'saved'),
    retry: (c, failed, { subject, status }) => reviewForm(c, subject, failed, status),
  }));

  // The chair's decision.
  async function decisionPage(c: Context<AppEnv>, found: LoadedProposal, failed?: FailedForm, status: 200 | FailedStatus = 200) {
    const overview = await reviewOverview(db, found.event.id, taxonomy);
    const item = overview.proposals.find((p) => p.proposal.id === found.proposal.id);
    if (!item) return c.notFound();
    const decision = await decisionOf(db, found.proposal.id);
    const others = overview.proposals.map((p) => p.proposal).filter((p) => p.id !== found.proposal.id && (p.status === 'submitted' || p.status === 'accepted' || p.status === 'merge_suggested'));
    return page(c, c.get('t')('events.decision.title', { title: found.proposal.title }), (
      <DecisionPage event={found.event} item={item} others={others} members={overview.members} criteria={overview.criteria} decision={decision} failed={failed} notice={c.req.query('notice')} />
    ), status);
  }
  app.get('/events/:slug/proposals/:id/decision', async (c) => {
    const found = await loadProposal(c);
    if (!found) return c.notFound();
    authorize(c.get('actor'), eventPolicy.decideProposal, found);
    return decisionPage(c, found);
  });
  app.post('/events/:slug/proposals/:id/decision', formAction({
    load: loadProposal, allow: eventPolicy.decideProposal, schema: DecisionSchema,
    run: (ctx, input, found) => decideProposal(ctx, found.event, found.proposal.id, input),
    done: (_, __, { subject }) => withNotice(`${at(subject.event)}/proposals/${subject.proposal.id}/decision`, 'decided'),
    retry: (c, failed, { subject, status }) => decisionPage(c, subject, failed, status),
  }));

  // The proposer's outcome page, and the public record of decisions.
  app.get('/events/:slug/proposals/:id/outcome', async (c) => {
    const found = await loadProposal(c);
    if (!found || !eventPolicy.seeProposal(c.get('actor'), { ...found.proposal, event: found.event })) return c.notFound();
    c.set('personal', true);
    const [decision, reviews] = await Promise.all([decisionOf(db, found.proposal.id), reviewsOf(db, found.event.id, found.proposal.id)]);
    const merge = decision?.merge_with ? await findProposal(db, found.event.id, decision.merge_with) : undefined;
    // The reviewers' comments are the proposers' once the chair decided; before, they may still change.
    const comments = decision ? reviews.map((r) => r.comment).filter((text): text is string => !!text) : [];
    return page(c, c.get('t')('events.decision.outcome_title', { title: found.proposal.title }), <OutcomePage event={found.event} proposal={found.proposal} decision={decision} mergeTitle={merge?.title} comments={comments} />);
  });
  app.get('/events/:slug/decisions', async (c) => {
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    const rows = await eventsDb(db).selectFrom('event_proposal_decisions').select(['title', 'decision', 'reason']).where('event_id', '=', event.id).orderBy('decided_at').orderBy('title').execute();
    return page(c, c.get('t')('events.decision.public_title', { title: event.title }), <DecisionsPage event={event} rows={rows} />);
  });
}
