/** The review's fixed lists (issue 10, item 3). */

/** What the chair may decide; each is also the proposal's status afterwards. */
export const decisions = ['accepted', 'rejected', 'merge_suggested'] as const;
export type Decision = (typeof decisions)[number];

/** The highest weight a criterion may have; weight 0 leaves one out. */
export const maxWeight = 10;
/** How many criteria an event may have, the four defaults included: a form a reviewer can fill. */
export const maxCriteria = 12;
/** A criterion's label as the organisers type it, per working language. */
export const maxCriterionLabel = 80;
/** The prefix of a criterion of the committee's own: its key is generated, never typed (docs/decisions/023). */
export const ownCriterionPrefix = 'own_';

/** Long texts: a comment for the proposers, a private note, a published reason. */
export const maxComment = 4000;
export const maxReason = 2000;
