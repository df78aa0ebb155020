/**
 * Votes from SQLite, a page at a time, each page handed over by SQLite as one text:
 * `group_concat` of `quote()`d participant, statement and vote in position order. One row per
 * page crosses the driver instead of one array or object per vote: better-sqlite3 alone spends
 * ~1.4 s making 2 M row arrays, this ~1 s for the same rows as text, parsed here without a
 * string per integer (docs/decisions/005).
 *
 * Pages are bounded by positions, so that rows sharing a position are never split: a first
 * query finds the position of the page's last row (`offset size - 1`), the second takes every
 * row up to and including it. Six SQL texts in all, whatever the size (better-sqlite3 statements
 * are kept for the life of the process; see src/platform/db/index.ts). Each page is its own
 * query, and the event loop runs between pages (better-sqlite3 answers synchronously, so awaiting
 * a query alone would not let it), so it is never held for long.
 */
import { setImmediate } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { Field, NULL, OTHER, TEXT, type VoteSink } from './voteRows.ts';
import type { VoteQuery, VoteRow } from './databaseVotes.ts';
import { MINUS, NINE, SINGLE_QUOTE as QUOTE, ZERO } from './bytes.ts';

type Position = VoteRow['position'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = Kysely<any>;

/** The position of the row `offset` rows after the first one past `after` (null: from the start), if there is one. */
async function positionAt(db: Any, votes: VoteQuery, after: Position | null, offset: number): Promise<Position | null | undefined> {
  let query = db.selectFrom(votes.as('v')).select('v.position');
  if (after !== null) query = query.where('v.position', '>', after);
  const row = await query.orderBy('v.position').limit(1).offset(offset).executeTakeFirst();
  return row?.position as Position | null | undefined;
}

/** Every row past `after` up to and including `last` (null: no bound), as one text in position order. */
async function pageText(db: Any, votes: VoteQuery, after: Position | null, last: Position | null): Promise<string | null> {
  let query = db
    .selectFrom(votes.as('v'))
    .select(sql<string | null>`group_concat(quote(v.participant) || ',' || quote(v.statement) || ',' || quote(v.vote), ',' order by v.position)`.as('page'));
  if (after !== null) query = query.where('v.position', '>', after);
  if (last !== null) query = query.where('v.position', '<=', last);
  const row = await query.executeTakeFirstOrThrow();
  return row.page as string | null;
}

export async function readSqliteVotes(db: Any, votes: VoteQuery, sink: VoteSink, pageSize: number): Promise<void> {
  const row = { participant: new Field(), statement: new Field(), vote: new Field() };
  // SQLite puts nulls first: a null position would be skipped by the page bounds.
  if ((await positionAt(db, votes, null, 0)) === null) throw sink.noPosition();
  let after: Position | null = null;
  for (;;) {
    const last = await positionAt(db, votes, after, pageSize - 1);
    const text = await pageText(db, votes, after, last ?? null);
    const bad = text === null ? -1 : addPage(text, sink, row);
    if (bad >= 0) {
      const vote = row.vote.raw();
      throw sink.voteError(vote, String(await positionAt(db, votes, after, bad)));
    }
    if (last === undefined) return;
    after = last;
    // better-sqlite3 answers at once, so awaiting a query never lets the event loop run: this does.
    await setImmediate();
  }
}

/** Every row in one text, in the order SQLite finds them: for tables holding one vote per participant and statement (see DatabaseVoteOptions.unordered). */
export async function readSqliteVotesUnordered(db: Any, votes: VoteQuery, sink: VoteSink): Promise<void> {
  const row = { participant: new Field(), statement: new Field(), vote: new Field() };
  const { page } = await db.selectFrom(votes.as('v'))
    .select(sql<string | null>`group_concat(quote(v.participant) || ',' || quote(v.statement) || ',' || quote(v.vote), ',')`.as('page')).executeTakeFirstOrThrow();
  if (page !== null && addPage(page as string, sink, row) >= 0) throw sink.voteError(row.vote.raw(), `row ${sink.rows + 1}`);
}

/** Adds a page's rows; returns the index in the page of a row with a bad vote (left in `row`), or -1. */
function addPage(text: string, sink: VoteSink, row: { participant: Field; statement: Field; vote: Field }): number {
  let i = 0;
  for (let index = 0; i < text.length; index++) {
    i = readValue(text, i, row.participant);
    i = readValue(text, i, row.statement);
    i = readValue(text, i, row.vote);
    if (!sink.add(row.participant, row.statement, row.vote)) return index;
  }
  return -1;
}

/**
 * Reads the value `quote()` wrote at `i` into `field`; returns where the next one starts. Texts
 * are quoted with '' for a quote (so a comma inside one is not a separator); NULL is bare;
 * numbers and blobs (X'…') are bare and hold no comma.
 */
function readValue(text: string, i: number, field: Field): number {
  if (text.charCodeAt(i) === QUOTE) {
    let close = text.indexOf("'", i + 1);
    let doubled = false;
    while (text.charCodeAt(close + 1) === QUOTE) {
      close = text.indexOf("'", close + 2);
      doubled = true;
    }
    const raw = text.slice(i + 1, close);
    field.setText(TEXT, doubled ? raw.replaceAll("''", "'") : raw);
    return close + 2;
  }
  let end = text.indexOf(',', i);
  if (end < 0) end = text.length;
  const value = integer(text, i, end);
  if (value !== -Infinity) field.setInt(value);
  else if (end - i === 4 && text.startsWith('NULL', i)) field.kind = NULL;
  else {
    const raw = text.slice(i, end);
    // An integer too long to be read exactly as a number is kept as its digits.
    field.setText(/^-?\d+$/.test(raw) ? TEXT : OTHER, raw);
  }
  return end + 1;
}

/** The canonical integer (at most 15 digits) in text[start, end), or -Infinity. */
function integer(text: string, start: number, end: number): number {
  let i = start;
  const negative = text.charCodeAt(i) === MINUS;
  if (negative) i++;
  const digits = end - i;
  if (digits < 1 || digits > 15 || (digits > 1 && text.charCodeAt(i) === ZERO)) return -Infinity;
  let value = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > NINE) return -Infinity;
    value = value * 10 + (c - ZERO);
  }
  return negative ? -value : value;
}
