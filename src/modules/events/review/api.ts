import type { Context } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { jsonAction } from '../../../platform/http/action.ts';
import { problem } from '../../../platform/http/problem.ts';
import { documentedWrite, problemResponse } from '../../../platform/http/openapi.ts';
import { authorize } from '../../../platform/policy.ts';
import { eventPolicy } from '../policy.ts';
import { findEventBySlug } from '../queries.ts';
import { findProposal } from '../call/queries.ts';
import { decideProposal, saveReview } from './commands.ts';
import { reviewOverview } from './overview.ts';
import { assignmentsOf, criterionLabel, decisionOf, membersOf, reviewsOf } from './queries.ts';
import { DecisionSchema, ReviewSchema } from './schema.ts';

const Params = z.object({ slug: z.string().min(1).max(100), id: z.string().min(1).max(40) });
const SlugParam = z.object({ slug: z.string().min(1).max(100) });

const ReviewJson = z.object({
  proposal: z.string(), scores: z.record(z.string(), z.number().int()), comment: z.string().nullable(), private_note: z.string().nullable(), updated_at: z.string(),
}).openapi('ProposalReview');

const DecisionJson = z.object({
  proposal: z.string(), decision: z.string().openapi({ description: 'accepted, rejected or merge_suggested' }), reason: z.string(), merge_with: z.string().nullable(),
  decided_at: z.string(), session: z.string().nullable().openapi({ description: 'The unscheduled session an accepted proposal became' }),
}).openapi('ProposalDecision');

const AggregateJson = z.object({
  score: z.number().nullable().openapi({ description: 'The mean of the stakeholder groups\u2019 means (each group weighs the same)' }),
  reviewer_mean: z.number().nullable(),
  spread: z.object({ min: z.number(), max: z.number() }).nullable(),
  divided: z.boolean().openapi({ description: 'One group loves it (mean \u2265 4) while another rejects it (mean \u2264 2)' }),
  groups: z.array(z.object({ group: z.string(), mean: z.number(), reviewers: z.number().int() })),
  reviews: z.number().int(),
});

const OverviewJson = z.object({
  criteria: z.array(z.object({
    key: z.string().openapi({ description: 'The key of `scores.<key>` in a review; generated for the committee\u2019s own criteria' }),
    weight: z.number(),
    label: z.string().openapi({ description: 'Its name in the request\u2019s language (the committee\u2019s own criteria: as typed)' }),
    own: z.boolean().openapi({ description: 'A criterion the committee added (true) or one of the four defaults' }),
  })),
  proposals: z.array(z.object({
    id: z.string(), title: z.string(), status: z.string(), reviewers: z.array(z.object({ name: z.string(), stakeholder_group: z.string() })), aggregate: AggregateJson,
  })),
}).openapi('ReviewOverview');

