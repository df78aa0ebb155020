/** The ledger's pages (docs/decisions/029): the public ledger with its totals, and the committee's forms. */
import { useView } from '../../platform/views/context.ts';
import { Checkbox, ChoiceField, FileField, Notice, PostForm, SelectField, TextArea, TextField, type Option } from '../../platform/views/components.tsx';
import { groupColour } from '../../platform/views/charts/stakeholderBalance.tsx';
import { formatDate } from '../../platform/i18n/index.ts';
import { valueOf, type FieldErrors, type FormValues } from '../../platform/http/forms.ts';
import type { Translate } from '../../platform/i18n/index.ts';
import { currencyCodes } from './currencies.ts';
import { maxReceiptBytes, receiptTypes } from './receipts.ts';
import { formatMoney, formatShare } from './money.ts';
import { expenseCategories, supports } from './schema.ts';
import type { BudgetLine, CurrencyTotals, EventRef, LedgerEntry, ShareWarning } from './totals.ts';

export interface Form {
  values: FormValues;
  errors: FieldErrors;
}

export interface LedgerInitiative {
  slug: string;
  name: string;
}

const ledgerHref = (slug: string) => `/initiatives/${slug}/funding`;

/** How an entry is named: its sponsor, or its expense category in the reader's language. */
const entryName = (t: Translate, e: LedgerEntry) => (e.kind === 'income' ? e.sponsor ?? '' : t(`funding.category.${e.category}`));

/** A currency's code with its name in the reader's language ("COP — Colombian peso"). */
function currencyOptions(locale: string): Option[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  return currencyCodes.map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
}

function EntryFacts({ entry }: { entry: LedgerEntry }) {
  const { t, locale, groupLabel } = useView();
  return (
    <>
      {entry.kind === 'income' ? (
        <>
          <p class="meta">{groupLabel(entry.stakeholder_group ?? '')} · {t(`funding.support.${entry.support}`)}</p>
          {entry.conditions && <p class="wrap">{t('funding.entry.conditions', { conditions: entry.conditions })}</p>}
        </>
      ) : (
        entry.event && <p class="meta">{t('funding.entry.for_event')} <a href={`/events/${entry.event.slug}`}>{entry.event.title}</a></p>
      )}
      {entry.description && <p class="wrap">{entry.description}</p>}
      <p class="meta">{formatDate(entry.occurred_on, locale)}</p>
    </>
  );
}

/** Its receipt: a link for those who may open it, otherwise that the committee keeps one. */
function ReceiptLine({ entry, slug, canOpenPrivate }: { entry: LedgerEntry; slug: string; canOpenPrivate: boolean }) {
  const { t } = useView();
  const receipt = entry.receipt;
  if (!receipt) return null;
  const what = { type: receiptKind(receipt.media_type), kb: Math.max(1, Math.ceil(receipt.bytes / 1024)) };
  return receipt.is_public || canOpenPrivate
    ? <p><a href={`${ledgerHref(slug)}/entries/${entry.id}/receipt`} download>{t('funding.receipt.link', what)}</a>{!receipt.is_public && <> · {t('funding.receipt.private_note')}</>}</p>
    : <p class="meta">{t('funding.receipt.kept', what)}</p>;
}

const receiptKind = (mediaType: string) => (mediaType === 'application/pdf' ? 'PDF' : mediaType.replace('image/', '').toUpperCase());

