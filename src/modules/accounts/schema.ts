import { z } from 'zod';
import { emailAddress, optional, singleLine } from '../../platform/validation.ts';
import { capacities, stakeholderKeys } from '../../platform/stakeholders.ts';
import { locales } from '../../platform/i18n/index.ts';
import { isCountryCode } from '../../platform/geo/iso3166.ts';

const password = z
  .string()
  .min(10)
  .max(200)
  .refine((v) => !/[\u0000-\u001F\u007F]/.test(v), { message: 'common.errors.control_characters' });

const country = z.string().refine((v) => isCountryCode(v), { message: 'common.errors.invalid_choice' });

const profileFields = {
  name: singleLine(120),
  locale: z.enum(locales),
  country: optional(country),
  stakeholder_group: z.enum(stakeholderKeys),
  affiliation: optional(singleLine(200)),
  capacity: z.enum(capacities),
};

export const AccountSignUpSchema = z
  .object({ ...profileFields, email: emailAddress, password })
  .refine((v) => v.capacity !== 'on_behalf' || v.affiliation !== undefined, {
    path: ['affiliation'],
    message: 'accounts.errors.affiliation_needed',
  });
export type AccountSignUpInput = z.output<typeof AccountSignUpSchema>;

export const AccountProfileSchema = z
  .object(profileFields)
  .refine((v) => v.capacity !== 'on_behalf' || v.affiliation !== undefined, {
    path: ['affiliation'],
    message: 'accounts.errors.affiliation_needed',
  });
export type AccountProfileInput = z.output<typeof AccountProfileSchema>;

export const AccountLogInSchema = z.object({ email: emailAddress, password: z.string().min(1).max(200) });

export const PasswordResetRequestSchema = z.object({ email: emailAddress });

export const PasswordResetSchema = z.object({ token: z.string().min(10).max(100), password });
export type PasswordResetInput = z.output<typeof PasswordResetSchema>;

export const ApiTokenCreateSchema = z.object({ token_name: singleLine(80) });
