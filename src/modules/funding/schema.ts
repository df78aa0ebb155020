import { z } from 'zod';
import { checked, multiLine, optional, singleLine, wholeNumber } from '../../platform/validation.ts';
import { stakeholderKeys } from '../../platform/stakeholders.ts';
import { isCurrency } from './currencies.ts';
import { toMinorUnits } from './money.ts';

export const entryKinds = ['income', 'expense'] as const;
export type EntryKind = (typeof entryKinds)[number];
export const supports = ['cash', 'in_kind'] as const;
/** What an initiative spends on: a fixed list, so totals by category compare across initiatives. */
export const expenseCategories = ['venue', 'catering', 'travel', 'interpretation', 'accessibility', 'connectivity', 'communications', 'staff', 'materials', 'other'] as const;

/** The share above which one sponsor or group is flagged, unless the committee sets another. */
export const defaultMaxShare = 50;

const currency = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  z.string().refine(isCurrency, { message: 'funding.errors.unknown_currency' }),
);
const day = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'funding.errors.bad_date' })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { message: 'funding.errors.bad_date' }));
const amountText = z.union([z.string(), z.number()]).transform((v) => String(v)).pipe(z.string().max(40));
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values);

/** Reads the typed amount in its currency's minor units, with the reason beside the field when it cannot. */
function withMinorUnits<T extends { amount: string; currency: string }>(value: T, ctx: z.RefinementCtx): Omit<T, 'amount'> & { amount: number } {
  const minor = toMinorUnits(value.amount, value.currency);
  if (typeof minor !== 'number') {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: `funding.errors.amount_${minor}`, params: { currency: value.currency } });
    return z.NEVER;
  }
  return { ...value, amount: minor };
}

/** Income, as the committee drafts it. */
export const IncomeSchema = z.object({
  sponsor: singleLine(200),
  stakeholder_group: choice(stakeholderKeys),
  support: choice(supports),
  currency,
  amount: amountText,
  occurred_on: day,
  conditions: optional(multiLine(2_000)),
  description: optional(multiLine(1_000)),
}).transform(withMinorUnits);
export type IncomeInput = z.output<typeof IncomeSchema>;

/** An expense, as the committee drafts it; `event` is the id of one of the initiative's public events. */
export const ExpenseSchema = z.object({
  category: choice(expenseCategories),
  currency,
  amount: amountText,
  occurred_on: day,
  event: optional(z.string().max(40)),
  description: optional(multiLine(1_000)),
}).transform(withMinorUnits);
export type ExpenseInput = z.output<typeof ExpenseSchema>;

/** What an event is expected to cost in a currency; 0 removes the line. */
export const BudgetSchema = z.object({ event: z.string().min(1, { message: 'common.errors.required' }).max(40), currency, amount: amountText }).transform(withMinorUnits);
export type BudgetInput = z.output<typeof BudgetSchema>;

/** The share (percent) above which one sponsor or group is flagged. */
export const ThresholdSchema = z.object({ max_share: wholeNumber(1, 100) });

/** Publishing or discarding a draft: nothing to type. */
export const NothingSchema = z.object({});

/** The receipt form's one text field; the file itself is read apart (receipts.ts checks it). */
export const ReceiptSchema = z.object({ public: checked });
