/** The call's fixed lists (issue 10, item 2). */

/**
 * What becomes of a proposal. A proposer keeps a draft, submits it, and may withdraw it; the
 * programme committee's decision (accepted, rejected, merge_suggested) comes with the review and
 * is listed here already so that every status a proposal can have is in one place.
 */
export const proposalStatuses = ['draft', 'submitted', 'withdrawn', 'accepted', 'rejected', 'merge_suggested'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** Statuses that still count among the event's sessions for the speaker_sessions rule. */
export const liveProposalStatuses: readonly ProposalStatus[] = ['draft', 'submitted', 'accepted', 'merge_suggested'];

/** A call is upcoming until it opens, open until it closes, then closed. */
export const callStates = ['upcoming', 'open', 'closed'] as const;
export type CallState = (typeof callStates)[number];

/** Whether a speaker takes part in the room or online. */
export const presences = ['onsite', 'online'] as const;

/** Rows a proposal form shows at first, how many "more rows" adds, and the most it holds. */
export const speakerRows = { initial: 6, step: 4, max: 30 } as const;
export const organiserRows = { initial: 3, step: 3, max: 12 } as const;

/** Blank rows the call's form offers for new tracks and new questions. */
export const blankTrackRows = 3;
export const blankQuestionRows = 3;
export const maxTracks = 30;
export const maxQuestions = 20;
