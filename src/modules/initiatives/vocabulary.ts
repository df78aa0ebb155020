/** The registry's fixed lists (DESIGN §1). */
export const initiativeTypes = ['national', 'regional', 'subregional', 'youth'] as const;

/** The UN regional groups, as the IGF uses them. */
export const regions = ['africa', 'asia_pacific', 'eastern_europe', 'latin_america_caribbean', 'western_europe_others'] as const;

export const committeeRoles = ['coordinator', 'member', 'focal_point'] as const;

/** The roles an invitee may take: never coordinator unless the coordinator offered it. */
export function rolesOffered(invitedRole: string): readonly string[] {
  return invitedRole === 'coordinator' ? committeeRoles : committeeRoles.filter((r) => r !== 'coordinator');
}

/** The statuses from which a coordinator may (again) ask for recognition. */
export const requestableStatuses = ['draft', 'returned', 'delisted'];

/** Where an initiative stands with the secretariat. Only `listed` ones appear in the directory by default. */
export const initiativeStatuses = ['draft', 'pending', 'returned', 'listed', 'delisted'] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];

/** The directory's status filter groups the workflow states a visitor cares about. */
export const statusFilters = {
  listed: ['listed'],
  in_process: ['draft', 'pending', 'returned'],
  delisted: ['delisted'],
  any: [...initiativeStatuses],
} as const satisfies Record<string, readonly InitiativeStatus[]>;

/** Languages offered in forms; any valid BCP 47 tag is accepted through the API. */
export const commonLanguages = [
  'es', 'en', 'pt', 'fr', 'ar', 'ru', 'zh', 'de', 'it', 'nl', 'pl', 'uk', 'ro', 'hu', 'cs', 'sk', 'sr', 'hr', 'bs', 'sl',
  'mk', 'sq', 'bg', 'el', 'tr', 'hy', 'ka', 'az', 'kk', 'ky', 'uz', 'tg', 'fa', 'ur', 'hi', 'bn', 'ne', 'si', 'ta', 'th',
  'vi', 'id', 'ms', 'tl', 'ja', 'ko', 'mn', 'sw', 'am', 'ha', 'yo', 'ig', 'zu', 'af', 'so', 'rw', 'mg', 'ht', 'gn', 'qu',
  'ay', 'ca', 'eu', 'gl', 'da', 'sv', 'nb', 'fi', 'et', 'lv', 'lt', 'is', 'ga', 'mt', 'he',
];

/** Minimum distinct stakeholder groups on the organising committee for recognition. */
export const minimumStakeholderGroups = 3;
