/**
 * Turns an analysis of a loaded conversation into the report the command prints: ids and
 * texts as in the input, statistics rounded for reading.
 */
import type { FamilyStatistics, OpinionAnalysis } from './engine/analyse.ts';
import { missingGroups, rankByScore } from './engine/bridging.ts';
import { smoothedAgreeRate, smoothedDisagreeRate, votesSeen } from './engine/tally.ts';
import type { Conversation } from './polis.ts';

export interface MissingGroup {
  family: 'opinion' | 'stakeholder';
  group: string;
}

export interface RankedStatement {
  statement_id: string;
  score: number;
  text: string;
  /** True when some group cast too few votes on the statement to count in its score. */
  provisional: boolean;
  /** The groups left out of the score (empty unless provisional). */
  missing_groups: MissingGroup[];
}

export interface GroupStatementStats {
  group: string;
  agree: number;
  disagree: number;
  pass: number;
  agree_rate: number;
  disagree_rate: number;
  agree_lower_bound: number;
  repness: number;
  repful_for: 'agree' | 'disagree';
}

export interface OpinionReport {
  participants: number;
  statements: number;
  votes: number;
  participants_clustered: number;
  /** Votes a participant needs to be placed in an opinion group. */
  min_votes_to_cluster: number;
  seed: number;
  opinion_groups: { id: number; label: string; size: number; members: string[]; representative: RepresentativeStatement[] }[];
  stakeholder_groups?: { id: string; size: number; representative: RepresentativeStatement[] }[];
  /** Best first; the minimum over opinion groups and, when declared, stakeholder groups. */
  bridging: RankedStatement[];
  bridging_opinion_groups: RankedStatement[];
  bridging_stakeholder_groups?: RankedStatement[];
  divisive: RankedStatement[];
  statement_stats: { statement_id: string; text: string; opinion_groups: GroupStatementStats[]; stakeholder_groups?: GroupStatementStats[] }[];
  method: {
    bridging: string;
    divisive: string;
    min_votes_per_group: number;
    confidence: number;
    pca: { eigenvalues: number[]; lanczos_steps: number; converged: boolean };
    silhouettes: Record<string, number>;
  };
  map: { x: number; y: number; group: number; size: number }[];
  timings_ms: { load: number; analyse: number };
}

export interface RepresentativeStatement {
  statement_id: string;
  text: string;
  side: 'agree' | 'disagree';
  rate: number;
  /** The group's own counts on the statement. */
  agree: number;
  disagree: number;
  pass: number;
}

function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

interface ScoredFamily {
  family: 'opinion' | 'stakeholder';
  statistics: FamilyStatistics;
}

function ranked(conversation: Conversation, scores: Float64Array, provisional: Uint8Array, families: ScoredFamily[], minVotes: number): RankedStatement[] {
  return Array.from(rankByScore(scores, scores.length, provisional), (s) => ({
    statement_id: conversation.statementIds[s],
    score: round(scores[s]),
    text: conversation.statementTexts[s],
    provisional: provisional[s] === 1,
    missing_groups: families.flatMap(({ family, statistics }) =>
      missingGroups(statistics.tally, s, minVotes).map((g) => ({ family, group: statistics.labels[g] })),
    ),
  }));
}

function groupStats(family: FamilyStatistics, s: number): GroupStatementStats[] {
  const { tally } = family;
  return family.labels.map((label, g) => {
    const cell = s * tally.groupCount + g;
    return {
      group: label,
      agree: tally.agree[cell],
      disagree: tally.disagree[cell],
      pass: tally.pass[cell],
      agree_rate: round(smoothedAgreeRate(tally, s, g), 4),
      disagree_rate: round(smoothedDisagreeRate(tally, s, g), 4),
      agree_lower_bound: round(family.lowerBounds[cell], 4),
      repness: round(family.repness.metric[cell], 4),
      repful_for: family.repness.side[cell] > 0 ? 'agree' : 'disagree',
    };
  });
}

function representative(conversation: Conversation, family: FamilyStatistics, g: number): RepresentativeStatement[] {
  const k = family.tally.groupCount;
  return family.repness.representative[g].map((s) => {
    const side = family.repness.side[s * k + g] > 0 ? 'agree' : 'disagree';
    const n = votesSeen(family.tally, s, g);
    const cell = s * k + g;
    const count = side === 'agree' ? family.tally.agree[cell] : family.tally.disagree[cell];
    return {
      statement_id: conversation.statementIds[s],
      text: conversation.statementTexts[s],
      side,
      rate: round(n > 0 ? count / n : 0, 4),
      agree: family.tally.agree[cell],
      disagree: family.tally.disagree[cell],
      pass: family.tally.pass[cell],
    };
  });
}

