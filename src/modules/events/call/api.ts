import type { Context } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { jsonAction } from '../../../platform/http/action.ts';
import { problem } from '../../../platform/http/problem.ts';
import { documentedWrite, problemResponse } from '../../../platform/http/openapi.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { stakeholderLabel } from '../../../platform/stakeholders.ts';
import { eventPolicy } from '../policy.ts';
import { findEventBySlug } from '../queries.ts';
import { createProposal, updateProposal } from './commands.ts';
import { findCall, findProposal, type Call, type Proposal } from './queries.ts';
import { ProposalSchema } from './schema.ts';
import { describeResult, draftOfProposal, screenProposal, screeningFor, type Screening } from './screening.ts';

const Params = z.object({ slug: z.string().min(1).max(100), id: z.string().min(1).max(40) });
const SlugParam = z.object({ slug: z.string().min(1).max(100) });

const ScreeningJson = z
  .object({
    passed: z.boolean(),
    results: z.array(z.object({
      rule: z.string().openapi({ example: 'min_speakers' }), applies: z.boolean(), passed: z.boolean(),
      outcome: z.string().openapi({ description: 'passed, failed or not_applicable' }), message: z.string(), data: z.record(z.string(), z.unknown()),
    })),
  })
  .openapi('ProposalScreening');

const PersonJson = z.object({
  role: z.string(), name: z.string(), organisation: z.string().nullable(), stakeholder_group: z.string().nullable(), country: z.string().nullable(),
  gender: z.string().nullable(), presence: z.string().nullable(), confirmed: z.boolean(),
});

const ProposalJson = z
  .object({
    id: z.string(), event: z.string(), title: z.string(), description: z.string(), policy_questions: z.string().nullable(), language: z.string(),
    format: z.string(), track: z.object({ id: z.string(), name: z.string() }).nullable(), modality: z.string(),
    status: z.string().openapi({ description: 'draft, submitted or withdrawn (accepted, rejected, merge_suggested once reviewed)' }),
    version: z.number().int(), submitted_at: z.string().nullable(), people: z.array(PersonJson),
    answers: z.array(z.object({ question_id: z.string(), question: z.string(), answer: z.string() })), screening: ScreeningJson, url: z.string(),
  })
  .openapi('Proposal');

/** The rules' results with their messages in the caller's language. */
export function screeningJson(screening: Screening, t: Translate, groupLabel: (g: string) => string) {
  return {
    passed: screening.passed,
    results: screening.results.map((result) => {
      const { outcome, message } = describeResult(result, t, groupLabel);
      return { rule: result.rule, applies: result.applies, passed: result.passed, outcome, message, data: result.data as Record<string, unknown> };
    }),
  };
}

/** A stored proposal as the fields `ProposalSchema` reads, for a merge patch to change. */
function currentFields(proposal: Proposal) {
  const of = (role: string) => proposal.people.filter((p) => p.role === role);
  const person = (p: { name: string; organisation: string | null } | undefined) => (p ? { name: p.name, organisation: p.organisation ?? undefined } : undefined);
  return {
    title: proposal.title, description: proposal.description, policy_questions: proposal.policy_questions ?? undefined, language: proposal.original_locale,
    format: proposal.format, track: proposal.track_id ?? undefined, modality: proposal.modality,
    organisers: of('organiser').map(person),
    speakers: of('speaker').map((p) => ({
      name: p.name, organisation: p.organisation ?? undefined, stakeholder_group: p.stakeholder_group ?? undefined, country: p.country ?? undefined,
      gender: p.gender ?? undefined, presence: p.presence ?? undefined, confirmed: p.confirmed,
    })),
    moderator: person(of('moderator')[0]), online_moderator: person(of('online_moderator')[0]), rapporteur: person(of('rapporteur')[0]),
    answers: Object.fromEntries(proposal.answers),
    intent: proposal.status === 'submitted' ? 'submit' : 'draft',
  };
}

/**
 * A JSON merge patch (RFC 7396) over the current fields: given members replace (lists and people
 * whole), `null` clears. The whole is validated and screened again, as a form's save would be.
 */
function mergePatch(current: ReturnType<typeof currentFields>, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) merged[key] = value === null ? undefined : value;
  return merged;
}

