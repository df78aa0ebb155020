/** The routes of positions, the consensus call, appeals, the public record and following (docs/decisions/038). */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { page } from '../../platform/http/context.ts';
import { authorize } from '../../platform/policy.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../platform/http/action.ts';
import { consultationPolicy } from './policy.ts';
import { amendmentsOf, dayOf, findConsultation, findVersion, phaseOn, type Consultation } from './queries.ts';
import { hasCall, flagBlocking, mayFlag, mayTakePosition, positionsOf, takePosition } from './positions.ts';
import { answerAppeal, breakdownOf, fileAppeal, isFollowing, mayCall, recordCall, setFollowing } from './consensus.ts';
import { AnswerSchema, AppealSchema, CallSchema, FlagSchema, PositionSchema, callErrorsToFields, callFromForm } from './consensusSchema.ts';
import { consultationRecordOf, recordJson, recordMarkdown } from './record.ts';
import { CallPage, PositionsPage, RecordPage, positionsHref, recordHref } from './consensusViews.tsx';
import { RefusedPage, consultationHref } from './views.tsx';

const positionNotices = ['taken', 'flagged'] as const;
const recordNotices = ['called', 'appealed', 'answered', 'followed', 'unfollowed'] as const;
const noticeIn = (c: Context<AppEnv>, allowed: readonly string[]) => (allowed.includes(c.req.query('notice') ?? '') ? c.req.query('notice') : undefined);

const FollowSchema = z.object({ follow: z.enum(['yes', 'no'], { message: 'common.errors.invalid_choice' }), back: z.enum(['text', 'record']).default('text') });

