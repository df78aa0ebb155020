/**
 * Unanswered requests (docs/decisions/035-mentoring.md): each morning, a request a mentor has not
 * answered within `answerDays` goes to the newcomer's next preference, as a decline would.
 */
import type { JobHandler } from '../../platform/jobs/index.ts';
import { nextMorning, type RecurringJob } from '../../platform/jobs/recurring.ts';
import { expireUnanswered } from './commands.ts';

export const unansweredRequests: RecurringJob = { kind: 'mentoring.unanswered_requests', next: nextMorning };

export const unansweredHandler: JobHandler = async (_, { db, now, jobs }) => {
  await expireUnanswered({ db, now, jobs });
};
