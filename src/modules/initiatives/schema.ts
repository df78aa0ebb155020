import { z } from 'zod';
import { emailAddress, list, multiLine, optional, singleLine, webAddress, wholeNumber, checked } from '../../platform/validation.ts';
import { isCountryCode } from '../../platform/geo/iso3166.ts';
import { regionalGroupOfCountries } from '../../platform/geo/unRegionalGroups.ts';
import { locales } from '../../platform/i18n/index.ts';
import { stakeholderKeys } from '../../platform/stakeholders.ts';
import { committeeRoles, initiativeTypes, regions, statusFilters } from './vocabulary.ts';

const countryCode = z.string().refine(isCountryCode, { message: 'common.errors.invalid_choice' });

export function isLanguageTag(tag: string): boolean {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
const languageTag = z.string().max(35).refine(isLanguageTag, { message: 'common.errors.invalid_choice' });

const currentYear = new Date().getUTCFullYear();

/** An initiative's fields, for creation and for editing, from a form or JSON. */
export const InitiativeFieldsSchema = z.object({
  name: singleLine(200, 3),
  acronym: optional(singleLine(30)),
  type: z.enum(initiativeTypes),
  countries: list(countryCode, 60),
  region: optional(z.enum(regions)),
  languages: list(languageTag, 20),
  year_established: optional(wholeNumber(1995, currentYear + 1)),
  website: optional(webAddress),
  contact_email: emailAddress,
  description_locale: z.enum(locales),
  description: multiLine(5000, 20),
  translations: z
    .preprocess(
      (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {}),
      z.object({ es: optional(multiLine(5000)), en: optional(multiLine(5000)), pt: optional(multiLine(5000)), fr: optional(multiLine(5000)) }),
    )
    .optional(),
});

/** National and youth initiatives name their country. */
export const InitiativeCreateSchema = InitiativeFieldsSchema.refine(
  (v) => !['national', 'youth'].includes(v.type) || v.countries.length >= 1,
  { path: ['countries'], message: 'initiatives.errors.country_needed' },
);
export type InitiativeInput = z.output<typeof InitiativeCreateSchema>;

/** The API's creation: the fields, and `create_anyway` to go on past likely duplicates (a 409 lists them). */
export const InitiativeApiCreateSchema = InitiativeCreateSchema.and(z.object({
  create_anyway: z.boolean().optional().describe('true registers the initiative even though similar ones are listed (a first attempt without it answers 409 naming them, in `duplicates`)'),
}));

/** The region field's value that asks for the UN regional group the countries share. */
export const regionFromCountries = 'auto';

/**
 * The form sends translations as `translation_<locale>` fields; this folds them into one object.
 * A region left on "from the countries" (or not sent) becomes the group the countries share.
 */
export function initiativeFormToInput(values: Record<string, string | string[]>): Record<string, unknown> {
  const translations: Record<string, unknown> = {};
  for (const locale of locales) translations[locale] = values[`translation_${locale}`];
  const region = values.region === undefined || values.region === regionFromCountries
    ? regionalGroupOfCountries([values.countries ?? []].flat()) ?? ''
    : values.region;
  return { ...values, region, translations };
}

/** The region field's value for an initiative: "from the countries" when that is what it holds. */
export function regionFieldValue(region: string | null, countries: readonly string[]): string {
  return (regionalGroupOfCountries(countries) ?? null) === region ? regionFromCountries : (region ?? '');
}

/** The form names a translation `translation_<locale>`; the schema's path is `translations.<locale>`. */
export function initiativeFormErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field.replace(/^translations\.(\w+)$/, 'translation_$1'), message]));
}

export const CommitteeInviteSchema = z.object({
  email: emailAddress,
  role: z.enum(committeeRoles),
});
export type CommitteeInviteInput = z.output<typeof CommitteeInviteSchema>;

/** The seat an invitee accepts: the group they sit for and their role. */
const SeatSchema = z.object({
  stakeholder_group: z.enum(stakeholderKeys),
  role: z.enum(committeeRoles),
});
export type InvitationAnswerInput = z.output<typeof SeatSchema>;

/** The invitation form's two buttons: accept (the default) with a seat, or decline. */
export const InvitationAnswerSchema = z.preprocess(
  (v) => (v && typeof v === 'object' && !('answer' in v) ? { ...v, answer: 'accept' } : v),
  z.discriminatedUnion('answer', [z.object({ answer: z.literal('decline') }), SeatSchema.extend({ answer: z.literal('accept') })]),
);

export const PrinciplesSchema = z.object({
  principles: checked.refine((v) => v, { message: 'initiatives.errors.principles_needed' }),
});

export const RecognitionDecisionSchema = z.object({
  decision: z.enum(['approve', 'return']),
  comments: optional(multiLine(2000)),
}).refine((v) => v.decision === 'approve' || v.comments !== undefined, {
  path: ['comments'],
  message: 'initiatives.errors.comments_needed',
});
export type RecognitionDecisionInput = z.output<typeof RecognitionDecisionSchema>;

/** Why the claimant is the initiative's coordinator: enough for the secretariat to check with them. */
export const ClaimSchema = z.object({ justification: multiLine(2000, 20) });

export const ClaimDecisionSchema = z.object({
  decision: z.enum(['approve', 'refuse']),
  reason: optional(multiLine(2000)),
}).refine((v) => v.decision === 'approve' || v.reason !== undefined, {
  path: ['reason'],
  message: 'initiatives.errors.reason_needed',
});
export type ClaimDecisionInput = z.output<typeof ClaimDecisionSchema>;

export const DelistSchema = z.object({ reason: multiLine(2000, 5) });

export const directorySorts = ['name', 'newest', 'established'] as const;

/** The directory's query string; anything unknown falls back to the default rather than failing. */
export const DirectoryQuerySchema = z.object({
  q: z.preprocess((v) => (typeof v === 'string' ? v.slice(0, 100) : undefined), z.string().optional()),
  type: z.enum(initiativeTypes).optional().catch(undefined),
  region: z.enum(regions).optional().catch(undefined),
  country: z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), countryCode.optional()).catch(undefined),
  language: languageTag.optional().catch(undefined),
  status: z.enum(Object.keys(statusFilters) as [keyof typeof statusFilters]).default('listed').catch('listed'),
  sort: z.enum(directorySorts).default('name').catch('name'),
  page: wholeNumber(1, 100_000).default(1).catch(1),
});
export type DirectoryQuery = z.output<typeof DirectoryQuerySchema>;