export function consensusPages(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const today = () => dayOf(services.clock());

  /** A published consultation the visitor may see. */
  const loadPublished = async (c: Context<AppEnv>): Promise<Consultation | undefined> => {
    const found = await findConsultation(db, c.req.param('slug') ?? '');
    return found && found.published_version > 0 && consultationPolicy.view(c.get('actor'), found) ? found : undefined;
  };
  const loadAppeal = async (c: Context<AppEnv>) => {
    const consultation = await loadPublished(c);
    return consultation ? Object.assign(consultation, { appealId: c.req.param('appeal') ?? '' }) : undefined;
  };
  const loadObjection = async (c: Context<AppEnv>) => {
    const consultation = await loadPublished(c);
    return consultation ? Object.assign(consultation, { positionId: c.req.param('position') ?? '' }) : undefined;
  };
  const blocksOf = async (c: Consultation) => (await findVersion(db, c.id, c.published_version))?.blocks ?? [];

  async function showPositions(c: Context<AppEnv>, consultation: Consultation, form?: FailedForm, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const phase = phaseOn(consultation, today());
    const [blocks, positions, called] = await Promise.all([blocksOf(consultation), positionsOf(db, consultation.id), hasCall(db, consultation.id)]);
    const chairs = consultationPolicy.call(actor, consultation);
    const can = {
      take: consultationPolicy.participate(actor, consultation) && mayTakePosition(phase) && !called,
      flag: chairs && mayFlag(phase) && !called,
      call: chairs && mayCall(phase),
      signIn: actor.user === null && mayTakePosition(phase) && !called,
    };
    return page(c, c.get('t')('consultations.positions.title', { title: consultation.title }), (
      <PositionsPage c={consultation} blocks={blocks} phase={phase} positions={positions} breakdown={breakdownOf(config.stakeholders, positions, Number(consultation.min_per_group))}
        mine={positions.filter((p) => p.author.id === actor.user?.id)} can={can} form={form} notice={noticeIn(c, positionNotices)} called={called} />
    ), status);
  }

  async function showCall(c: Context<AppEnv>, consultation: Consultation, form?: FailedForm, status: 200 | FailedStatus = 200) {
    const [blocks, positions, amendments] = await Promise.all([blocksOf(consultation), positionsOf(db, consultation.id), amendmentsOf(db, consultation.id)]);
    return page(c, c.get('t')('consultations.consensus.title', { title: consultation.title }), (
      <CallPage c={consultation} blocks={blocks} positions={positions} breakdown={breakdownOf(config.stakeholders, positions, Number(consultation.min_per_group))} amendments={amendments}
        form={form} open={mayCall(phaseOn(consultation, today()))} />
    ), status);
  }

  async function showRecord(c: Context<AppEnv>, consultation: Consultation, options: { printable?: boolean; form?: FailedForm & { appeal?: string }; status?: 200 | FailedStatus } = {}) {
    const actor = c.get('actor');
    const record = await consultationRecordOf(db, consultation);
    const open = record.lastAppealDay !== undefined && today() <= record.lastAppealDay;
    const can = {
      appeal: consultationPolicy.participate(actor, consultation) && open,
      answer: consultationPolicy.call(actor, consultation),
      signIn: actor.user === null && open,
      follow: actor.user ? consultationPolicy.follow(actor, consultation) : undefined,
      following: actor.user ? await isFollowing(db, consultation.id, actor.user.id) : false,
    };
    const title = c.get('t')('consultations.record.title', { title: consultation.title });
    return page(c, title, <RecordPage record={record} can={can} printable={options.printable ?? false} form={options.form} notice={noticeIn(c, recordNotices)} />, options.status ?? 200);
  }

  app.get('/consultations/:slug/positions', async (c) => {
    const consultation = await loadPublished(c);
    return consultation ? showPositions(c, consultation) : c.notFound();
  });
  app.post('/consultations/:slug/positions', formAction({
    load: loadPublished,
    allow: consultationPolicy.participate,
    schema: PositionSchema,
    run: (ctx, input, consultation) => takePosition(ctx, consultation, input),
    done: (_, __, { subject }) => withNotice(positionsHref(subject.slug), 'taken', 'take-title'),
    retry: (c, failed, { subject, status }) => showPositions(c, subject, failed, status),
  }));

  app.post('/consultations/:slug/positions/:position/blocking', formAction({
    load: loadObjection,
    allow: consultationPolicy.call,
    schema: FlagSchema,
    run: (ctx, _, subject) => flagBlocking(ctx, subject, subject.positionId),
    done: (_, __, { subject }) => withNotice(positionsHref(subject.slug), 'flagged', `objection-${subject.positionId}`),
    retry: (c, failed, { subject, status }) => showPositions(c, subject, failed, status),
  }));
  app.get('/consultations/:slug/positions/:position/blocking', formAddress((c) => positionsHref(c.req.param('slug')!), 'objections-title'));

  app.get('/consultations/:slug/consensus', async (c) => {
    const consultation = await loadPublished(c);
    if (!consultation) return c.notFound();
    authorize(c.get('actor'), consultationPolicy.call, consultation);
    if (await hasCall(db, consultation.id)) return c.redirect(`${recordHref(consultation.slug)}#call-title`, 303);
    return showCall(c, consultation);
  });
  app.post('/consultations/:slug/consensus', formAction({
    load: loadPublished,
    allow: consultationPolicy.call,
    schema: CallSchema,
    fromForm: callFromForm,
    toFields: callErrorsToFields,
    run: (ctx, input, consultation) => recordCall(ctx, consultation, input, config.stakeholders),
    done: (_, __, { subject }) => withNotice(recordHref(subject.slug), 'called', 'call-title'),
    retry: (c, failed, { subject, status }) => showCall(c, subject, failed, status),
  }));

  app.get('/consultations/:slug/record', async (c) => {
    const consultation = await loadPublished(c);
    return consultation ? showRecord(c, consultation) : c.notFound();
  });
  app.get('/consultations/:slug/record/print', async (c) => {
    const consultation = await loadPublished(c);
    return consultation ? showRecord(c, consultation, { printable: true }) : c.notFound();
  });
  app.get('/consultations/:slug/record.json', async (c) => {
    const consultation = await loadPublished(c);
    return consultation ? c.json(recordJson(await consultationRecordOf(db, consultation), config.baseUrl)) : c.notFound();
  });
  app.get('/consultations/:slug/record.md', async (c) => {
    const consultation = await loadPublished(c);
    if (!consultation) return c.notFound();
    const markdown = recordMarkdown(await consultationRecordOf(db, consultation), config.baseUrl, c.get('t'), config.stakeholders);
    return c.body(markdown, 200, { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `inline; filename="${consultation.slug}-record.md"` });
  });

  app.post('/consultations/:slug/record/appeals', formAction({
    load: loadPublished,
    allow: consultationPolicy.participate,
    schema: AppealSchema,
    run: (ctx, input, consultation) => fileAppeal(ctx, consultation, input.appeal),
    done: (_, { id }, { subject }) => withNotice(recordHref(subject.slug), 'appealed', `appeal-${id}`),
    retry: (c, failed, { subject, status }) => showRecord(c, subject, { form: failed, status }),
  }));
  app.get('/consultations/:slug/record/appeals', formAddress((c) => recordHref(c.req.param('slug')!), 'appeal'));

  app.post('/consultations/:slug/record/appeals/:appeal/answer', formAction({
    load: loadAppeal,
    allow: consultationPolicy.call,
    schema: AnswerSchema,
    run: (ctx, input, subject) => answerAppeal(ctx, subject, subject.appealId, input.answer),
    done: (_, { id }, { subject }) => withNotice(recordHref(subject.slug), 'answered', `appeal-${id}`),
    retry: (c, failed, { subject, status }) => showRecord(c, subject, { form: { ...failed, appeal: subject.appealId }, status }),
  }));
  app.get('/consultations/:slug/record/appeals/:appeal/answer', formAddress((c) => recordHref(c.req.param('slug')!), 'appeals-title'));

  app.post('/consultations/:slug/follow', formAction({
    load: loadPublished,
    allow: consultationPolicy.follow,
    schema: FollowSchema,
    run: (ctx, input, consultation) => setFollowing(ctx, consultation, input.follow === 'yes'),
    done: (_, { following }, { subject, input }) => withNotice(input.back === 'record' ? recordHref(subject.slug) : consultationHref(subject.slug), following ? 'followed' : 'unfollowed', 'follow'),
    // Only a forged form fails here: say so plainly, with the way back.
    retry: (c, failed, { subject, status }) => page(c, subject.title, <RefusedPage c={subject} message={failed.errors._form ?? Object.values(failed.errors)[0] ?? ''} />, status),
  }));
  app.get('/consultations/:slug/follow', formAddress((c) => consultationHref(c.req.param('slug')!), 'follow'));
}