/** One line of the ledger: what, how much, and how it stands with corrections. */
function EntryItem({ entry, byId, can, slug }: { entry: LedgerEntry; byId: Map<string, LedgerEntry>; can: { manage: boolean; seeDrafts: boolean }; slug: string }) {
  const { t, locale } = useView();
  const name = (e: LedgerEntry) => entryName(t, e);
  const corrected = entry.corrects_id ? byId.get(entry.corrects_id) : undefined;
  const correction = entry.corrected_by ? byId.get(entry.corrected_by) : undefined;
  return (
    <li id={`entry-${entry.id}`} class={entry.corrected_by ? 'superseded' : undefined}>
      <h3>{name(entry)}: {formatMoney(entry.amount, entry.currency, locale)}</h3>
      <EntryFacts entry={entry} />
      <ReceiptLine entry={entry} slug={slug} canOpenPrivate={can.seeDrafts} />
      {corrected && <p>{t('funding.entry.corrects')} <a href={`#entry-${corrected.id}`}>{t('funding.entry.ref', { what: name(corrected), date: formatDate(corrected.occurred_on, locale) })}</a></p>}
      {correction && <p><strong>{t('funding.entry.corrected_by')}</strong> <a href={`#entry-${correction.id}`}>{t('funding.entry.ref', { what: name(correction), date: formatDate(correction.occurred_on, locale) })}</a>. {t('funding.entry.not_counted')}</p>}
      {can.manage && entry.status === 'published' && !entry.corrected_by && (
        <p><a href={`${ledgerHref(slug)}/entries/${entry.id}/correct`}>{t('funding.entry.correct_link', { what: name(entry) })}</a></p>
      )}
    </li>
  );
}

/**
 * Shares of a whole, one line each: the words carry every number (name, amount, share), and a bar
 * drawn on the server below each line shows its size at a glance. The bar is a picture of the words
 * beside it, so screen readers skip it; being SVG sized by its viewBox, it reflows to any width
 * (no inline style, which the CSP forbids).
 */
function ShareBars({ id, title, rows, currency, whole }: { id: string; title: string; rows: Array<{ key: string; label: string; amount: number }>; currency: string; whole: number }) {
  const { t, locale } = useView();
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <ul>{rows.map((row) => (
        <li>
          {t('funding.totals.line', { name: row.label, amount: formatMoney(row.amount, currency, locale), share: formatShare(row.amount, whole, locale) })}
          <svg viewBox="0 0 1000 24" width="100%" height="12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect x="0" y="0" width="1000" height="24" fill="#eef0f3" />
            {row.amount > 0 && <rect x="0" y="0" width={Math.max(4, Math.round((row.amount / whole) * 1000))} height="24" fill={groupColour(row.key)} />}
          </svg>
        </li>
      ))}</ul>
    </figure>
  );
}

function Totals({ totals, warnings, maxShare }: { totals: CurrencyTotals[]; warnings: ShareWarning[]; maxShare: number }) {
  const { t, locale, groupLabel, stakeholders } = useView();
  if (totals.length === 0) return <p>{t('funding.totals.none')}</p>;
  return (
    <>
      {warnings.length > 0 && (
        <div class="alert" id="warnings">
          <h3>{t('funding.warning.title')}</h3>
          <ul>{warnings.map((w) => (
            <li>{t(`funding.warning.${w.by}`, { name: w.by === 'group' ? groupLabel(w.name) : w.name, share: formatShare(w.amount, w.total, locale), max: maxShare, currency: w.currency })}</li>
          ))}</ul>
        </div>
      )}
      {totals.map((total) => (
        <section aria-labelledby={`totals-${total.currency}`}>
          <h3 id={`totals-${total.currency}`}>{t('funding.totals.currency', { currency: total.currency })}</h3>
          <dl class="facts">
            <div><dt>{t('funding.totals.income')}</dt><dd>{formatMoney(total.income, total.currency, locale)}</dd></div>
            <div><dt>{t('funding.totals.expenses')}</dt><dd>{formatMoney(total.expenses, total.currency, locale)}</dd></div>
            <div><dt>{t('funding.totals.balance')}</dt><dd>{formatMoney(total.income - total.expenses, total.currency, locale)}</dd></div>
          </dl>
          {total.income > 0 && (
            <>
              <ShareBars id={`groups-${total.currency}`} title={t('funding.totals.by_group', { currency: total.currency })}
                rows={total.groups.map((g) => ({ key: g.group, label: t(stakeholders.labelKey(g.group)), amount: g.amount }))} currency={total.currency} whole={total.income} />
              <h4>{t('funding.totals.by_sponsor', { currency: total.currency })}</h4>
              <ul>{total.sponsors.map((s) => <li>{t('funding.totals.line', { name: s.name, amount: formatMoney(s.amount, total.currency, locale), share: formatShare(s.amount, total.income, locale) })}</li>)}</ul>
            </>
          )}
          {total.categories.length > 0 && (
            <>
              <h4>{t('funding.totals.by_category', { currency: total.currency })}</h4>
              <ul>{total.categories.map((c) => <li>{t('funding.totals.line', { name: t(`funding.category.${c.category}`), amount: formatMoney(c.amount, total.currency, locale), share: formatShare(c.amount, total.expenses, locale) })}</li>)}</ul>
            </>
          )}
        </section>
      ))}
      <p class="hint">{t('funding.totals.counting', { max: maxShare })}</p>
    </>
  );
}