export function buildReport(conversation: Conversation, analysis: OpinionAnalysis, timings: { load: number; analyse: number }): OpinionReport {
  const minVotes = analysis.bridgingOptions.minVotesPerGroup;
  const opinionFamily: ScoredFamily = { family: 'opinion', statistics: analysis.opinion };
  const stakeholderFamily: ScoredFamily[] = analysis.stakeholder ? [{ family: 'stakeholder', statistics: analysis.stakeholder }] : [];
  const members: string[][] = Array.from({ length: analysis.groupCount }, () => []);
  analysis.participating.forEach((p) => members[analysis.groupOf[p]].push(conversation.participantIds[p]));
  const stakeholder = analysis.stakeholder;
  const silhouettes: Record<string, number> = {};
  analysis.silhouettes.forEach((value, k) => {
    if (!Number.isNaN(value)) silhouettes[String(k)] = round(value, 4);
  });
  const groupOfBase = new Int32Array(analysis.baseSizes.length);
  analysis.baseOf.forEach((b, i) => (groupOfBase[b] = analysis.groupOf[analysis.participating[i]]));
  return {
    participants: analysis.participantCount,
    statements: analysis.statementCount,
    votes: analysis.voteCount,
    participants_clustered: analysis.participating.length,
    min_votes_to_cluster: analysis.minVotesToCluster,
    seed: analysis.seed,
    opinion_groups: members.map((list, g) => ({
      id: g,
      label: analysis.opinion.labels[g],
      size: list.length,
      members: list,
      representative: representative(conversation, analysis.opinion, g),
    })),
    ...(stakeholder
      ? {
          stakeholder_groups: stakeholder.labels.map((label, g) => ({
            id: label,
            size: stakeholder.tally.members[g],
            representative: representative(conversation, stakeholder, g),
          })),
        }
      : {}),
    bridging: ranked(conversation, analysis.bridging, analysis.provisional, [opinionFamily, ...stakeholderFamily], minVotes),
    bridging_opinion_groups: ranked(conversation, analysis.opinion.bridging, analysis.opinion.provisional, [opinionFamily], minVotes),
    ...(stakeholder
      ? { bridging_stakeholder_groups: ranked(conversation, stakeholder.bridging, stakeholder.provisional, stakeholderFamily, minVotes) }
      : {}),
    divisive: ranked(conversation, analysis.divisive, analysis.provisional, [opinionFamily, ...stakeholderFamily], minVotes),
    statement_stats: conversation.statementIds.map((id, s) => ({
      statement_id: id,
      text: conversation.statementTexts[s],
      opinion_groups: groupStats(analysis.opinion, s),
      ...(stakeholder ? { stakeholder_groups: groupStats(stakeholder, s) } : {}),
    })),
    method: {
      bridging:
        'minimum over groups of the lower end of the two-sided Jeffreys interval (Beta(a+1/2, n-a+1/2)) of the agree rate, passes counted as votes; every group weighs the same; groups with fewer than min_votes_per_group votes on a statement are left out of its score, which is then provisional',
      divisive: 'largest minus smallest Jeffreys-smoothed agree rate (a+1/2)/(n+1) over the groups with enough votes',
      min_votes_per_group: analysis.bridgingOptions.minVotesPerGroup,
      confidence: analysis.bridgingOptions.confidence,
      pca: { eigenvalues: analysis.pca.eigenvalues.map((v) => round(v, 4)), lanczos_steps: analysis.pca.steps, converged: analysis.pca.converged },
      silhouettes,
    },
    map: Array.from(analysis.baseSizes, (size, b) => ({
      x: round(analysis.baseCentres[2 * b], 4),
      y: round(analysis.baseCentres[2 * b + 1], 4),
      group: groupOfBase[b],
      size,
    })),
    timings_ms: { load: round(timings.load, 1), analyse: round(timings.analyse, 1) },
  };
}

/** A readable summary for a terminal. */
export function formatText(report: OpinionReport, top = 10): string {
  const lines: string[] = [];
  lines.push(`${report.participants} participants, ${report.statements} statements, ${report.votes} votes; ${report.participants_clustered} clustered`);
  lines.push(`Opinion groups (seed ${report.seed}): ${report.opinion_groups.map((g) => `${g.label}: ${g.size}`).join(', ')}`);
  const unclustered = report.participants - report.participants_clustered;
  if (unclustered > 0) lines.push(`${unclustered} participants with fewer than ${report.min_votes_to_cluster} votes are in no opinion group`);
  if (report.stakeholder_groups) lines.push(`Stakeholder groups: ${report.stakeholder_groups.map((g) => `${g.id}: ${g.size}`).join(', ')}`);
  const section = (title: string, list: RankedStatement[]): void => {
    lines.push('', title);
    if (list.length === 0) lines.push('  (no statement has enough votes in any group)');
    list.slice(0, top).forEach((r, i) => {
      lines.push(`  ${String(i + 1).padStart(2)}. [${r.statement_id}] ${r.score.toFixed(3)}  ${oneLine(r.text)}`);
      if (r.provisional) lines.push(`      provisional: too few votes yet from ${r.missing_groups.map(describeGroup).join(', ')}`);
    });
  };
  section('Bridging statements (lowest group support, 90% Jeffreys lower bound):', report.bridging);
  section('Divisive statements (spread of group agree rates):', report.divisive);
  for (const g of report.opinion_groups) {
    lines.push('', `Group ${g.label} (${g.size}) is characterised by:`);
    for (const r of g.representative) lines.push(`  ${r.side === 'agree' ? '+' : '-'} ${Math.round(r.rate * 100)}% ${r.side} [${r.statement_id}] ${oneLine(r.text)}`);
  }
  lines.push('', `Timings: load ${report.timings_ms.load} ms, analyse ${report.timings_ms.analyse} ms`);
  return lines.join('\n') + '\n';
}

function describeGroup(missing: MissingGroup): string {
  return missing.family === 'opinion' ? `opinion group ${missing.group}` : missing.group;
}

function oneLine(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
