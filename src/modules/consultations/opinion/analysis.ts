/**
 * The consultation's opinion map, from the opinion engine in its worker (docs/decisions/039):
 * votes streamed from the database into the engine's vote store, the voters' declared
 * stakeholder groups as the engine's second family of groups, and what the pages and the API
 * show kept as the last analysis (one row per consultation, replaced each time).
 */
import { sql } from 'kysely';
import { dialectOf, timestamp, type Db } from '../../../platform/db/index.ts';
import { stakeholderKeys } from '../../../platform/stakeholders.ts';
import { analyseInWorker, readVotesFromDatabase, sharedAnalysisPool, type OpinionAnalysis, type VoteQuery } from '../../opinion/index.ts';
import { opinionDb } from './tables.ts';

export interface Tally {
  agree: number;
  disagree: number;
  pass: number;
}

/** What the last analysis leaves for the map page and the API: small, and by Polis numbers rather than indexes. */
export interface StoredMap {
  opinion_groups: Array<{ id: string; members: number[] }>;
  /** The map's points: the engine's base clusters (a few dozen), not every participant. */
  points: Array<{ x: number; y: number; size: number; group: number }>;
  stakeholder_groups: string[];
  statements: Array<{
    number: number;
    /** Per opinion group, in the order of `opinion_groups`. */
    groups: Tally[];
    /** Per stakeholder group, in the order of `stakeholder_groups`. */
    stakeholders: Tally[];
    bridging: number | null;
    provisional: boolean;
  }>;
  /** The statements that set each opinion group apart (most first), with the side they take. */
  representative: Array<Array<{ number: number; side: 'agree' | 'disagree' }>>;
  /** Statements ranked by how well every opinion group and every stakeholder group agree on them. */
  bridging: Array<{ statement_id: number; score: number; provisional: boolean }>;
}

export interface ComputedMap {
  participants: number;
  statements: number;
  votes: number;
  map: StoredMap;
  ms: number;
}

/**
 * The votes on these statements, as the opinion module's reader wants them: straight from the
 * votes table, which is keyed by the numbers the map uses (no join over millions of rows). Every
 * row has the same position: the table holds one vote per participant and statement (the latest),
 * so there is nothing to order.
 */
function voteQuery(db: Db, consultationId: string, statements: number[]): VoteQuery {
  return opinionDb(db).selectFrom('consultation_opinion_votes')
    .where('consultation_id', '=', consultationId).where('statement_number', 'in', statements)
    .select(['participant_number as participant', 'statement_number as statement', 'vote', sql<number>`0`.as('position')]) as unknown as VoteQuery;
}

/** Votes in one of SQLite's queries at most: about 35 ms of the server's thread (one query of 2 M votes took 0.71 s). */
const votesPerQuery = 100_000;

/**
 * The votes on approved statements as queries: on PostgreSQL one (streamed on a connection of its
 * own); on SQLite, which reads on the server's one thread, one per run of statements holding about
 * `votesPerQuery` votes by their tallies, so that votes cast meanwhile are answered between them
 * (at 2 M votes, one query held the thread for about 0.75 s).
 */
async function voteQueries(db: Db, consultationId: string, approved: number[]): Promise<VoteQuery[]> {
  if (dialectOf(db) === 'postgres') return [voteQuery(db, consultationId, approved)];
  const tallies = await opinionDb(db).selectFrom('consultation_opinion_tallies').select(['statement_number', 'agree', 'disagree', 'pass'])
    .where('consultation_id', '=', consultationId).execute();
  const votesOn = new Map(tallies.map((t) => [Number(t.statement_number), Number(t.agree) + Number(t.disagree) + Number(t.pass)]));
  const runs: number[][] = [];
  let votes = 0;
  for (const number of approved) {
    const on = votesOn.get(number) ?? 0;
    if (runs.length === 0 || (votes > 0 && votes + on > votesPerQuery)) {
      runs.push([]);
      votes = 0;
    }
    runs.at(-1)!.push(number);
    votes += on;
  }
  return runs.map((statements) => voteQuery(db, consultationId, statements));
}

const tallyAt = (tally: { agree: Int32Array; disagree: Int32Array; pass: Int32Array; groupCount: number }, s: number, g: number): Tally => {
  const cell = s * tally.groupCount + g;
  return { agree: tally.agree[cell]!, disagree: tally.disagree[cell]!, pass: tally.pass[cell]! };
};