function Budgets({ lines }: { lines: BudgetLine[] }) {
  const { t, locale } = useView();
  if (lines.length === 0) return <p>{t('funding.budget.none')}</p>;
  return (
    <ul>{lines.map((l) => (
      <li>
        <a href={`/events/${l.event.slug}`}>{l.event.title}</a> ({l.currency}):{' '}
        {l.planned === null ? t('funding.budget.unplanned', { actual: formatMoney(l.actual, l.currency, locale) })
          : t('funding.budget.line', { planned: formatMoney(l.planned, l.currency, locale), actual: formatMoney(l.actual, l.currency, locale), share: formatShare(l.actual, l.planned, locale) })}
      </li>
    ))}</ul>
  );
}

/** Currency, amount and day: the same for income and expenses. */
function MoneyFields({ form, dateLabel }: { form: Form; dateLabel: string }) {
  const { t, locale } = useView();
  return (
    <>
      <SelectField name="currency" label={t('funding.field.currency')} blank="" value={valueOf(form.values, 'currency')} error={form.errors.currency} options={currencyOptions(locale)} required />
      <TextField name="amount" label={t('funding.field.amount')} hint={t('funding.field.amount_hint')} value={valueOf(form.values, 'amount')} error={form.errors.amount} maxlength={40} required />
      <TextField name="occurred_on" label={dateLabel} hint={t('funding.field.date_hint')} value={valueOf(form.values, 'occurred_on')} error={form.errors.occurred_on} maxlength={10} required />
    </>
  );
}

/** The fields of an income entry (also for correcting one). */
export function IncomeFields({ form }: { form: Form }) {
  const { t, stakeholders } = useView();
  return (
    <>
      <TextField name="sponsor" label={t('funding.field.sponsor')} value={valueOf(form.values, 'sponsor')} error={form.errors.sponsor} maxlength={200} required />
      <SelectField name="stakeholder_group" label={t('funding.field.stakeholder_group')} blank="" value={valueOf(form.values, 'stakeholder_group')} error={form.errors.stakeholder_group}
        options={stakeholders.groups.map((g) => ({ value: g, label: t(stakeholders.labelKey(g)) }))} required />
      <ChoiceField type="radio" name="support" label={t('funding.field.support')} value={valueOf(form.values, 'support') || 'cash'} error={form.errors.support}
        options={supports.map((s) => ({ value: s, label: t(`funding.support.${s}`) }))} />
      <MoneyFields form={form} dateLabel={t('funding.field.received_on')} />
      <TextArea name="conditions" label={t('funding.field.conditions')} hint={t('funding.field.conditions_hint')} value={valueOf(form.values, 'conditions')} error={form.errors.conditions} maxlength={2000} />
      <TextArea name="description" label={t('funding.field.description')} value={valueOf(form.values, 'description')} error={form.errors.description} maxlength={1000} />
    </>
  );

}

/** The fields of an expense entry (also for correcting one). */
export function ExpenseFields({ form, events }: { form: Form; events: readonly EventRef[] }) {
  const { t } = useView();
  return (
    <>
      <SelectField name="category" label={t('funding.field.category')} blank="" value={valueOf(form.values, 'category')} error={form.errors.category}
        options={expenseCategories.map((c) => ({ value: c, label: t(`funding.category.${c}`) }))} required />
      <MoneyFields form={form} dateLabel={t('funding.field.spent_on')} />
      <SelectField name="event" label={t('funding.field.event')} hint={t('funding.field.event_hint')} blank={t('funding.field.no_event')} value={valueOf(form.values, 'event')} error={form.errors.event}
        options={events.map((e) => ({ value: e.id, label: e.title }))} />
      <TextArea name="description" label={t('funding.field.description')} value={valueOf(form.values, 'description')} error={form.errors.description} maxlength={1000} />
    </>
  );
}

