/**
 * The whole opinion analysis of one conversation: principal components, opinion groups and
 * per-group statistics with bridging and divisive statements, for opinion groups and (when
 * given) declared stakeholder groups. Pure: typed arrays in, typed arrays out.
 */
import { voteCountOf, type VoteStore } from './voteStore.ts';
import { principalComponents, projectParticipants, type PrincipalComponents } from './pca.ts';
import { defaultBaseRuns, formOpinionGroups, selectParticipants } from './clustering.ts';
import { tallyVotes, type GroupTally } from './tally.ts';
import {
  DEFAULT_BRIDGING,
  agreementLowerBounds,
  bridgingScores,
  combineMaximum,
  combineMinimum,
  divisiveness,
  provisionalFlags,
  rankByScore,
  type BridgingOptions,
} from './bridging.ts';
import { representativeness, type Repness } from './repness.ts';

/** What a previous analysis leaves behind so the next one starts warm. */
export interface WarmStart {
  components: Float64Array[];
  baseCentres: Float64Array;
  groupCentres: Float64Array;
  groupOf: Int32Array;
}

export interface StakeholderGroups {
  /** Stakeholder group of each participant index, -1 when undeclared. */
  groupOf: Int32Array;
  labels: string[];
}

export interface AnalysisOptions {
  /** Seeds every random choice; the same seed and data give the same result (default 1). */
  seed?: number;
  baseClusters?: number;
  minGroups?: number;
  maxGroups?: number;
  /** Seeded k-means restarts when grouping the base clusters (default 10). */
  restarts?: number;
  /** Base clusterings from different starts that score the number of groups (default: {@link defaultBaseRuns}). */
  baseRuns?: number;
  /** Votes needed to take part in clustering (default min(7, statements)). */
  minVotesToCluster?: number;
  minVotesPerGroup?: number;
  confidence?: number;
  stakeholders?: StakeholderGroups;
  warmStart?: WarmStart;
  /** Lanczos stops when every Ritz residual is below this × the largest eigenvalue (default 1e-8). */
  pcaTolerance?: number;
}

/** Statistics of one family of groups (opinion or stakeholder). */
export interface FamilyStatistics {
  labels: string[];
  /** Group of each participant index (-1: none). */
  groupOf: Int32Array;
  tally: GroupTally;
  /** Jeffreys-interval lower bound of agreement per cell statement × groupCount + group. */
  lowerBounds: Float64Array;
  repness: Repness;
  /** Per statement, over the groups with at least minVotesPerGroup votes on it; NaN when none has. */
  bridging: Float64Array;
  divisive: Float64Array;
  /** 1 when some non-empty group has fewer than minVotesPerGroup votes on the statement. */
  provisional: Uint8Array;
}

export interface OpinionAnalysis {
  participantCount: number;
  statementCount: number;
  voteCount: number;
  seed: number;
  bridgingOptions: BridgingOptions;
  /** Votes a participant needed to take part in clustering. */
  minVotesToCluster: number;
  /** Participants who took part in clustering, ascending. */
  participating: Int32Array;
  pca: PrincipalComponents;
  /** x, y of each participating participant (same order as `participating`). */
  projection: Float64Array;
  baseCentres: Float64Array;
  baseSizes: Float64Array;
  /** Base cluster of each participating participant. */
  baseOf: Int32Array;
  groupCount: number;
  /** Opinion group of every participant index; -1 when not clustered. */
  groupOf: Int32Array;
  groupCentres: Float64Array;
  /** silhouettes[k] for each number of groups tried. */
  silhouettes: Float64Array;
  opinion: FamilyStatistics;
  stakeholder: FamilyStatistics | null;
  /** Minimum of the families' bridging scores. */
  bridging: Float64Array;
  /** Maximum of the families' divisiveness. */
  divisive: Float64Array;
  /** 1 when either family's scores leave out some group for lack of votes. */
  provisional: Uint8Array;
  bridgingRanking: Int32Array;
  divisiveRanking: Int32Array;
  timingsMs: { pca: number; clustering: number; statistics: number; total: number };
}

