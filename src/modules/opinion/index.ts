/**
 * The opinion module's public surface for the rest of the platform: the engine, the worker
 * pool, the vote sources (Polis files and the database) and the HTML map renderer with its
 * message catalogs. The command line enters through cli.ts (`runOpinionCli`).
 */
export * from './engine/index.ts';
export { AnalysisWorkerPool, analyseInWorker, sharedAnalysisPool } from './worker.ts';
export type { PoolOptions, WorkerRunOptions } from './worker.ts';
export { readVotesFromDatabase } from './source/databaseVotes.ts';
export type { DatabaseVoteOptions, DatabaseVotes, VoteQuery, VoteRow, VoteTable } from './source/databaseVotes.ts';
export { loadPolisConversation, loadStakeholderGroups } from './polis.ts';
export type { Conversation, StakeholderGroupsFile } from './polis.ts';
export { InputError } from './source/inputError.ts';
export { buildReport, formatText } from './report.ts';
export type { OpinionReport, RankedStatement, MissingGroup } from './report.ts';
export { renderHtml, escapeHtml } from './html.ts';
export type { HtmlOptions } from './html.ts';
export { ensureOpinionCatalogs, OPINION_CATALOGS } from './i18n.ts';
export { runOpinionCli, type CliIo } from './cli.ts';
