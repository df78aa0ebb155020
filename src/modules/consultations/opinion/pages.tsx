/** The opinion map's routes (docs/decisions/039): the page, voting, proposing and moderating statements, recomputing, and the Polis export. */
import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { page } from '../../../platform/http/context.ts';
import { audit } from '../../../platform/audit.ts';
import { ok } from '../../../platform/http/result.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../../platform/http/action.ts';
import { EmptySchema } from '../schema.ts';
import { dayOf, findConsultation, phaseOn, type Consultation } from '../queries.ts';
import { recomputeOpinionMap } from './analysis.ts';
import { castVote, moderateStatement, proposeStatement, voteTarget } from './commands.ts';
import { opinionPolicy } from './policy.ts';
import { commentsCsv, participantsVotesCsv, votesCsv } from './polis.ts';
import { lastAnalysis, liveCounts, mayTakePart, statementsOf, votesOf, type Statement } from './queries.ts';
import { ModerationSchema, StatementSchema, VoteSchema, statementNumber, statementsPerPage } from './schema.ts';
import { OpinionPage, OpinionRefusedPage, opinionsHref, type OpinionForms } from './views.tsx';

const notices = ['voted', 'proposed', 'proposed_approved', 'approved', 'withdrawn', 'recomputed', 'nothing_to_map'] as const;
const noticeOf = (c: Context<AppEnv>) => (notices as readonly string[]).includes(c.req.query('notice') ?? '') ? c.req.query('notice') : undefined;

