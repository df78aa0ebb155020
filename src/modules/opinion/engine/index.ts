/** The opinion engine's public surface: pure functions over a sparse vote store. */
export * from './voteStore.ts';
export { analyseOpinions, warmStartOf, familyStatistics, opinionGroupLabel } from './analyse.ts';
export type { AnalysisOptions, OpinionAnalysis, FamilyStatistics, WarmStart, StakeholderGroups } from './analyse.ts';
export { LiveOpinion } from './incremental.ts';
export { DEFAULT_BRIDGING, rankByScore, missingGroups, isProvisional } from './bridging.ts';
export type { BridgingOptions } from './bridging.ts';
export { jeffreysLowerBound, betaQuantile, betaCdf } from './beta.ts';
export { principalComponents, projectParticipants, fitToStatements } from './pca.ts';
export type { PrincipalComponents } from './pca.ts';
