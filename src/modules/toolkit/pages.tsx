import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { page } from '../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../platform/http/action.ts';
import { authorize } from '../../platform/policy.ts';
import { findInitiativeBySlug, membershipsOf, type InitiativeDetail } from '../initiatives/index.ts';
import { mentorCoordinatorsOf } from '../mentoring/index.ts';
import { offerHelp, tickStep, untickStep } from './commands.ts';
import { toolkitPolicy } from './policy.ts';
import { progressOf, whereStuck } from './queries.ts';
import { OfferSchema, TickSchema, UntickSchema } from './schema.ts';
import { stepByKey } from './steps.ts';
import { GuidePage, ProgressPage, StuckPage, TickPage } from './views.tsx';

type StepSubject = InitiativeDetail & { stepKey: string };

export function toolkitPages(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  const env = () => ({ now: services.clock(), stakeholders: services.config.stakeholders });

  const loadInitiative = (c: Context<AppEnv>) => findInitiativeBySlug(db, c.req.param('slug') ?? '');
  /** An initiative and one of the toolkit's steps; an unknown step is as missing as an unknown initiative. */
  const loadStep = async (c: Context<AppEnv>): Promise<StepSubject | undefined> => {
    const stepKey = c.req.param('step') ?? '';
    const initiative = stepByKey(stepKey) ? await loadInitiative(c) : undefined;
    return initiative ? Object.assign(initiative, { stepKey }) : undefined;
  };

  async function showProgress(c: Context<AppEnv>, initiative: InitiativeDetail, failed?: { step: string; form: FailedForm }, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const progress = await progressOf(db, initiative, env());
    return page(c, c.get('t')('toolkit.progress.title', { name: initiative.name }), (
      <ProgressPage initiative={initiative} progress={progress} canTick={toolkitPolicy.tick(actor, initiative)} notice={c.req.query('notice')} failed={failed} />
    ), status);
  }

  /** A manual step's own page, with the form to tick it; its form again, with what was typed and the errors beside the fields. */
  async function showTick(c: Context<AppEnv>, subject: StepSubject, form?: FailedForm, status: 200 | FailedStatus = 200) {
    const progress = await progressOf(db, subject, env());
    const step = progress.steps.find((s) => s.key === subject.stepKey)!;
    return page(c, c.get('t')('toolkit.tick.title', { title: c.get('t')(`toolkit.steps.${step.key}.title`) }), <TickPage initiative={subject} status={step} form={form} />, status);
  }
  const progressAt = (subject: StepSubject) => `/initiatives/${subject.slug}/toolkit#step-${subject.stepKey}`;

  app.get('/toolkit', async (c) => {
    const actor = c.get('actor');
    authorize(actor, toolkitPolicy.readGuidance, undefined);
    // A committee member finds the progress of their initiatives from here.
    const mine = actor.user ? await membershipsOf(db, actor.user.id) : [];
    return page(c, c.get('t')('toolkit.guide.title'), <GuidePage mine={mine} />);
  });

  app.get('/initiatives/:slug/toolkit', async (c) => {
    const initiative = await loadInitiative(c);
    if (!initiative) return c.notFound();
    authorize(c.get('actor'), toolkitPolicy.viewProgress, { ...initiative, mentors: await mentorCoordinatorsOf(db, initiative.id) });
    return showProgress(c, initiative);
  });

  app.post('/initiatives/:slug/toolkit/:step/tick', formAction({
    load: loadStep,
    allow: toolkitPolicy.tick,
    schema: TickSchema,
    run: (ctx, input, subject) => tickStep(ctx, subject, subject.stepKey, input),
    done: (_, __, { subject }) => withNotice(`/initiatives/${subject.slug}/toolkit`, 'ticked', `step-${subject.stepKey}`),
    // An automatic step has no form to come back to: the refusal shows on the progress page, beside the step.
    retry: (c, form, { subject, status }) => (status === 409 ? showProgress(c, subject, { step: subject.stepKey, form }, status) : showTick(c, subject, form, status)),
  }));
  app.get('/initiatives/:slug/toolkit/:step/tick', async (c) => {
    const subject = await loadStep(c);
    if (!subject) return c.notFound();
    authorize(c.get('actor'), toolkitPolicy.tick, subject);
    // An automatic step is not ticked by hand: its place on the progress page says why.
    return stepByKey(subject.stepKey)!.check ? c.redirect(progressAt(subject), 303) : showTick(c, subject);
  });

  app.post('/initiatives/:slug/toolkit/:step/untick', formAction({
    load: loadStep,
    allow: toolkitPolicy.tick,
    schema: UntickSchema,
    run: (ctx, _, subject) => untickStep(ctx, subject, subject.stepKey),
    done: (_, __, { subject }) => withNotice(`/initiatives/${subject.slug}/toolkit`, 'unticked', `step-${subject.stepKey}`),
    retry: (c, form, { subject, status }) => showProgress(c, subject, { step: subject.stepKey, form }, status),
  }));
  app.get('/initiatives/:slug/toolkit/:step/untick', formAddress((c) => `/initiatives/${encodeURIComponent(c.req.param('slug') ?? '')}/toolkit#step-${encodeURIComponent(c.req.param('step') ?? '')}`));

  const showStuck = async (c: Context<AppEnv>, failed?: { slug: string; message: string }, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')('toolkit.stuck.title'), <StuckPage overview={await whereStuck(db, env())} notice={c.req.query('notice')} failed={failed} />, status);

  app.get('/secretariat/toolkit', async (c) => {
    authorize(c.get('actor'), toolkitPolicy.seeWhereStuck, undefined);
    return showStuck(c);
  });

  app.post('/secretariat/toolkit/:slug/offer', formAction({
    // A secretariat-only area: others learn nothing of which initiatives exist.
    authorizeBeforeLoading: true,
    load: loadInitiative,
    allow: toolkitPolicy.offerHelp,
    schema: OfferSchema,
    run: async (ctx, _, initiative) => offerHelp(ctx, initiative, (await progressOf(db, initiative, env())).next),
    done: (_, __, { subject }) => withNotice('/secretariat/toolkit', 'offered', `offer-${subject.slug}`),
    retry: (c, form, { subject, status }) => showStuck(c, { slug: subject.slug, message: form.errors._form ?? '' }, status),
  }));
  app.get('/secretariat/toolkit/:slug/offer', formAddress(() => '/secretariat/toolkit'));
}
