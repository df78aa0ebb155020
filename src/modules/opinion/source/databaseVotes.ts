/**
 * Reads votes from a database table (or any Kysely query) into the vote store, on SQLite and
 * PostgreSQL alike. Consultations will keep their votes in a table; this reader does not
 * know its name or columns: the caller names them, or passes a query whose rows have the
 * columns `participant`, `statement`, `vote` (-1, 0 or 1) and `position` (time order).
 *
 * Rows are read in pages by keyset pagination on the position alone, so that an index on it
 * (or the primary key) serves both the filter and the order: a page ends before its last
 * position, and the next page starts at that position again (≥), so rows sharing a position
 * are never split; a page made of one single position is read whole with `=`. That is four
 * query texts in all, whatever the size (better-sqlite3 statements are kept for the life of
 * the process, so their number must stay bounded; see src/platform/db/index.ts). Memory
 * holds one page of rows at a time besides the store.
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { VoteStoreBuilder, type Vote, type VoteStore } from '../engine/voteStore.ts';
import { IdIndex, stableOrder } from './idIndex.ts';
import { InputError } from './inputError.ts';

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
  /** Rows per page (default 50,000). */
  pageSize?: number;
  /**
   * The conversation's statements in the order they should be numbered (e.g. every statement
   * of a consultation, voted on or not). Statements met in the votes but not listed are
   * added after them, in a stable order.
   */
  statementIds?: readonly string[];
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

type Position = VoteRow['position'];

/** Where the next page starts: after a position, or at it again (the rest of a tie). */
type Cursor = { position: Position; inclusive: boolean } | null;

/** One page of rows in time order, starting at `cursor`; `limit` null reads the rows of exactly that position. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function page(db: Kysely<any>, votes: VoteQuery, cursor: Cursor, size: number | null): Promise<VoteRow[]> {
  let query = db.selectFrom(votes.as('v')).select(['v.participant', 'v.statement', 'v.vote', 'v.position']);
  if (cursor) query = query.where('v.position', size === null ? '=' : cursor.inclusive ? '>=' : '>', cursor.position);
  query = query.orderBy('v.position');
  return (size === null ? query : query.limit(size)).execute() as Promise<VoteRow[]>;
}

function samePosition(a: Position, b: Position): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

function toVote(value: number | string, where: string, row: VoteRow): Vote {
  const number = typeof value === 'number' ? value : Number(value);
  if (number === 1 || number === -1 || number === 0) return number;
  throw new InputError(where, null, `vote must be -1, 0 or 1, got "${String(value)}" (participant ${String(row.participant)}, statement ${String(row.statement)}, position ${String(row.position)})`);
}

/** Dense index of a key as the database returned it (numbers stay numbers: no string per row). */
function keyIndex(index: IdIndex, key: string | number, what: string, where: string): number {
  if (typeof key === 'number' && Number.isSafeInteger(key)) return index.ofNumber(key);
  if (typeof key === 'string' && key.trim() !== '') return index.of(key);
  throw new InputError(where, null, `${what} key must be a non-empty text or an integer, got ${JSON.stringify(key)}`);
}

/** Streams every vote of `source` into a vote store. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readVotesFromDatabase(db: Kysely<any>, source: VoteTable | VoteQuery, options: DatabaseVoteOptions = {}): Promise<DatabaseVotes> {
  const where = isQuery(source) ? 'vote query' : `table ${source.table}`;
  const votes = isQuery(source) ? source : tableQuery(db, source);
  const size = options.pageSize ?? 50_000;
  const participants = new IdIndex();
  const statements = new IdIndex();
  for (const id of options.statementIds ?? []) statements.of(id);
  const declared = statements.size;
  const builder = new VoteStoreBuilder(size);
  let cursor: Cursor = null;
  let rows = 0;
  const add = (batch: VoteRow[], end: number): void => {
    for (let i = 0; i < end; i++) {
      const row = batch[i];
      const p = keyIndex(participants, row.participant, 'participant', where);
      const s = keyIndex(statements, row.statement, 'statement', where);
      builder.add(p, s, toVote(row.vote, where, row));
    }
    rows += end;
  };
  for (;;) {
    const batch = await page(db, votes, cursor, size);
    if (batch.length < size) {
      add(batch, batch.length);
      break;
    }
    // Hold back the rows of the last position: the next page starts at it again.
    const last = batch[batch.length - 1].position;
    let end = batch.length;
    while (end > 0 && samePosition(batch[end - 1].position, last)) end--;
    if (end === 0) {
      // The whole page is one position: read all of its rows at once, then move past it.
      const tie = await page(db, votes, { position: last, inclusive: true }, null);
      add(tie, tie.length);
      cursor = { position: last, inclusive: false };
      continue;
    }
    add(batch, end);
    cursor = { position: last, inclusive: true };
  }
  const { ids, renumber } = numberStatements(statements.ids, declared);
  builder.renumberStatements(renumber);
  return { store: builder.build(participants.size, ids.length), participantIds: participants.ids, statementIds: ids, rows };
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