export interface FundingPageProps {
  initiative: LedgerInitiative;
  entries: LedgerEntry[];
  totals: CurrencyTotals[];
  warnings: ShareWarning[];
  maxShare: number;
  budgets: BudgetLine[];
  events: EventRef[];
  can: { seeDrafts: boolean; manage: boolean };
  forms: { threshold?: Form; draft?: Form & { id: string } };
  notice?: string;
}

const notices = ['drafted', 'published', 'discarded', 'budget_saved', 'threshold_saved', 'receipt_attached', 'receipt_removed'] as const;

/** `/initiatives/<slug>/funding`: the public ledger, and for its committee the drafts and the forms. */
export function FundingPage(props: FundingPageProps) {
  const { t, locale } = useView();
  const { initiative, entries, can, forms } = props;
  const href = ledgerHref(initiative.slug);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const published = entries.filter((e) => e.status === 'published');
  const drafts = entries.filter((e) => e.status === 'draft');
  const notice = notices.find((n) => n === props.notice);
  const List = ({ kind }: { kind: 'income' | 'expense' }) => {
    const items = published.filter((e) => e.kind === kind);
    return items.length === 0 ? <p>{t(`funding.ledger.no_${kind}`)}</p> : <ul class="ledger">{items.map((e) => <EntryItem entry={e} byId={byId} can={can} slug={initiative.slug} />)}</ul>;
  };
  return (
    <>
      <p class="back"><a href={`/initiatives/${initiative.slug}`}>{t('funding.back', { name: initiative.name })}</a></p>
      <Notice message={notice ? t(`funding.notice.${notice}`) : undefined} />
      <h1>{t('funding.title', { name: initiative.name })}</h1>
      <p>{t('funding.intro')}</p>

      <section aria-labelledby="totals-title">
        <h2 id="totals-title">{t('funding.totals.title')}</h2>
        <Totals totals={props.totals} warnings={props.warnings} maxShare={props.maxShare} />
      </section>

      <section aria-labelledby="income-title">
        <h2 id="income-title">{t('funding.ledger.income')}</h2>
        <List kind="income" />
      </section>
      <section aria-labelledby="expenses-title">
        <h2 id="expenses-title">{t('funding.ledger.expenses')}</h2>
        <List kind="expense" />
      </section>
      <section aria-labelledby="budgets-title">
        <h2 id="budgets-title">{t('funding.budget.title')}</h2>
        <Budgets lines={props.budgets} />
      </section>

      <section aria-labelledby="downloads-title">
        <h2 id="downloads-title">{t('funding.downloads.title')}</h2>
        <ul>
          <li><a href={`${href}.csv`}>{t('funding.downloads.csv')}</a></li>
          <li><a href={`${href}.json`}>{t('funding.downloads.json')}</a></li>
          <li><a href={`/api/initiatives/${initiative.slug}/funding`}>{t('funding.downloads.api')}</a></li>
        </ul>
      </section>

      {can.seeDrafts && (
        <section aria-labelledby="drafts-title">
          <h2 id="drafts-title">{t('funding.drafts.title')}</h2>
          <p>{t('funding.drafts.intro')}</p>
          {drafts.length === 0 ? <p>{t('funding.drafts.none')}</p> : (
            <ul class="ledger">{drafts.map((d) => {
              const failed = forms.draft?.id === d.id ? forms.draft : undefined;
              const what = entryName(t, d);
              const target = d.corrects_id ? byId.get(d.corrects_id) : undefined;
              return (
                <li id={`entry-${d.id}`}>
                  <h3>{t(`funding.drafts.${d.kind}`)}: {what}, {formatMoney(d.amount, d.currency, locale)}</h3>
                  <EntryFacts entry={d} />
                  <ReceiptLine entry={d} slug={initiative.slug} canOpenPrivate />
                  {target && <p>{t('funding.entry.corrects')} <a href={`#entry-${target.id}`}>{t('funding.entry.ref', { what: entryName(t, target), date: formatDate(target.occurred_on, locale) })}</a></p>}
                  {can.manage && (
                    <>
                      <PostForm action={`${href}/entries/${d.id}/publish`} anchor={`publish-${d.id}`} errors={failed?.errors} class="inline">
                        <button type="submit">{t('funding.drafts.publish', { what })}</button>
                      </PostForm>{' '}
                      <PostForm action={`${href}/entries/${d.id}/discard`} anchor={`discard-${d.id}`} class="inline">
                        <button type="submit" class="secondary">{t('funding.drafts.discard', { what })}</button>
                      </PostForm>
                      <p><a href={`${href}/entries/${d.id}/receipt/attach`}>{t(d.receipt ? 'funding.receipt.replace_link' : 'funding.receipt.attach_link', { what })}</a></p>
                      {d.receipt && (
                        <PostForm action={`${href}/entries/${d.id}/receipt/remove`} anchor={`remove-receipt-${d.id}`} class="inline">
                          <button type="submit" class="secondary">{t('funding.receipt.remove', { what })}</button>
                        </PostForm>
                      )}
                    </>
                  )}
                </li>
              );
            })}</ul>
          )}
        </section>
      )}

      {can.manage && (
        <>
          <section aria-labelledby="add-title">
            <h2 id="add-title">{t('funding.form.add_title')}</h2>
            <ul>
              <li><a href={`${href}/income`}>{t('funding.form.income_title')}</a></li>
              <li><a href={`${href}/expense`}>{t('funding.form.expense_title')}</a></li>
              {props.events.length > 0 && <li><a href={`${href}/budgets`}>{t('funding.form.budget_title')}</a></li>}
            </ul>
          </section>
          <section aria-labelledby="threshold-form-title">
            <h2 id="threshold-form-title">{t('funding.form.threshold_title')}</h2>
            <PostForm action={`${href}/threshold`} anchor="threshold" errors={forms.threshold?.errors} labels={{ max_share: t('funding.field.max_share') }}>
              <TextField name="max_share" label={t('funding.field.max_share')} hint={t('funding.field.max_share_hint')} value={forms.threshold ? valueOf(forms.threshold.values, 'max_share') : String(props.maxShare)} error={forms.threshold?.errors.max_share} maxlength={3} required />
              <button type="submit">{t('funding.form.save_threshold')}</button>
            </PostForm>
          </section>
        </>
      )}
    </>
  );
}

