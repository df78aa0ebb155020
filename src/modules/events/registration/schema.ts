import { z } from 'zod';
import { optional, wholeNumber } from '../../../platform/validation.ts';
import { stakeholderKeys } from '../../../platform/stakeholders.ts';
import { presences } from './rules.ts';

/** The register form: how the person comes and the stakeholder group they count for (their account's, prefilled). */
export const RegistrationSchema = z.object({
  presence: z.enum(presences),
  stakeholder_group: z.enum(stakeholderKeys),
});
export type RegistrationInput = z.output<typeof RegistrationSchema> & { session?: string };

/** `POST /api/events/<slug>/registrations`: the group defaults to the account's; `session` registers to one session. */
export const RegistrationApiSchema = RegistrationSchema.extend({
  stakeholder_group: z.enum(stakeholderKeys).optional(),
  session: z.string().min(1).max(64).optional(),
});

/** `POST /api/events/<slug>/registrations/cancel`: the event's own registration, or a session's. */
export const CancelApiSchema = z.object({ session: z.string().min(1).max(64).optional() });

/** The organisers' seats: empty means no limit. */
export const CapacitySchema = z.object({
  onsite_capacity: optional(wholeNumber(1, 1_000_000)),
  online_capacity: optional(wholeNumber(1, 1_000_000)),
});
export type CapacityInput = z.output<typeof CapacitySchema>;
