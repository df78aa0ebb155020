import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { page } from '../../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../../platform/http/action.ts';
import { readForm, valueOf, type FormValues } from '../../../platform/http/forms.ts';
import { authorize } from '../../../platform/policy.ts';
import { timestamp } from '../../../platform/db/index.ts';
import { stakeholderKeys } from '../../../platform/stakeholders.ts';
import { modalities, type Modality } from '../domain/types.ts';
import { eventPolicy } from '../policy.ts';
import { findEventBySlug, type EventDetail } from '../queries.ts';
import { isTimeZone } from '../time.ts';
import { defaultTracks } from '../vocabulary.ts';
import { createProposal, saveCall, updateProposal, withdrawProposal } from './commands.ts';
import { callState, findCall, findProposal, proposalsOfEvent, proposalsOfPerson, type Call, type Proposal } from './queries.ts';
import { CallSchema, callFromForm, callToFields, proposalFromForm, proposalToFields, ProposalSchema } from './schema.ts';
import { draftOfInput, draftOfProposal, screenProposal, screeningFor, type Screening } from './screening.ts';
import { CallForm, callValues } from './views/callForm.tsx';
import { CallPage } from './views/callPage.tsx';
import { ProposalForm, proposalValues } from './views/proposalForm.tsx';
import { MyProposals, ProposalPage, ProposalsList } from './views/proposalPage.tsx';

const noFields = z.object({});

/** The buttons of the proposal form that only show it again: with the rules' results, or with more rows. */
const redisplayIntents = ['check', 'more_speakers', 'more_organisers'];

/** What was typed, read as far as it can be, for the rules: a half-filled form is still screened. */
function lenientDraft(values: FormValues, fallback: Modality, id?: string) {
  const raw = proposalFromForm(values);
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);
  const modality = (modalities as readonly string[]).includes(raw.modality) ? (raw.modality as Modality) : fallback;
  const person = (p: unknown) => ({ name: text((p as { name?: string })?.name), organisation: text((p as { organisation?: string })?.organisation) });
  return draftOfInput({
    modality,
    organisers: raw.organisers.map(person),
    speakers: raw.speakers.map((s) => ({
      ...person(s), country: undefined, gender: text(s.gender), confirmed: s.confirmed === 'on',
      stakeholder_group: (stakeholderKeys as readonly string[]).includes(s.stakeholder_group ?? '') ? (s.stakeholder_group as (typeof stakeholderKeys)[number]) : undefined,
      presence: s.presence === 'onsite' || s.presence === 'online' ? s.presence : undefined,
    })),
    moderator: person(raw.moderator), online_moderator: person(raw.online_moderator), rapporteur: person(raw.rapporteur),
  }, id);
}

/** The event's format is the proposal's modality until the proposer says otherwise. */
const defaultModality = (event: EventDetail): Modality => ((modalities as readonly string[]).includes(event.format) ? (event.format as Modality) : 'hybrid');