/** Reads the votes, runs the engine in its worker and shapes what is kept. `db` must be the database's own handle (PostgreSQL streams through its pool). */
export async function computeOpinionMap(db: Db, consultationId: string): Promise<ComputedMap | undefined> {
  const started = performance.now();
  const approved = await opinionDb(db).selectFrom('consultation_opinion_statements').select('number').where('consultation_id', '=', consultationId).where('status', '=', 'approved').orderBy('number').execute();
  if (approved.length === 0) return undefined;
  sharedAnalysisPool().warm();
  const numbers = approved.map((s) => Number(s.number));
  const read = await readVotesFromDatabase(db, await voteQueries(db, consultationId, numbers), { statementIds: numbers.map(String), unordered: true });
  if (read.participantIds.length === 0) return undefined;
  const declared = await opinionDb(db).selectFrom('consultation_opinion_participants').select(['number', 'stakeholder_group']).where('consultation_id', '=', consultationId).where('stakeholder_group', 'is not', null).execute();
  const groupOfNumber = new Map(declared.map((p) => [String(p.number), p.stakeholder_group!]));
  const labels = stakeholderKeys.filter((key) => declared.some((p) => p.stakeholder_group === key));
  const groupOf = Int32Array.from(read.participantIds, (id) => labels.indexOf(groupOfNumber.get(id) as (typeof labels)[number]));
  const analysis = await analyseInWorker(read.store, { stakeholders: labels.length > 0 ? { groupOf, labels } : undefined }, { transferInput: true });
  return {
    participants: analysis.participantCount, statements: analysis.statementCount, votes: analysis.voteCount,
    map: shapeMap(analysis, read.participantIds.map(Number), read.statementIds.map(Number), labels), ms: performance.now() - started,
  };
}

/** The engine's typed arrays as the stored map: Polis numbers for indexes, rounded coordinates. */
export function shapeMap(analysis: OpinionAnalysis, participantNumbers: number[], statementNumbers: number[], stakeholderLabels: string[]): StoredMap {
  const groups = Array.from({ length: analysis.groupCount }, (_, g) => ({ id: analysis.opinion.labels[g]!, members: [] as number[] }));
  analysis.groupOf.forEach((g, p) => { if (g >= 0) groups[g]!.members.push(participantNumbers[p]!); });
  const baseGroup = new Int32Array(analysis.baseSizes.length).fill(-1);
  analysis.participating.forEach((p, i) => (baseGroup[analysis.baseOf[i]!] = analysis.groupOf[p]!));
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const points = Array.from(analysis.baseSizes, (size, b) => ({ x: round(analysis.baseCentres[2 * b]!), y: round(analysis.baseCentres[2 * b + 1]!), size, group: baseGroup[b]! })).filter((p) => p.size > 0);
  const score = (v: number) => (Number.isNaN(v) ? null : round(v));
  return {
    opinion_groups: groups,
    points,
    stakeholder_groups: stakeholderLabels,
    statements: statementNumbers.map((number, s) => ({
      number,
      groups: groups.map((_, g) => tallyAt(analysis.opinion.tally, s, g)),
      stakeholders: analysis.stakeholder ? stakeholderLabels.map((_, g) => tallyAt(analysis.stakeholder!.tally, s, g)) : [],
      bridging: score(analysis.bridging[s]!),
      provisional: analysis.provisional[s] === 1,
    })),
    representative: analysis.opinion.repness.representative.map((list, g) => list.slice(0, 3).map((s) => ({
      number: statementNumbers[s]!, side: analysis.opinion.repness.side[s * analysis.groupCount + g]! < 0 ? 'disagree' as const : 'agree' as const,
    }))),
    bridging: Array.from(analysis.bridgingRanking, (s) => ({ statement_id: statementNumbers[s]!, score: round(analysis.bridging[s]!), provisional: analysis.provisional[s] === 1 })),
  };
}

/** Computes the map and keeps it as the consultation's last analysis; undefined when there is nothing to map yet. */
export async function recomputeOpinionMap(db: Db, consultationId: string, now: Date): Promise<ComputedMap | undefined> {
  const computed = await computeOpinionMap(db, consultationId);
  if (!computed) return undefined;
  const row = { computed_at: timestamp(now), participants: computed.participants, statements: computed.statements, votes: computed.votes, content: JSON.stringify(computed.map) };
  await opinionDb(db).insertInto('consultation_opinion_analyses').values({ consultation_id: consultationId, ...row })
    .onConflict((oc) => oc.column('consultation_id').doUpdateSet(row)).execute();
  return computed;
}
