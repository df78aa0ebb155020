import { z } from 'zod';
import { singleLine } from '../../../platform/validation.ts';

/** A statement is short, as in Polis: one idea people can agree or disagree with. */
export const statementLength = 280;
export const statementStatuses = ['pending', 'approved', 'withdrawn'] as const;
export type StatementStatus = (typeof statementStatuses)[number];

/** The three answers to a statement, as the form sends them, and as stored (Polis's values). */
export const voteValues = { agree: 1, disagree: -1, pass: 0 } as const;
export type VoteName = keyof typeof voteValues;

export const StatementSchema = z.object({ statement: singleLine(statementLength, 5) });
export type StatementInput = z.output<typeof StatementSchema>;

/** A page of the statements list the vote was cast from, to return to; anything else returns to the next statement. */
const returnPage = z.preprocess((v) => (typeof v === 'string' && /^[1-9]\d{0,5}$/.test(v) ? Number(v) : undefined), z.number().optional());
export const VoteSchema = z.object({ vote: z.enum(['agree', 'disagree', 'pass'], { message: 'consultations.opinion.errors.vote' }), page: returnPage });
export type VoteInput = z.output<typeof VoteSchema>;

export const ModerationSchema = z.object({ decision: z.enum(['approved', 'withdrawn'], { message: 'consultations.opinion.errors.decision' }) });
export type ModerationInput = z.output<typeof ModerationSchema>;

/** The statements list shows this many at a time: hundreds of statements, each a form, would make one page too heavy for a phone. */
export const statementsPerPage = 50;

/** Statement numbers in addresses: Polis's comment ids, small whole numbers. */
export const statementNumber = /^(0|[1-9]\d{0,8})$/;