export const incomeLabels = (t: Translate) => ({
  sponsor: t('funding.field.sponsor'), stakeholder_group: t('funding.field.stakeholder_group'), support: t('funding.field.support'), currency: t('funding.field.currency'),
  amount: t('funding.field.amount'), occurred_on: t('funding.field.received_on'), conditions: t('funding.field.conditions'), description: t('funding.field.description'),
});
export const expenseLabels = (t: Translate) => ({
  category: t('funding.field.category'), currency: t('funding.field.currency'), amount: t('funding.field.amount'), occurred_on: t('funding.field.spent_on'),
  event: t('funding.field.event'), description: t('funding.field.description'),
});

/** `/initiatives/<slug>/funding/entries/<id>/correct`: a new entry replacing a published one, prefilled with it. */
export function CorrectPage(props: { initiative: LedgerInitiative; entry: LedgerEntry; events: EventRef[]; form: Form }) {
  const { t, locale } = useView();
  const { initiative, entry, form } = props;
  const href = ledgerHref(initiative.slug);
  const what = entryName(t, entry);
  return (
    <>
      <p class="back"><a href={`${href}#entry-${entry.id}`}>{t('funding.correct.back', { name: initiative.name })}</a></p>
      <h1>{t('funding.correct.title', { what })}</h1>
      <p>{t('funding.correct.intro', { what, amount: formatMoney(entry.amount, entry.currency, locale), date: formatDate(entry.occurred_on, locale) })}</p>
      <PostForm action={`${href}/entries/${entry.id}/correct`} anchor="correct" errors={form.errors} labels={entry.kind === 'income' ? incomeLabels(t) : expenseLabels(t)}>
        {entry.kind === 'income' ? <IncomeFields form={form} /> : <ExpenseFields form={form} events={props.events} />}
        <button type="submit">{t('funding.correct.submit')}</button>
      </PostForm>
    </>
  );
}

