/**
 * Live statistics between re-clusterings. A new (or changed) vote updates the counts of the
 * one statement it concerns and that statement's bridging score in O(groups); the opinion
 * groups stay as the last analysis left them until the next analysis, run on demand.
 */
import { NO_VOTE, findVote, type Vote, type VoteStore } from './voteStore.ts';
import { jeffreysLowerBound } from './beta.ts';
import { bridgingScoreOf, divisivenessOf, isProvisional, minimumOfScores, rankByScore, type BridgingOptions } from './bridging.ts';
import { votesSeen, type GroupTally } from './tally.ts';
import type { FamilyStatistics, OpinionAnalysis } from './analyse.ts';

interface LiveFamily {
  groupOf: Int32Array;
  tally: GroupTally;
  lowerBounds: Float64Array;
  bridging: Float64Array;
  divisive: Float64Array;
  provisional: Uint8Array;
}

function copyFamily(family: FamilyStatistics): LiveFamily {
  const t = family.tally;
  return {
    groupOf: family.groupOf,
    tally: {
      groupCount: t.groupCount,
      statementCount: t.statementCount,
      agree: t.agree.slice(),
      disagree: t.disagree.slice(),
      pass: t.pass.slice(),
      members: t.members,
    },
    lowerBounds: family.lowerBounds.slice(),
    bridging: family.bridging.slice(),
    divisive: family.divisive.slice(),
    provisional: family.provisional.slice(),
  };
}

export class LiveOpinion {
  private readonly families: LiveFamily[];
  private readonly changed = new Map<number, number>();
  private readonly options: BridgingOptions;
  /** Minimum over families, per statement. */
  readonly bridging: Float64Array;
  voteCount: number;

  /** Starts from `analysis` of `store`; neither is modified. */
  constructor(
    private readonly store: VoteStore,
    analysis: Pick<OpinionAnalysis, 'opinion' | 'stakeholder' | 'bridgingOptions' | 'voteCount'>,
  ) {
    this.families = [analysis.opinion, ...(analysis.stakeholder ? [analysis.stakeholder] : [])].map(copyFamily);
    this.options = analysis.bridgingOptions;
    this.voteCount = analysis.voteCount;
    this.bridging = new Float64Array(store.statementCount);
    for (let s = 0; s < store.statementCount; s++) this.bridging[s] = this.combinedBridging(s);
  }

  /** The participant's current vote on the statement, or NO_VOTE. */
  currentVote(participant: number, statement: number): number {
    return this.changed.get(participant * this.store.statementCount + statement) ?? findVote(this.store, participant, statement);
  }

  /**
   * Records a vote (a re-vote replaces the earlier one). Participants unknown to the last
   * analysis are counted in no group until the next one. Returns false when nothing changed.
   */
  recordVote(participant: number, statement: number, vote: Vote): boolean {
    if (!(statement >= 0 && statement < this.store.statementCount)) throw new RangeError(`unknown statement ${statement}`);
    if (!(participant >= 0) || !Number.isInteger(participant)) throw new RangeError(`bad participant ${participant}`);
    if (vote !== 1 && vote !== -1 && vote !== 0) throw new RangeError(`vote must be -1, 0 or 1`);
    const previous = this.currentVote(participant, statement);
    if (previous === vote) return false;
    this.changed.set(participant * this.store.statementCount + statement, vote);
    if (previous === NO_VOTE) this.voteCount++;
    for (const family of this.families) this.updateFamily(family, participant, statement, previous, vote);
    this.bridging[statement] = this.combinedBridging(statement);
    return true;
  }

  private updateFamily(family: LiveFamily, participant: number, statement: number, previous: number, vote: Vote): void {
    const g = participant < family.groupOf.length ? family.groupOf[participant] : -1;
    if (g < 0) return;
    const { tally } = family;
    const cell = statement * tally.groupCount + g;
    if (previous !== NO_VOTE) countOf(tally, previous)[cell]--;
    countOf(tally, vote)[cell]++;
    family.lowerBounds[cell] = jeffreysLowerBound(tally.agree[cell], votesSeen(tally, statement, g), this.options.confidence);
    family.bridging[statement] = bridgingScoreOf(tally, family.lowerBounds, statement, this.options.minVotesPerGroup);
    family.divisive[statement] = divisivenessOf(tally, statement, this.options.minVotesPerGroup);
    family.provisional[statement] = isProvisional(tally, statement, this.options.minVotesPerGroup) ? 1 : 0;
  }

  private combinedBridging(statement: number): number {
    let score = NaN;
    for (const family of this.families) score = minimumOfScores(score, family.bridging[statement]);
    return score;
  }

  /** Whether the statement's score still leaves out some group for lack of votes. */
  isProvisional(statement: number): boolean {
    return this.families.some((f) => f.provisional[statement] === 1);
  }

  /** Bridging score of each family (opinion first, then stakeholder) for one statement. */
  familyBridging(statement: number): number[] {
    return this.families.map((f) => f.bridging[statement]);
  }

  /** Counts (agree, disagree, pass) of one group of a family for a statement. */
  counts(familyIndex: number, statement: number, group: number): { agree: number; disagree: number; pass: number } {
    const { tally } = this.families[familyIndex];
    const cell = statement * tally.groupCount + group;
    return { agree: tally.agree[cell], disagree: tally.disagree[cell], pass: tally.pass[cell] };
  }

  /** Statements by descending bridging score (sorting is O(statements log statements): call it when a page needs it). */
  bridgingRanking(limit?: number): Int32Array {
    return rankByScore(this.bridging, limit);
  }
}

function countOf(tally: GroupTally, vote: number): Int32Array {
  return vote > 0 ? tally.agree : vote < 0 ? tally.disagree : tally.pass;
}