/** The review's API: a reviewer's scores, the chair's decision and overview (docs/decisions/020). */
export function reviewApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const taxonomy = config.stakeholders;

  const loadEvent = async (c: Context<AppEnv>) => {
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    if (!event || !eventPolicy.view(c.get('actor'), event)) return undefined;
    const committee = await membersOf(db, event.id);
    return Object.assign(event, { committee, members: committee.map((m) => ({ user_id: m.user_id, is_chair: m.is_chair })) });
  };
  const loadProposal = async (c: Context<AppEnv>) => {
    const event = await loadEvent(c);
    const proposal = event ? await findProposal(db, event.id, c.req.param('id') ?? '') : undefined;
    if (!event || !proposal || proposal.submitted_at === null) return undefined;
    const assigned = (await assignmentsOf(db, event.id)).get(proposal.id) ?? [];
    const reviewerMembers = event.committee.filter((m) => assigned.includes(m.id));
    return { status: event.status, initiative: event.initiative, members: event.members, reviewers: reviewerMembers.map((m) => m.user_id), reviewerMembers, event, proposal };
  };

  documentedWrite(api, createRoute({
    method: 'put', path: '/events/{slug}/proposals/{id}/review',
    summary: 'Your review of a proposal you were assigned: a score from 1 to 5 for each of the event\u2019s criteria, a comment for the proposers, a private note; until the chair decides',
    security: [{ bearerAuth: [] }],
    request: { params: Params, body: { content: { 'application/json': { schema: ReviewSchema } }, required: true } },
    responses: {
      200: { description: 'The review as saved', content: { 'application/json': { schema: ReviewJson } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Not assigned to review it'), 404: problemResponse('No such proposal'),
      409: problemResponse('The chair decided already'), 415: problemResponse('The body is not JSON'),
      422: problemResponse('A score outside 1\u20135, a criterion missing, or one the event does not weigh (the pointer names it)'),
    },
  }), jsonAction({
    load: loadProposal, allow: eventPolicy.reviewProposal, schema: ReviewSchema,
    run: (ctx, input, found) => saveReview(ctx, found.event, found.proposal.id, found.reviewerMembers.find((m) => m.user_id === ctx.actor.user.id)!, input),
    present: async (c, _, { subject, actor }) => {
      const me = subject.reviewerMembers.find((m) => m.user_id === actor.user.id)!;
      const review = (await reviewsOf(db, subject.event.id, subject.proposal.id)).find((r) => r.member_id === me.id)!;
      return c.json({ proposal: subject.proposal.id, scores: review.scores, comment: review.comment, private_note: review.private_note, updated_at: review.updated_at }, 200);
    },
  }));

  documentedWrite(api, createRoute({
    method: 'post', path: '/events/{slug}/proposals/{id}/decision',
    summary: 'The chair decides a proposal once: accepted (it becomes an unscheduled session), rejected, or merge_suggested with another; the reason is published in the transparency log and the proposer is mailed',
    security: [{ bearerAuth: [] }],
    request: { params: Params, body: { content: { 'application/json': { schema: DecisionSchema } }, required: true } },
    responses: {
      201: { description: 'The decision', content: { 'application/json': { schema: DecisionJson } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Not the chair'), 404: problemResponse('No such proposal'),
      409: problemResponse('Decided already'), 415: problemResponse('The body is not JSON'), 422: problemResponse('Invalid fields (no reason, an unknown proposal to merge with…)'),
    },
  }), jsonAction({
    load: loadProposal, allow: eventPolicy.decideProposal, schema: DecisionSchema,
    run: (ctx, input, found) => decideProposal(ctx, found.event, found.proposal.id, input),
    present: async (c, { sessionId }, { subject }) => {
      const d = (await decisionOf(db, subject.proposal.id))!;
      return c.json({ proposal: d.proposal_id, decision: d.decision, reason: d.reason, merge_with: d.merge_with, decided_at: d.decided_at, session: sessionId }, 201);
    },
  }));

  api.openapi(
    createRoute({
      method: 'get', path: '/events/{slug}/review', summary: 'The programme committee\u2019s overview for its chair: every proposal sorted by aggregate, with the spread by stakeholder group',
      security: [{ bearerAuth: [] }],
      request: { params: SlugParam },
      responses: { 200: { description: 'The overview', content: { 'application/json': { schema: OverviewJson } } }, 401: problemResponse('Log in or send a token'), 403: problemResponse('Not the chair'), 404: problemResponse('No such event') },
    }),
    async (c) => {
      const event = await loadEvent(c);
      if (!event) return problem(c, 404) as never;
      authorize(c.get('actor'), eventPolicy.chairReview, event);
      c.set('personal', true);
      const overview = await reviewOverview(db, event.id, taxonomy);
      return c.json({
        criteria: overview.criteria.map((k) => ({ key: k.key, weight: k.weight, label: criterionLabel(k, c.get('t'), c.get('locale')), own: k.labels !== null })),
        proposals: overview.proposals.map((p) => ({
          id: p.proposal.id, title: p.proposal.title, status: p.proposal.status,
          reviewers: p.reviewers.map((r) => ({ name: r.name, stakeholder_group: r.stakeholder_group })),
          aggregate: { score: p.aggregate.score, reviewer_mean: p.aggregate.reviewerMean, spread: p.aggregate.spread, divided: p.aggregate.divided, groups: p.aggregate.groups, reviews: p.aggregate.reviews },
        })),
      }, 200);
    },
  );
}