/** `/initiatives/<slug>/funding/{income,expense,budgets}`: one of the committee's forms, on a page of its own (their fields share names). */
export function LedgerFormPage(props: { initiative: LedgerInitiative; kind: 'income' | 'expense' | 'budget'; events: readonly EventRef[]; form: Form }) {
  const { t, locale } = useView();
  const { initiative, kind, form } = props;
  const href = ledgerHref(initiative.slug);
  const { labels, title, submit, action } = {
    income: { labels: incomeLabels(t), title: 'funding.form.income_title', submit: 'funding.form.draft_income', action: `${href}/income` },
    expense: { labels: expenseLabels(t), title: 'funding.form.expense_title', submit: 'funding.form.draft_expense', action: `${href}/expense` },
    budget: { labels: { event: t('funding.field.event'), currency: t('funding.field.currency'), amount: t('funding.field.amount') }, title: 'funding.form.budget_title', submit: 'funding.form.save_budget', action: `${href}/budgets` },
  }[kind];
  return (
    <>
      <p class="back"><a href={href}>{t('funding.correct.back', { name: initiative.name })}</a></p>
      <h1>{t(title)}</h1>
      {kind === 'budget' && props.events.length === 0 ? <p>{t('funding.form.no_events')}</p> : (
        <PostForm action={action} anchor={kind} errors={form.errors} labels={labels}>
          {kind === 'income' && <IncomeFields form={form} />}
          {kind === 'expense' && <ExpenseFields form={form} events={props.events} />}
          {kind === 'budget' && (
            <>
              <SelectField name="event" label={t('funding.field.event')} blank="" value={valueOf(form.values, 'event')} error={form.errors.event} options={props.events.map((e) => ({ value: e.id, label: e.title }))} required />
              <SelectField name="currency" label={t('funding.field.currency')} blank="" value={valueOf(form.values, 'currency')} error={form.errors.currency} options={currencyOptions(locale)} required />
              <TextField name="amount" label={t('funding.field.amount')} hint={t('funding.form.budget_hint')} value={valueOf(form.values, 'amount')} error={form.errors.amount} maxlength={40} required />
            </>
          )}
          <button type="submit">{t(submit)}</button>
        </PostForm>
      )}
    </>
  );
}

/** `/initiatives/<slug>/funding/entries/<id>/receipt/attach`: a receipt for a draft, kept with it once published. */
export function ReceiptFormPage(props: { initiative: LedgerInitiative; entry: LedgerEntry; form: Form }) {
  const { t, locale } = useView();
  const { initiative, entry, form } = props;
  const href = ledgerHref(initiative.slug);
  const what = entryName(t, entry);
  return (
    <>
      <p class="back"><a href={`${href}#entry-${entry.id}`}>{t('funding.correct.back', { name: initiative.name })}</a></p>
      <h1>{t('funding.receipt.title')}</h1>
      <p>{t('funding.receipt.intro', { what, amount: formatMoney(entry.amount, entry.currency, locale), date: formatDate(entry.occurred_on, locale) })}</p>
      <PostForm action={`${href}/entries/${entry.id}/receipt/attach`} anchor="receipt" errors={form.errors} multipart
        labels={{ receipt: t('funding.receipt.file'), public: t('funding.receipt.public') }}>
        <FileField name="receipt" label={t('funding.receipt.file')} hint={t('funding.receipt.file_hint', { max: maxReceiptBytes / 1024 / 1024 })} error={form.errors.receipt}
          accept={receiptTypes.join(',')} required />
        <Checkbox name="public" label={t('funding.receipt.public')} hint={t('funding.receipt.public_hint')} checked={valueOf(form.values, 'public') === 'on'} error={form.errors.public} />
        <button type="submit">{t('funding.receipt.submit')}</button>
      </PostForm>
    </>
  );
}