/** The page of the statements list to show: the one holding a refused vote's statement, else the one asked for (within range). */
function listPage(c: Context<AppEnv>, statements: Statement[], forms: OpinionForms): number {
  const pages = Math.max(1, Math.ceil(statements.length / statementsPerPage));
  const refusedAt = forms.refused ? statements.findIndex((s) => s.number === forms.refused!.number) : -1;
  if (refusedAt >= 0) return Math.floor(refusedAt / statementsPerPage) + 1;
  const asked = Number(c.req.query('page'));
  return Number.isInteger(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
}

/** The statement to ask about next: one the viewer has not voted on, the least voted first, so every statement gathers votes. */
function nextStatement(statements: Statement[], mine: Map<number, number>): Statement | undefined {
  let next: Statement | undefined;
  for (const s of statements) {
    if (mine.has(s.number)) continue;
    if (!next || s.agree + s.disagree + s.pass < next.agree + next.disagree + next.pass) next = s;
  }
  return next;
}

export function opinionPages(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;

  /** The statement number the address names, -1 when it names none, undefined when it is not a number. */
  const numberIn = (c: Context<AppEnv>) => {
    const n = c.req.param('n');
    if (n === undefined) return -1;
    return statementNumber.test(n) ? Number(n) : undefined;
  };
  /** A published consultation the visitor may see, with the statement number the address names (if any). */
  const loadConsultation = async (c: Context<AppEnv>): Promise<(Consultation & { statementNumber: number }) | undefined> => {
    const found = await findConsultation(db, c.req.param('slug') ?? '');
    const n = numberIn(c);
    if (!found || n === undefined || !opinionPolicy.view(c.get('actor'), found)) return undefined;
    return Object.assign(found, { statementNumber: n });
  };
  /**
   * A vote needs only the consultation's row with the statement and the voter's row (one read instead
   * of six, at hundreds of votes a second); a refused vote loads the rest to show the map.
   */
  const loadForVote = async (c: Context<AppEnv>) => {
    const n = numberIn(c);
    if (n === undefined) return undefined;
    const found = await voteTarget(db, c.req.param('slug') ?? '', n, c.get('actor').user?.id ?? null);
    return found && opinionPolicy.view(c.get('actor'), found) ? found : undefined;
  };

  async function showMap(c: Context<AppEnv>, consultation: Consultation, forms: OpinionForms = {}, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const open = mayTakePart(phaseOn(consultation, dayOf(services.clock())));
    const can = {
      vote: open && opinionPolicy.takePart(actor, consultation),
      signIn: open && actor.user === null,
      moderate: opinionPolicy.moderate(actor, consultation),
      recompute: opinionPolicy.recompute(actor, consultation),
    };
    const [statements, pending, mine, analysis, live] = await Promise.all([
      statementsOf(db, consultation.id),
      can.moderate ? statementsOf(db, consultation.id, ['pending']) : Promise.resolve([]),
      actor.user ? votesOf(db, consultation.id, actor.user.id) : Promise.resolve(new Map<number, number>()),
      lastAnalysis(db, consultation.id),
      liveCounts(db, consultation.id),
    ]);
    return page(c, c.get('t')('consultations.opinion.page_title', { title: consultation.title }), (
      <OpinionPage c={consultation} statements={statements} pending={pending} mine={mine} analysis={analysis} live={live} can={can} forms={forms} notice={noticeOf(c)}
        page={listPage(c, statements, forms)} next={can.vote ? nextStatement(statements, mine) : undefined} />
    ), status);
  }

  /** A refused vote or decision is shown beside its statement. */
  const refusedAt = (subject: Consultation & { statementNumber: number }, failed: FailedForm): OpinionForms => ({
    refused: { number: subject.statementNumber, message: failed.errors._form ?? Object.values(failed.errors)[0] ?? '' },
  });

  app.get('/consultations/:slug/opinions', async (c) => {
    const consultation = await loadConsultation(c);
    return consultation ? showMap(c, consultation) : c.notFound();
  });

  app.post('/consultations/:slug/opinions/statements', formAction({
    load: loadConsultation,
    allow: opinionPolicy.takePart,
    schema: StatementSchema,
    run: (ctx, input, subject) => proposeStatement(ctx, subject, input, opinionPolicy.moderate(ctx.actor, subject)),
    done: (_, { number, status }, { subject }) => withNotice(opinionsHref(subject.slug), status === 'approved' ? 'proposed_approved' : 'proposed', status === 'approved' ? `statement-${number}` : 'propose'),
    retry: (c, failed, { subject, status }) => showMap(c, subject, { statement: failed }, status),
  }));
  app.get('/consultations/:slug/opinions/statements', formAddress((c) => opinionsHref(c.req.param('slug')!), 'propose'));

  app.post('/consultations/:slug/opinions/statements/:n/vote', formAction({
    load: loadForVote,
    allow: opinionPolicy.takePart,
    schema: VoteSchema,
    run: (ctx, input, subject) => castVote(ctx, subject, input),
    done: (_, { number }, { subject, input }) => input.page === undefined
      ? withNotice(opinionsHref(subject.slug), 'voted', 'next')
      : withNotice(`${opinionsHref(subject.slug)}?page=${input.page}`, 'voted', `statement-${number}`),
    retry: async (c, failed, { status }) => {
      const consultation = await loadConsultation(c);
      return consultation ? showMap(c, consultation, refusedAt(consultation, failed), status) : c.notFound();
    },
  }));
  app.get('/consultations/:slug/opinions/statements/:n/vote', formAddress((c) => opinionsHref(c.req.param('slug')!)));

  app.post('/consultations/:slug/opinions/statements/:n/moderation', formAction({
    load: loadConsultation,
    allow: opinionPolicy.moderate,
    schema: ModerationSchema,
    run: (ctx, input, subject) => moderateStatement(ctx, subject, subject.statementNumber, input),
    done: (_, __, { subject, input }) => withNotice(opinionsHref(subject.slug), input.decision, 'moderation-title'),
    retry: (c, failed, { subject, status }) => showMap(c, subject, refusedAt(subject, failed), status),
  }));
  app.get('/consultations/:slug/opinions/statements/:n/moderation', formAddress((c) => opinionsHref(c.req.param('slug')!)));

  app.post('/consultations/:slug/opinions/recompute', formAction({
    load: loadConsultation,
    allow: opinionPolicy.recompute,
    schema: EmptySchema,
    run: async (ctx, _, subject) => {
      // The engine runs in its worker, outside any transaction; its result replaces the last analysis in one write.
      const done = await recomputeOpinionMap(db, subject.id, ctx.now);
      await audit(db, ctx.actor, ctx.now, { action: 'consultation.opinion_map_recomputed', subjectType: 'consultation', subjectId: subject.id, details: { computed: done !== undefined } });
      return done ? ok({ computed: true }) : ok({ computed: false });
    },
    done: (_, { computed }, { subject }) => withNotice(opinionsHref(subject.slug), computed ? 'recomputed' : 'nothing_to_map', 'map-title'),
    retry: (c, failed, { subject, status }) => page(c, subject.title, <OpinionRefusedPage c={subject} message={failed.errors._form ?? ''} />, status),
  }));
  app.get('/consultations/:slug/opinions/recompute', formAddress((c) => opinionsHref(c.req.param('slug')!), 'map-title'));

  app.get('/consultations/:slug/opinions/export/:file', async (c) => {
    const consultation = await loadConsultation(c);
    const file = c.req.param('file');
    if (!consultation || !['votes.csv', 'comments.csv', 'participants-votes.csv'].includes(file)) return c.notFound();
    let body: string;
    if (file === 'votes.csv') body = await votesCsv(db, consultation.id);
    else if (file === 'comments.csv') body = await commentsCsv(db, consultation.id);
    else {
      const analysis = await lastAnalysis(db, consultation.id);
      const groups = new Map<number, string>();
      analysis?.map.opinion_groups.forEach((g, i) => g.members.forEach((m) => groups.set(m, String(i))));
      body = await participantsVotesCsv(db, consultation.id, groups);
    }
    return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${consultation.slug}-${file}"` });
  });
}

