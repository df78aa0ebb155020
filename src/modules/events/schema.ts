import { z } from 'zod';
import { list, multiLine, optional, singleLine, webAddress, wholeNumber } from '../../platform/validation.ts';
import { isCountryCode } from '../../platform/geo/iso3166.ts';
import { locales } from '../../platform/i18n/index.ts';
import { eventFormats, eventKinds, eventLanguages, interpretationPairs } from './vocabulary.ts';
import { fromLocalInput, isTimeZone, localDateTime } from './time.ts';

const countryCode = z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.string().refine(isCountryCode, { message: 'common.errors.invalid_choice' }));

const timeZone = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z.string().max(64).refine(isTimeZone, { message: 'events.errors.unknown_zone' }),
);

/** A wall-clock time as a datetime-local field sends it, between years 2000 and 2100. */
const wallClock = z
  .string()
  .refine((v) => localDateTime.test(v), { message: 'events.errors.date_time', abort: true })
  .refine((v) => Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 2100, { message: 'events.errors.date_time' });

/** An event's fields, from a form or JSON: times are wall-clock times in `time_zone`. */
const EventFieldsObject = z.object({
  kind: z.enum(eventKinds),
  format: z.enum(eventFormats),
  title: singleLine(200, 3),
  description: optional(multiLine(20_000)),
  description_locale: z.enum(locales),
  venue_name: optional(singleLine(200)),
  venue_city: optional(singleLine(100)),
  venue_country: optional(countryCode),
  time_zone: timeZone,
  start: wallClock,
  end: wallClock,
  languages: list(z.enum(eventLanguages), eventLanguages.length).refine((v) => v.length > 0, { message: 'events.errors.language_needed' }),
  interpretation: list(z.enum(interpretationPairs as [string, ...string[]]), interpretationPairs.length),
});

/** What an event's fields must satisfy together: a place for events held somewhere, an end after the start, interpretation between working languages. */
function eventRules<T extends z.ZodType<z.output<typeof EventFieldsObject>>>(schema: T) {
  return schema.superRefine((v, ctx) => {
    if (v.format !== 'online') {
      if (!v.venue_city) ctx.addIssue({ code: 'custom', path: ['venue_city'], message: 'events.errors.venue_needed' });
      if (!v.venue_country) ctx.addIssue({ code: 'custom', path: ['venue_country'], message: 'events.errors.venue_needed' });
    }
    const chosen = new Set<string>(v.languages ?? []);
    if ((v.interpretation ?? []).some((pair) => !pair.split('-').every((l) => chosen.has(l)))) {
      ctx.addIssue({ code: 'custom', path: ['interpretation'], message: 'events.errors.interpretation_outside' });
    }
    // Times are read in the zone: with no zone known, its own error says enough.
    if (typeof v.time_zone !== 'string' || !isTimeZone(v.time_zone) || !localDateTime.test(String(v.start)) || !localDateTime.test(String(v.end))) return;
    const start = fromLocalInput(v.start, v.time_zone);
    const end = fromLocalInput(v.end, v.time_zone);
    if (!start) ctx.addIssue({ code: 'custom', path: ['start'], message: 'events.errors.no_such_time' });
    if (!end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'events.errors.no_such_time' });
    if (start && end && end <= start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'events.errors.end_before_start' });
  });
}

export const EventFieldsSchema = eventRules(EventFieldsObject);
export type EventInput = z.output<typeof EventFieldsObject>;

/** A room: a name, how many it holds, and where to join online. */
export const RoomSchema = z.object({
  name: singleLine(100),
  capacity: optional(wholeNumber(1, 100_000)),
  online_link: optional(webAddress),
});
export type RoomInput = z.output<typeof RoomSchema>;

/** `POST /api/events`: the initiative's slug, the fields, and optionally its rooms. */
export const EventCreateApiSchema = eventRules(
  EventFieldsObject.extend({ initiative: z.string().min(1).max(100), rooms: z.array(RoomSchema).max(100).optional() }),
);

export const whenFilters = ['upcoming', 'past'] as const;

const slugLike = z.string().max(100).regex(/^[a-z0-9-]+$/);

/** `/events`' query string; anything unknown falls back to no filter rather than failing. */
export const EventListQuerySchema = z.object({
  when: z.enum(whenFilters).default('upcoming').catch('upcoming'),
  initiative: slugLike.optional().catch(undefined),
  country: countryCode.optional().catch(undefined),
  kind: z.enum(eventKinds).optional().catch(undefined),
  language: z.enum(eventLanguages).optional().catch(undefined),
  format: z.enum(eventFormats).optional().catch(undefined),
  page: wholeNumber(1, 100_000).default(1).catch(1),
});
export type EventListQuery = z.output<typeof EventListQuerySchema>;
