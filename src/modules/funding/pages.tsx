import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { page } from '../../platform/http/context.ts';
import { formAction, formAddress, withNotice, type FailedForm, type FailedStatus } from '../../platform/http/action.ts';
import { authorize } from '../../platform/policy.ts';
import { toCsv } from '../../platform/csv.ts';
import { findInitiativeBySlug } from '../initiatives/index.ts';
import { discardDraft, draftEntry, publishEntry, setBudget, setMaxShare } from './commands.ts';
import { fundingPolicy } from './policy.ts';
import { budgetsOf, eventsOfInitiative, findEntry, ledgerOf, maxShareOf } from './queries.ts';
import { BudgetSchema, ExpenseSchema, IncomeSchema, NothingSchema, ReceiptSchema, ThresholdSchema } from './schema.ts';
import { attachReceipt, receiptExtension, receiptFile, removeReceipt } from './receipts.ts';
import { budgetLines, totalsOf, warningsOf, type LedgerEntry } from './totals.ts';
import { csvHeader, csvRow, presentEntry, presentLedger } from './present.ts';
import { toDecimal } from './money.ts';
import { CorrectPage, FundingPage, LedgerFormPage, ReceiptFormPage, type FundingPageProps } from './views.tsx';

type Forms = FundingPageProps['forms'];