/** Runs the full analysis. Pass `warmStart` (see {@link warmStartOf}) to re-cluster quickly after new votes. */
export function analyseOpinions(store: VoteStore, options: AnalysisOptions = {}): OpinionAnalysis {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const bridgingOptions: BridgingOptions = {
    minVotesPerGroup: options.minVotesPerGroup ?? DEFAULT_BRIDGING.minVotesPerGroup,
    confidence: options.confidence ?? DEFAULT_BRIDGING.confidence,
  };
  // Polis's threshold: enough votes for a position on the map to mean something (see decision record 004).
  const minVotesToCluster = options.minVotesToCluster ?? Math.min(7, store.statementCount);
  const participating = selectParticipants(store, minVotesToCluster);
  const warm = options.warmStart;
  const pca = principalComponents(store, {
    rows: participating,
    seed,
    start: warm?.components,
    tolerance: options.pcaTolerance ?? 1e-8,
  });
  const projection = projectParticipants(store, pca, participating);
  const afterPca = performance.now();

  const grouping = formOpinionGroups(projection, {
    seed,
    baseClusters: options.baseClusters ?? 100,
    minGroups: options.minGroups ?? 2,
    maxGroups: options.maxGroups ?? 5,
    restarts: options.restarts ?? 10,
    baseRuns: options.baseRuns ?? defaultBaseRuns(participating.length),
    previousBaseCentres: warm?.baseCentres,
    previousGroupCentres: warm?.groupCentres,
    previousGroupOfParticipant: warm?.groupOf,
    participants: participating,
  });
  const groupOf = new Int32Array(store.participantCount).fill(-1);
  participating.forEach((p, i) => (groupOf[p] = grouping.groupOfPoint[i]));
  const afterClustering = performance.now();

  const opinionLabels = Array.from({ length: grouping.groupCount }, (_, g) => opinionGroupLabel(g));
  const opinion = familyStatistics(store, groupOf, opinionLabels, bridgingOptions);
  const stakeholder = options.stakeholders ? familyStatistics(store, options.stakeholders.groupOf, options.stakeholders.labels, bridgingOptions) : null;
  const bridging = stakeholder ? combineMinimum(opinion.bridging, stakeholder.bridging) : opinion.bridging;
  const divisive = stakeholder ? combineMaximum(opinion.divisive, stakeholder.divisive) : opinion.divisive;
  const provisional = stakeholder ? opinion.provisional.map((flag, s) => flag | stakeholder.provisional[s]) : opinion.provisional;
  const finished = performance.now();

  return {
    participantCount: store.participantCount,
    statementCount: store.statementCount,
    voteCount: voteCountOf(store),
    seed,
    bridgingOptions,
    minVotesToCluster,
    participating,
    pca,
    projection,
    baseCentres: grouping.base.centres,
    baseSizes: grouping.base.weights,
    baseOf: grouping.base.assignment,
    groupCount: grouping.groupCount,
    groupOf,
    groupCentres: grouping.groupCentres,
    silhouettes: grouping.silhouettes,
    opinion,
    stakeholder,
    bridging,
    divisive,
    provisional,
    bridgingRanking: rankByScore(bridging, bridging.length, provisional),
    divisiveRanking: rankByScore(divisive, divisive.length, provisional),
    timingsMs: {
      pca: afterPca - started,
      clustering: afterClustering - afterPca,
      statistics: finished - afterClustering,
      total: finished - started,
    },
  };
}

/** Counts, lower bounds, repness, bridging and divisiveness for one family of groups. */
export function familyStatistics(store: VoteStore, groupOf: Int32Array, labels: string[], options: BridgingOptions): FamilyStatistics {
  const tally = tallyVotes(store, groupOf, labels.length);
  const lowerBounds = agreementLowerBounds(tally, options.confidence);
  return {
    labels,
    groupOf,
    tally,
    lowerBounds,
    repness: representativeness(tally),
    bridging: bridgingScores(tally, options, lowerBounds),
    divisive: divisiveness(tally, options),
    provisional: provisionalFlags(tally, options.minVotesPerGroup),
  };
}

/** Opinion groups are named A, B, C … (then A2, B2 … past Z, which k ≤ 5 never reaches). */
export function opinionGroupLabel(g: number): string {
  const letter = String.fromCharCode(65 + (g % 26));
  return g < 26 ? letter : `${letter}${Math.floor(g / 26) + 1}`;
}

/** The warm start for the next analysis of the same (possibly grown) conversation. */
export function warmStartOf(analysis: OpinionAnalysis): WarmStart {
  return {
    components: [analysis.pca.components[0], analysis.pca.components[1]],
    baseCentres: analysis.baseCentres,
    groupCentres: analysis.groupCentres,
    groupOf: analysis.groupOf,
  };
}
