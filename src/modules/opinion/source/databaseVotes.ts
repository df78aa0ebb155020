/**
 * Reads votes from a database table (or any Kysely query) into the vote store, on SQLite and
 * PostgreSQL alike. Consultations will keep their votes in a table; this reader does not
 * know its name or columns: the caller names them, or passes a query whose rows have the
 * columns `participant`, `statement`, `vote` (-1, 0 or 1) and `position` (time order).
 *
 * Rows come in position order, so later votes replace earlier ones; each database hands them
 * over as text rather than as one object per row (2 M votes in ≤ 2 s, docs/decisions/005):
 * SQLite a page of rows as one `group_concat` text (sqliteVotes.ts), PostgreSQL one COPY
 * stream (postgresVotes.ts). Memory holds a page or a socket chunk besides the store.
 */
import { setImmediate } from 'node:timers/promises';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { dialectOf } from '../../../platform/db/index.ts';
import type { VoteStore } from '../engine/voteStore.ts';
import { stableOrder } from './idIndex.ts';
import { readPostgresVotes } from './postgresVotes.ts';
import { readSqliteVotes, readSqliteVotesUnordered } from './sqliteVotes.ts';
import { VoteSink } from './voteRows.ts';

/** A vote row as the reader expects it. */
export interface VoteRow {
  participant: string | number;
  statement: string | number;
  vote: number | string;
  /**
   * Time order: later rows replace earlier votes by the same participant on the same statement.
   * Two votes of one participant on one statement must not share a position (an id column
   * will do): rows with equal positions come in the database's order.
   */
  position: number | string | Date;
}

/** A table and the names of its columns (defaults: participant, statement, vote, position). */
export interface VoteTable {
  table: string;
  participant?: string;
  statement?: string;
  vote?: string;
  position?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type VoteQuery = SelectQueryBuilder<any, any, VoteRow>;

export interface DatabaseVoteOptions {
  /** SQLite: rows per page (default 100,000; rows sharing a position stay in one page). PostgreSQL streams without pages. */
  pageSize?: number;
  /**
   * The conversation's statements in the order they should be numbered (e.g. every statement
   * of a consultation, voted on or not). Statements met in the votes but not listed are
   * added after them, in a stable order.
   */
  statementIds?: readonly string[];
  /**
   * Every row is already the participant's only vote on the statement (a table that keeps the
   * latest vote): no time order to keep, so rows come in whatever order the database finds them,
   * in one pass without sorting or paging (positions are not read). A consultation's 2 M votes
   * read in about half the time.
   */
  unordered?: boolean;
}

export interface DatabaseVotes {
  store: VoteStore;
  participantIds: string[];
  statementIds: string[];
  /** Rows read (re-votes included). */
  rows: number;
}

function isQuery(source: VoteTable | VoteQuery): source is VoteQuery {
  return typeof (source as VoteQuery).compile === 'function';
}

/** The caller's table as a query with the reader's column names. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function tableQuery(db: Kysely<any>, source: VoteTable): VoteQuery {
  return db
    .selectFrom(source.table)
    .select([
      sql.ref(source.participant ?? 'participant').as('participant'),
      sql.ref(source.statement ?? 'statement').as('statement'),
      sql.ref(source.vote ?? 'vote').as('vote'),
      sql.ref(source.position ?? 'position').as('position'),
    ]) as unknown as VoteQuery;
}

/**
 * Streams every vote of `source` into a vote store. PostgreSQL needs the handle `openDatabase`
 * returned (the COPY runs on a client of its pool), not a transaction's. Several queries (read
 * `unordered`, as rows of different queries have no order between them) are read one after the
 * other: on SQLite, which reads on the server's one thread, requests are answered between them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readVotesFromDatabase(db: Kysely<any>, source: VoteTable | VoteQuery | readonly VoteQuery[], options: DatabaseVoteOptions = {}): Promise<DatabaseVotes> {
  const queries = isQueryList(source) ? source : [isQuery(source) ? source : tableQuery(db, source)];
  if (queries.length > 1 && !options.unordered) throw new Error('votes read in several queries have no order between them: read them unordered');
  const pageSize = options.pageSize ?? 100_000;
  const sink = new VoteSink(isQueryList(source) || isQuery(source) ? 'vote query' : `table ${source.table}`, pageSize);
  for (const id of options.statementIds ?? []) sink.statements.of(id);
  const declared = sink.statements.size;
  for (const [i, votes] of queries.entries()) {
    if (dialectOf(db) === 'postgres') await readPostgresVotes(db, votes, sink, options.unordered === true);
    else if (options.unordered) await readSqliteVotesUnordered(db, votes, sink);
    else await readSqliteVotes(db, votes, sink, pageSize);
    // SQLite answers at once, so awaiting it never lets the event loop run: this does.
    if (i < queries.length - 1) await setImmediate();
  }
  const { ids, renumber } = numberStatements(sink.statements.ids, declared);
  sink.builder.renumberStatements(renumber);
  return { store: sink.builder.build(sink.participants.size, ids.length), participantIds: sink.participants.ids, statementIds: ids, rows: sink.rows };
}

function isQueryList(source: VoteTable | VoteQuery | readonly VoteQuery[]): source is readonly VoteQuery[] {
  return Array.isArray(source);
}

/** Declared statements keep their order; the others follow in stable order. */
function numberStatements(ids: string[], declared: number): { ids: string[]; renumber: Int32Array } {
  const extra = ids.slice(declared);
  const rank = stableOrder(extra);
  const renumber = new Int32Array(ids.length);
  const ordered = ids.slice(0, declared);
  for (let s = 0; s < declared; s++) renumber[s] = s;
  extra.forEach((id, k) => {
    renumber[declared + k] = declared + rank[k];
    ordered[declared + rank[k]] = id;
  });
  return { ids: ordered, renumber };
}