export function callPages(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const taxonomy = config.stakeholders;
  const now = () => timestamp(services.clock());

  /** An event the visitor may see, with its call (none before the organisers open one). */
  const loadEvent = async (c: Context<AppEnv>) => {
    const event = await findEventBySlug(db, c.req.param('slug') ?? '');
    if (!event || !eventPolicy.view(c.get('actor'), event)) return undefined;
    return Object.assign(event, { call: await findCall(db, event.id) });
  };
  type EventWithCall = NonNullable<Awaited<ReturnType<typeof loadEvent>>>;
  /** An event with an open, upcoming or closed call; no call yet answers 404 (for proposals). */
  const loadWithCall = async (c: Context<AppEnv>) => {
    const event = await loadEvent(c);
    return event?.call ? (event as EventWithCall & { call: Call }) : undefined;
  };
  /** A proposal the visitor may see: others are told it does not exist. */
  const loadProposal = async (c: Context<AppEnv>) => {
    const event = await loadWithCall(c);
    const proposal = event ? await findProposal(db, event.id, c.req.param('id') ?? '') : undefined;
    if (!event || !proposal) return undefined;
    const subject = Object.assign(proposal, { event, proposal });
    return eventPolicy.seeProposal(c.get('actor'), subject) ? subject : undefined;
  };
  type LoadedProposal = NonNullable<Awaited<ReturnType<typeof loadProposal>>>;
  const at = (event: { slug: string }) => `/events/${event.slug}`;
  const readerZone = (c: Context<AppEnv>) => {
    const zone = (c.req.query('zone') ?? '').trim().slice(0, 64);
    return zone && isTimeZone(zone) ? zone : null;
  };

  app.get('/events/:slug/call', async (c) => {
    c.set('personal', true); // open or closed depends on the time
    const event = await loadWithCall(c);
    if (!event) return c.notFound();
    return page(c, c.get('t')('events.call.page_title', { title: event.title }), (
      <CallPage event={event} call={event.call} state={callState(event.call, now())} readerZone={readerZone(c)} canEdit={eventPolicy.editCall(c.get('actor'), event)} notice={c.req.query('notice')} />
    ));
  });

  const callForm = (c: Context<AppEnv>, event: EventWithCall, values: FormValues, failed?: FailedForm, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')('events.call.edit_title', { title: event.title }), <CallForm event={event} values={failed?.values ?? values} errors={failed?.errors} opened={event.call !== undefined} />, status);

  app.get('/events/:slug/call/edit', async (c) => {
    const event = await loadEvent(c);
    if (!event) return c.notFound();
    authorize(c.get('actor'), eventPolicy.editCall, event);
    const t = c.get('t');
    return callForm(c, event, callValues(event.call, event.time_zone, defaultTracks.map((key) => t(`events.tracks.${key}`))));
  });

  app.post('/events/:slug/call/edit', formAction({
    load: loadEvent,
    allow: eventPolicy.editCall,
    schema: CallSchema,
    fromForm: callFromForm,
    toFields: callToFields,
    run: (ctx, input, event) => saveCall(ctx, event, input),
    done: (_, __, { subject }) => withNotice(`${at(subject)}/call`, 'saved'),
    retry: (c, failed, { subject, status }) => callForm(c, subject, failed.values, failed, status),
  }));

  app.get('/events/:slug/proposals', async (c) => {
    const event = await loadWithCall(c);
    if (!event) return c.notFound();
    authorize(c.get('actor'), eventPolicy.seeProposals, event);
    const [proposals, context] = await Promise.all([proposalsOfEvent(db, event.id), screeningFor(db, event.call, taxonomy, services.clock())]);
    const items = proposals.map((proposal) => ({ proposal, screening: screenProposal(draftOfProposal(proposal), context) }));
    return page(c, c.get('t')('events.proposals.list_heading', { title: event.title }), <ProposalsList event={event} items={items} />);
  });

  /** The proposal form, new or existing, with the rules' results for what it holds. */
  async function proposalForm(c: Context<AppEnv>, event: EventWithCall & { call: Call }, values: FormValues, options: { proposal?: Proposal; failed?: FailedForm; status?: 200 | FailedStatus; screening?: Screening } = {}) {
    const intent = valueOf(values, 'intent');
    const screening = options.screening ?? screenProposal(lenientDraft(values, defaultModality(event), options.proposal?.id), await screeningFor(db, event.call, taxonomy, services.clock()));
    const base = options.proposal ? `${at(event)}/proposals/${options.proposal.id}` : `${at(event)}/proposals`;
    return page(c, options.proposal ? c.get('t')('events.proposals.edit_title') : c.get('t')('events.proposals.new_title', { title: event.title }), (
      <ProposalForm action={options.proposal ? `${base}/edit` : `${base}/new`} cancel={options.proposal ? base : `${at(event)}/call`} event={event} call={event.call} values={values}
        errors={options.failed?.errors} screening={screening} submitted={options.proposal?.status === 'submitted'} editing={options.proposal !== undefined}
        more={{ speaker: intent === 'more_speakers', organiser: intent === 'more_organisers' }} />
    ), options.status ?? 200);
  }

  /** Refuses the form outright while the call is not open, with the reason instead of a form. */
  function callNotOpen(c: Context<AppEnv>, event: EventWithCall & { call: Call }) {
    const state = callState(event.call, now());
    if (state === 'open') return null;
    return page(c, c.get('t')('events.call.page_title', { title: event.title }), (
      <>
        <p><a href={`${at(event)}/call`}>{c.get('t')('events.call.back', { title: event.title })}</a></p>
        <h1>{c.get('t')('events.call.page_title', { title: event.title })}</h1>
        <p class="alert" role="alert">{c.get('t')(state === 'closed' ? 'events.proposals.errors.call_closed' : 'events.proposals.errors.call_not_open')}</p>
      </>
    ), 409);
  }

  app.get('/events/:slug/proposals/new', async (c) => {
    c.set('personal', true);
    const event = await loadWithCall(c);
    if (!event) return c.notFound();
    authorize(c.get('actor'), eventPolicy.propose, event);
    return callNotOpen(c, event) ?? proposalForm(c, event, { language: c.get('locale'), modality: defaultModality(event) });
  });

  const createAction = formAction({
    load: loadWithCall,
    allow: eventPolicy.propose,
    schema: ProposalSchema,
    fromForm: proposalFromForm,
    toFields: proposalToFields,
    run: (ctx, input, event) => createProposal(ctx, { event, call: event.call, taxonomy }, input, input.intent),
    done: (_, { id }, { subject, input }) => withNotice(`${at(subject)}/proposals/${id}`, input.intent === 'submit' ? 'submitted' : 'created'),
    retry: (c, failed, { subject, status }) => proposalForm(c, subject, failed.values, { failed, status }),
  });

  /** "Check the rules" and "More rows" show the form again (no write); the other buttons save. */
  const orRedisplay = (load: (c: Context<AppEnv>) => Promise<{ event: EventWithCall & { call: Call }; proposal?: Proposal } | undefined>, allow: 'propose' | 'editProposal', save: ReturnType<typeof formAction>) =>
    async (c: Context<AppEnv>, next: () => Promise<void>) => {
      const loaded = await load(c);
      if (!loaded) return c.notFound();
      if (allow === 'propose') authorize(c.get('actor'), eventPolicy.propose, loaded.event);
      else authorize(c.get('actor'), eventPolicy.editProposal, loaded as LoadedProposal);
      const values = await readForm(c);
      if (redisplayIntents.includes(valueOf(values, 'intent'))) return proposalForm(c, loaded.event, values, { proposal: loaded.proposal });
      return save(c, next);
    };

  app.post('/events/:slug/proposals/new', orRedisplay(async (c) => {
    const event = await loadWithCall(c);
    return event ? { event } : undefined;
  }, 'propose', createAction));

  app.get('/events/:slug/proposals/:id', async (c) => {
    const found = await loadProposal(c);
    if (!found) return c.notFound();
    return proposalPage(c, found);
  });

  async function proposalPage(c: Context<AppEnv>, found: LoadedProposal, failed?: FailedForm, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const { event, proposal } = found;
    const live = proposal.status === 'draft' || proposal.status === 'submitted';
    const can = {
      edit: eventPolicy.editProposal(actor, found) && live && callState(event.call, now()) === 'open',
      withdraw: eventPolicy.withdrawProposal(actor, found) && live,
    };
    const screening = screenProposal(draftOfProposal(proposal), await screeningFor(db, event.call, taxonomy, services.clock()));
    return page(c, proposal.title, <ProposalPage event={event} call={event.call} proposal={proposal} screening={screening} can={can} notice={c.req.query('notice')} failed={failed} />, status);
  }

  app.get('/events/:slug/proposals/:id/edit', async (c) => {
    const found = await loadProposal(c);
    if (!found) return c.notFound();
    authorize(c.get('actor'), eventPolicy.editProposal, found);
    if (found.proposal.status !== 'draft' && found.proposal.status !== 'submitted') {
      return proposalPage(c, found, { values: {}, errors: { _form: c.get('t')('events.proposals.errors.not_editable') } }, 409);
    }
    return callNotOpen(c, found.event) ?? proposalForm(c, found.event, proposalValues(found.proposal, found.event), { proposal: found.proposal });
  });

  const updateAction = formAction({
    load: loadProposal,
    allow: eventPolicy.editProposal,
    schema: ProposalSchema,
    fromForm: proposalFromForm,
    toFields: proposalToFields,
    run: (ctx, input, found) => updateProposal(ctx, { event: found.event, call: found.event.call, taxonomy }, found.proposal.id, input, input.intent),
    done: (_, { id }, { subject, input }) => withNotice(`${at(subject.event)}/proposals/${id}`, input.intent === 'submit' && subject.proposal.status === 'draft' ? 'submitted' : 'saved'),
    retry: (c, failed, { subject, status }) => proposalForm(c, subject.event, failed.values, { proposal: subject.proposal, failed, status }),
  });

  app.post('/events/:slug/proposals/:id/edit', orRedisplay(loadProposal, 'editProposal', updateAction));

  app.post('/events/:slug/proposals/:id/withdraw', formAction({
    load: loadProposal,
    allow: eventPolicy.withdrawProposal,
    schema: noFields,
    run: (ctx, _, found) => withdrawProposal(ctx, found.proposal.id),
    done: (_, __, { subject }) => withNotice(`${at(subject.event)}/proposals/${subject.proposal.id}`, 'withdrawn'),
    retry: (c, failed, { subject, status }) => proposalPage(c, subject, failed, status),
  }));
  app.get('/events/:slug/proposals/:id/withdraw', formAddress((c) => `/events/${encodeURIComponent(c.req.param('slug') ?? '')}/proposals/${encodeURIComponent(c.req.param('id') ?? '')}`));

  app.get('/my/proposals', async (c) => {
    const actor = c.get('actor');
    authorize(actor, eventPolicy.seeOwnProposals, undefined);
    return page(c, c.get('t')('events.proposals.mine_title'), <MyProposals items={await proposalsOfPerson(db, actor.user.id)} />);
  });
}