export function callApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const taxonomy = config.stakeholders;
  const groupLabel = (c: Context<AppEnv>) => (stored: string) => stakeholderLabel(taxonomy, c.get('t'), stored);

  const loadEvent = async (c: Context<AppEnv>) => {
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    if (!event || !eventPolicy.view(c.get('actor'), event)) return undefined;
    const call = await findCall(db, event.id);
    return call ? Object.assign(event, { call }) : undefined;
  };

  async function present(c: Context<AppEnv>, slug: string, call: Call, proposal: Proposal) {
    const screening = screenProposal(draftOfProposal(proposal), await screeningFor(db, call, taxonomy, services.clock()));
    const track = call.tracks.find((tr) => tr.id === proposal.track_id);
    return {
      id: proposal.id, event: slug, title: proposal.title, description: proposal.description, policy_questions: proposal.policy_questions, language: proposal.original_locale,
      format: proposal.format, track: track ? { id: track.id, name: track.name } : null, modality: proposal.modality, status: proposal.status, version: proposal.version,
      submitted_at: proposal.submitted_at,
      people: proposal.people.map((p) => ({
        role: p.role, name: p.name, organisation: p.organisation, stakeholder_group: p.stakeholder_group, country: p.country, gender: p.gender, presence: p.presence, confirmed: p.confirmed,
      })),
      answers: call.questions.filter((q) => proposal.answers.has(q.id)).map((q) => ({ question_id: q.id, question: q.question, answer: proposal.answers.get(q.id)! })),
      screening: screeningJson(screening, c.get('t'), groupLabel(c)),
      url: `${config.baseUrl}/events/${slug}/proposals/${proposal.id}`,
    };
  }

  documentedWrite(api, createRoute({
    method: 'post', path: '/events/{slug}/proposals',
    summary: 'Propose a session to an open call (a verified person): kept as a draft, or submitted with intent "submit" when it passes the screening rules',
    security: [{ bearerAuth: [] }],
    request: { params: SlugParam, body: { content: { 'application/json': { schema: ProposalSchema } }, required: true } },
    responses: {
      201: { description: 'The proposal, with its screening', content: { 'application/json': { schema: ProposalJson } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Not verified, or the event is not published'), 404: problemResponse('No such event, or no call'),
      409: problemResponse('The call is not open'), 415: problemResponse('The body is not JSON'),
      422: problemResponse('Invalid fields (an unknown format or track…), or a submission failing the screening rules (the `screening` member says which)'),
    },
  }), jsonAction({
    load: loadEvent,
    allow: eventPolicy.propose,
    schema: ProposalSchema,
    run: (ctx, input, event) => createProposal(ctx, { event, call: event.call, taxonomy }, input, input.intent),
    present: async (c, { id }, { subject }) => {
      const proposal = (await findProposal(db, subject.id, id))!;
      c.header('Location', `${config.baseUrl}/api/events/${subject.slug}/proposals/${id}`);
      return c.json(await present(c, subject.slug, subject.call, proposal), 201);
    },
  }));

  /** A proposal the caller may see, with its event and call; others are told it does not exist. */
  const loadProposal = async (c: Context<AppEnv>) => {
    const event = await loadEvent(c);
    const proposal = event ? await findProposal(db, event.id, c.req.param('id') ?? '') : undefined;
    if (!event || !proposal) return undefined;
    const subject = { ...proposal, event, proposal };
    return eventPolicy.seeProposal(c.get('actor'), subject) ? subject : undefined;
  };

  documentedWrite(api, createRoute({
    method: 'patch', path: '/events/{slug}/proposals/{id}',
    summary: 'Change your proposal while the call is open (a JSON merge patch; "intent": "submit" submits a draft); send "version" to refuse a save over a newer one',
    security: [{ bearerAuth: [] }],
    request: { params: Params, body: { content: { 'application/json': { schema: ProposalSchema.partial() } }, required: true } },
    responses: {
      200: { description: 'The proposal, with its screening', content: { 'application/json': { schema: ProposalJson } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Not your proposal'), 404: problemResponse('No such proposal'),
      409: problemResponse('The call is closed, the proposal was withdrawn, or it changed since that version'), 415: problemResponse('The body is not JSON'),
      422: problemResponse('Invalid fields, or a submitted proposal failing the screening rules'),
    },
  }), jsonAction({
    load: loadProposal,
    allow: eventPolicy.editProposal,
    schema: ProposalSchema,
    fromBody: (body, subject) => mergePatch(currentFields(subject.proposal), body),
    run: (ctx, input, subject) => updateProposal(ctx, { event: subject.event, call: subject.event.call, taxonomy }, subject.proposal.id, input, input.intent),
    present: async (c, { id }, { subject }) => c.json(await present(c, subject.event.slug, subject.event.call, (await findProposal(db, subject.event.id, id))!), 200),
  }));

  api.openapi(
    createRoute({
      method: 'get', path: '/events/{slug}/proposals/{id}', summary: 'A proposal with its screening (its proposer, and the organisers once it was submitted)',
      security: [{ bearerAuth: [] }],
      request: { params: Params },
      responses: { 200: { description: 'The proposal', content: { 'application/json': { schema: ProposalJson } } }, 404: problemResponse('No such proposal, or not yours to see') },
    }),
    async (c) => {
      const event = await loadEvent(c);
      const proposal = event ? await findProposal(db, event.id, c.req.param('id')) : undefined;
      if (!event || !proposal || !eventPolicy.seeProposal(c.get('actor'), { ...proposal, event })) return problem(c, 404) as never;
      c.set('personal', true);
      return c.json(await present(c, event.slug, event.call, proposal), 200);
    },
  );
}