export function fundingPages(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const href = (slug: string) => `/initiatives/${slug}/funding`;

  /** The initiative whose ledger it is: its committee, and the public events expenses may name. */
  const loadLedger = async (c: Context<AppEnv>) => {
    const initiative = await findInitiativeBySlug(db, c.req.param('slug') ?? '');
    if (!initiative) return undefined;
    const events = await eventsOfInitiative(db, initiative.slug, services.clock());
    return { id: initiative.id, slug: initiative.slug, name: initiative.name, committee: initiative.committee, events };
  };
  type Ledger = NonNullable<Awaited<ReturnType<typeof loadLedger>>>;

  /** An entry of that ledger (an id of another initiative's entry finds nothing here). */
  const loadEntry = async (c: Context<AppEnv>) => {
    const ledger = await loadLedger(c);
    const entry = ledger ? await findEntry(db, ledger.id, c.req.param('id') ?? '') : undefined;
    return ledger && entry ? { ...ledger, status: entry.status, entry } : undefined;
  };

  async function showLedger(c: Context<AppEnv>, ledger: Ledger, forms: Forms = {}, status: 200 | FailedStatus = 200) {
    const actor = c.get('actor');
    const can = { seeDrafts: fundingPolicy.seeDrafts(actor, ledger), manage: fundingPolicy.manage(actor, ledger) };
    const [entries, budgets, maxShare] = await Promise.all([ledgerOf(db, ledger.id, ledger.events, { drafts: can.seeDrafts }), budgetsOf(db, ledger.id, ledger.events), maxShareOf(db, ledger.id)]);
    const published = entries.filter((e) => e.status === 'published');
    const totals = totalsOf(published, config.stakeholders);
    return page(c, c.get('t')('funding.title', { name: ledger.name }), (
      <FundingPage initiative={ledger} entries={entries} totals={totals} warnings={warningsOf(totals, maxShare)} maxShare={maxShare}
        budgets={budgetLines(published, budgets)} events={ledger.events} can={can} forms={forms} notice={c.req.query('notice')} />
    ), status);
  }

  /** The entry to correct, as the form starts: its own values. */
  const entryValues = (e: LedgerEntry) => ({
    sponsor: e.sponsor ?? '', stakeholder_group: e.stakeholder_group ?? '', support: e.support ?? '', conditions: e.conditions ?? '', category: e.category ?? '',
    event: e.event?.id ?? '', description: e.description ?? '', currency: e.currency, amount: toDecimal(e.amount, e.currency), occurred_on: e.occurred_on,
  });

  async function showCorrect(c: Context<AppEnv>, subject: NonNullable<Awaited<ReturnType<typeof loadEntry>>>, form?: FailedForm, status: 200 | FailedStatus = 200) {
    const entries = await ledgerOf(db, subject.id, subject.events, { drafts: false });
    const entry = entries.find((e) => e.id === subject.entry.id);
    if (!entry) return c.notFound();
    return page(c, c.get('t')('funding.correct.title', { what: entry.sponsor ?? c.get('t')(`funding.category.${entry.category}`) }), (
      <CorrectPage initiative={subject} entry={entry} events={subject.events} form={form ?? { values: entryValues(entry), errors: {} }} />
    ), status);
  }

  /** A form of the committee's on its own page: what was typed and its errors when it failed. */
  const showForm = (kind: 'income' | 'expense' | 'budget') => async (c: Context<AppEnv>, ledger: Ledger, form?: FailedForm, status: 200 | FailedStatus = 200) =>
    page(c, c.get('t')(`funding.form.${kind}_title`), <LedgerFormPage initiative={ledger} kind={kind} events={ledger.events} form={form ?? { values: {}, errors: {} }} />, status);
  const formPage = (kind: 'income' | 'expense' | 'budget') => async (c: Context<AppEnv>) => {
    const ledger = await loadLedger(c);
    if (!ledger) return c.notFound();
    authorize(c.get('actor'), fundingPolicy.manage, ledger);
    return showForm(kind)(c, ledger);
  };

  app.get('/initiatives/:slug/funding', async (c) => {
    const ledger = await loadLedger(c);
    if (!ledger) return c.notFound();
    authorize(c.get('actor'), fundingPolicy.view, ledger);
    return showLedger(c, ledger);
  });

  app.post('/initiatives/:slug/funding/income', formAction({
    load: loadLedger,
    allow: fundingPolicy.manage,
    schema: IncomeSchema,
    run: (ctx, input, ledger) => draftEntry(ctx, ledger, { kind: 'income', input }),
    done: (_, { id }, { subject }) => withNotice(href(subject.slug), 'drafted', `entry-${id}`),
    retry: (c, failed, { subject, status }) => showForm('income')(c, subject, failed, status),
  }));
  app.get('/initiatives/:slug/funding/income', formPage('income'));

  app.post('/initiatives/:slug/funding/expense', formAction({
    load: loadLedger,
    allow: fundingPolicy.manage,
    schema: ExpenseSchema,
    run: (ctx, input, ledger) => draftEntry(ctx, ledger, { kind: 'expense', input }),
    done: (_, { id }, { subject }) => withNotice(href(subject.slug), 'drafted', `entry-${id}`),
    retry: (c, failed, { subject, status }) => showForm('expense')(c, subject, failed, status),
  }));
  app.get('/initiatives/:slug/funding/expense', formPage('expense'));

  app.post('/initiatives/:slug/funding/budgets', formAction({
    load: loadLedger,
    allow: fundingPolicy.manage,
    schema: BudgetSchema,
    run: (ctx, input, ledger) => setBudget(ctx, ledger, input),
    done: (_, __, { subject }) => withNotice(href(subject.slug), 'budget_saved', 'budgets-title'),
    retry: (c, failed, { subject, status }) => showForm('budget')(c, subject, failed, status),
  }));
  app.get('/initiatives/:slug/funding/budgets', formPage('budget'));

  app.post('/initiatives/:slug/funding/threshold', formAction({
    load: loadLedger,
    allow: fundingPolicy.manage,
    schema: ThresholdSchema,
    run: (ctx, input, ledger) => setMaxShare(ctx, ledger, input),
    done: (_, __, { subject }) => withNotice(href(subject.slug), 'threshold_saved', 'totals-title'),
    retry: (c, failed, { subject, status }) => showLedger(c, subject, { threshold: failed }, status),
  }));
  app.get('/initiatives/:slug/funding/threshold', formAddress((c) => href(c.req.param('slug')!), 'threshold'));

  app.post('/initiatives/:slug/funding/entries/:id/publish', formAction({
    load: loadEntry,
    allow: fundingPolicy.publish,
    schema: NothingSchema,
    run: (ctx, _, subject) => publishEntry(ctx, subject, subject.entry.id),
    done: (_, __, { subject }) => withNotice(href(subject.slug), 'published', `entry-${subject.entry.id}`),
    retry: (c, failed, { subject, status }) => showLedger(c, subject, { draft: { ...failed, id: subject.entry.id } }, status),
  }));
  app.get('/initiatives/:slug/funding/entries/:id/publish', formAddress((c) => href(c.req.param('slug')!), 'drafts-title'));

  app.post('/initiatives/:slug/funding/entries/:id/discard', formAction({
    load: loadEntry,
    allow: fundingPolicy.discard,
    schema: NothingSchema,
    run: (ctx, _, subject) => discardDraft(ctx, subject, subject.entry.id),
    done: (_, __, { subject }) => withNotice(href(subject.slug), 'discarded', 'drafts-title'),
    retry: (c, failed, { subject, status }) => showLedger(c, subject, { draft: { ...failed, id: subject.entry.id } }, status),
  }));
  app.get('/initiatives/:slug/funding/entries/:id/discard', formAddress((c) => href(c.req.param('slug')!), 'drafts-title'));

  app.get('/initiatives/:slug/funding/entries/:id/correct', async (c) => {
    const subject = await loadEntry(c);
    if (!subject) return c.notFound();
    authorize(c.get('actor'), fundingPolicy.correct, subject);
    // Only a published entry is corrected; a draft is discarded and drafted again.
    if (subject.entry.status !== 'published') {
      const t = c.get('t');
      return page(c, t('common.status.409'), (
        <><p class="back"><a href={`${href(subject.slug)}#entry-${subject.entry.id}`}>{t('funding.correct.back', { name: subject.name })}</a></p>
          <h1>{t('common.status.409')}</h1><p class="alert" role="alert">{t('funding.errors.correct_draft')}</p></>
      ), 409);
    }
    return showCorrect(c, subject);
  });

  // A correction has the fields of what it corrects: income's or an expense's.
  const correction = (kind: 'income' | 'expense') => formAction({
    load: loadEntry,
    allow: fundingPolicy.correct,
    schema: kind === 'income' ? IncomeSchema : ExpenseSchema,
    run: (ctx, input, subject) => draftEntry(ctx, subject, { kind, input } as Parameters<typeof draftEntry>[2], subject.entry.id),
    done: (_, { id }, { subject }) => withNotice(href(subject.slug), 'drafted', `entry-${id}`),
    retry: (c, failed, { subject, status }) => (subject.entry.status === 'published' ? showCorrect(c, subject, failed, status) : showLedger(c, subject, { draft: { ...failed, id: subject.entry.id } }, status)),
  });
  const correctIncome = correction('income');
  const correctExpense = correction('expense');
  app.post('/initiatives/:slug/funding/entries/:id/correct', async (c, next) => {
    const subject = await loadEntry(c);
    return (subject?.entry.kind === 'expense' ? correctExpense : correctIncome)(c, next);
  });

  // Receipts: the file, and the committee's form to attach one to a draft (multipart, read here:
  // the platform's form reader keeps text only).
  app.get('/initiatives/:slug/funding/entries/:id/receipt', async (c) => {
    const subject = await loadEntry(c);
    const file = subject ? await receiptFile(db, subject.entry.id) : undefined;
    if (!subject || !file) return c.notFound();
    authorize(c.get('actor'), fundingPolicy.openReceipt, { ...subject, isPublic: Number(file.is_public) === 1 });
    // A download, never shown as a page of this site (the platform also sends nosniff and its CSP).
    return c.body(Buffer.from(file.data, 'base64'), 200, {
      'Content-Type': file.media_type, 'Content-Disposition': `attachment; filename="receipt-${subject.entry.id}.${receiptExtension(file.media_type)}"`, 'Cache-Control': 'private, no-store',
    });
  });

  const showReceiptForm = async (c: Context<AppEnv>, subject: NonNullable<Awaited<ReturnType<typeof loadEntry>>>, form?: FailedForm, status: 200 | FailedStatus = 200) => {
    const entry = (await ledgerOf(db, subject.id, subject.events, { drafts: true })).find((e) => e.id === subject.entry.id);
    if (!entry) return c.notFound();
    return page(c, c.get('t')('funding.receipt.title'), <ReceiptFormPage initiative={subject} entry={entry} form={form ?? { values: {}, errors: {} }} />, status);
  };
  app.get('/initiatives/:slug/funding/entries/:id/receipt/attach', async (c) => {
    const subject = await loadEntry(c);
    if (!subject) return c.notFound();
    authorize(c.get('actor'), fundingPolicy.attachReceipt, subject);
    return showReceiptForm(c, subject);
  });
  app.post('/initiatives/:slug/funding/entries/:id/receipt/attach', formAction({
    load: async (c) => {
      const subject = await loadEntry(c);
      const body = await c.req.parseBody({ all: true }).catch(() => ({} as Record<string, unknown>));
      return subject && { ...subject, upload: body.receipt instanceof File ? body.receipt : null };
    },
    allow: fundingPolicy.attachReceipt,
    schema: ReceiptSchema,
    run: (ctx, input, subject) => attachReceipt(ctx, subject, subject.entry.id, subject.upload, input.public),
    done: (_, __, { subject }) => withNotice(href(subject.slug), 'receipt_attached', `entry-${subject.entry.id}`),
    retry: (c, failed, { subject, status }) => showReceiptForm(c, subject, failed, status),
  }));
  app.post('/initiatives/:slug/funding/entries/:id/receipt/remove', formAction({
    load: loadEntry,
    allow: fundingPolicy.attachReceipt,
    schema: NothingSchema,
    run: (ctx, _, subject) => removeReceipt(ctx, subject, subject.entry.id),
    done: (_, __, { subject }) => withNotice(href(subject.slug), 'receipt_removed', `entry-${subject.entry.id}`),
    retry: (c, failed, { subject, status }) => showLedger(c, subject, { draft: { ...failed, id: subject.entry.id } }, status),
  }));
  app.get('/initiatives/:slug/funding/entries/:id/receipt/remove', formAddress((c) => href(c.req.param('slug')!), 'drafts-title'));

  async function publishedLedger(c: Context<AppEnv>) {
    const ledger = await loadLedger(c);
    if (!ledger) return undefined;
    authorize(c.get('actor'), fundingPolicy.view, ledger);
    const [entries, budgets, maxShare] = await Promise.all([ledgerOf(db, ledger.id, ledger.events, { drafts: false }), budgetsOf(db, ledger.id, ledger.events), maxShareOf(db, ledger.id)]);
    return { initiative: { slug: ledger.slug, name: ledger.name }, entries, budgets, maxShare };
  }

  app.get('/initiatives/:slug/funding.csv', async (c) => {
    const ledger = await publishedLedger(c);
    if (!ledger) return c.notFound();
    const rows = ledger.entries.map((e) => csvRow(presentEntry(e, config.baseUrl, ledger.initiative.slug)));
    return c.body(toCsv(csvHeader, rows), 200, {
      'content-type': 'text/csv; charset=utf-8; header=present', 'content-disposition': `attachment; filename="funding-${ledger.initiative.slug}.csv"`,
    });
  });

  app.get('/initiatives/:slug/funding.json', async (c) => {
    const ledger = await publishedLedger(c);
    if (!ledger) return c.notFound();
    c.header('content-disposition', `inline; filename="funding-${ledger.initiative.slug}.json"`);
    return c.json(presentLedger(ledger, config.stakeholders, config.baseUrl));
  });
}
