import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { emptyDatabase, perDatabase } from '../../../../tests/support/databases.ts';
import { VoteStoreBuilder, type Vote } from '../engine/voteStore.ts';
import { createRandom, randomInt } from '../engine/random.ts';
import { readVotesFromDatabase, type VoteQuery } from './databaseVotes.ts';

interface Row {
  id: number;
  who: string;
  what: number;
  value: number;
  at: number;
}

/**
 * Votes with re-votes, shared positions (ties on `at`, including a first run of 1,500 rows at
 * one position, longer than a page) and participants known by text keys. As the reader asks,
 * one participant's votes on one statement never share a position.
 */
function sampleRows(count: number): Row[] {
  const random = createRandom(5);
  return Array.from({ length: count }, (_, i) =>
    i < 1500
      ? { id: i + 1, who: `p-${i % 400}`, what: 100 + Math.floor(i / 400), value: randomInt(random, 3) - 1, at: 0 }
      : { id: i + 1, who: `p-${randomInt(random, 400)}`, what: 100 + randomInt(random, 60), value: randomInt(random, 3) - 1, at: Math.floor(i / 3) },
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function createVotesTable(db: Kysely<any>, rows: Row[]): Promise<void> {
  await sql`create table cast_votes (id integer primary key, who text not null, what integer not null, value integer not null, at integer not null)`.execute(db);
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('cast_votes').values(rows.slice(i, i + 500)).execute();
}

/**
 * What `read` gives, and whether a timer set just before it fired before it ended: the event loop
 * ran meanwhile, as a server's requests need. Asked of SQLite only: better-sqlite3 answers at once,
 * so only the reader's own yield lets the loop run; PostgreSQL's read waits on its socket, and a
 * small one may arrive whole within one turn of the loop, before the timer is due.
 */
async function whileEventLoopWatched<T>(read: () => Promise<T>): Promise<{ value: T; loopRan: boolean }> {
  let ended = false;
  let loopRan = false;
  setTimeout(() => (loopRan = !ended), 0);
  const value = await read();
  ended = true;
  return { value, loopRan };
}

perDatabase('the database vote source streams a table page by page into the same store as the votes in time order', {}, async (kind) => {
  const database = await emptyDatabase(kind);
  try {
    const rows = sampleRows(6000);
    await createVotesTable(database.db, rows);
    const read = await readVotesFromDatabase(
      database.db,
      { table: 'cast_votes', participant: 'who', statement: 'what', vote: 'value', position: 'at' },
      { pageSize: 777 },
    );
    assert.equal(read.rows, rows.length, 'every row read once, across page boundaries inside runs of equal positions');
    const { value: same, loopRan } = await whileEventLoopWatched(() =>
      readVotesFromDatabase(database.db, { table: 'cast_votes', participant: 'who', statement: 'what', vote: 'value', position: 'at' }, { pageSize: 50 }));
    if (kind === 'sqlite') assert.equal(loopRan, true, 'the event loop runs between pages');
    assert.deepEqual(same.store, read.store, 'the page size does not change the result');
    // Expected: the same votes added in time order, later ones winning. (Within a tie the order
    // is the database's, which decides only the participants' numbering: take it from the read.)
    const participants = new Map(read.participantIds.map((id, i) => [id, i]));
    assert.equal(participants.size, new Set(rows.map((r) => r.who)).size);
    const builder = new VoteStoreBuilder();
    for (const row of [...rows].sort((a, b) => a.at - b.at)) builder.add(participants.get(row.who)!, row.what - 100, row.value as Vote);
    const expected = builder.build(participants.size, 60);
    assert.deepEqual(read.statementIds, Array.from({ length: 60 }, (_, s) => String(100 + s)));
    assert.deepEqual(read.store, expected);
  } finally {
    await database.close();
  }
});

perDatabase('the database vote source takes a query, keeps declared statements first, and names bad rows', {}, async (kind) => {
  const database = await emptyDatabase(kind);
  try {
    const rows = sampleRows(3000);
    await createVotesTable(database.db, rows);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const db = database.db as unknown as Kysely<any>;
    const query = db
      .selectFrom('cast_votes')
      .where('what', '<', 130)
      // Values the query carries (a text with a quote and a backslash, a list) filter as written.
      .where('who', 'not in', ['p-1', "p-2' or 'x'='x\\"])
      .where('who', '!=', "p-3' or 'x'='x\\")
      .select(['who as participant', sql<string>`cast(what as text)`.as('statement'), 'value as vote', 'id as position']);
    const read = await readVotesFromDatabase(database.db, query, { statementIds: ['129', 'unvoted', '100'] });
    assert.deepEqual(read.statementIds.slice(0, 3), ['129', 'unvoted', '100']);
    assert.equal(read.store.statementCount, 31);
    assert.equal(read.rows, rows.filter((r) => r.what < 130 && r.who !== 'p-1').length);
    assert.equal(read.participantIds.length, 399);
    // Keys are any text: separators, quotes, tabs, line breaks and backslashes cross the database's text intact.
    const oddKey = 'p,\'"9\t\n\\N\\ ;';
    await sql`update cast_votes set who = ${oddKey} where who = 'p-9'`.execute(database.db);
    const odd = await readVotesFromDatabase(database.db, { table: 'cast_votes', participant: 'who', statement: 'what', vote: 'value', position: 'id' }, { pageSize: 100 });
    assert.ok(odd.participantIds.includes(oddKey));
    assert.equal(odd.participantIds.length, 400);
    const missing = db.selectFrom('cast_votes').select([sql<string>`case when id = 1234 then null else who end`.as('participant'), 'what as statement', 'value as vote', 'id as position']);
    await assert.rejects(readVotesFromDatabase(database.db, missing), /vote query: participant key must be a non-empty text or an integer, got null/);
    const timeless = db.selectFrom('cast_votes').select(['who as participant', 'what as statement', 'value as vote', sql<number>`case when id = 2999 then null else id end`.as('position')]);
    await assert.rejects(readVotesFromDatabase(database.db, timeless), /^InputError: vote query: a vote has no position \(null\)/);
    // A vote with no value is refused, not read as a pass.
    const noVote = db.selectFrom('cast_votes').select(['who as participant', 'what as statement', sql<number>`case when id = 77 then null else value end`.as('vote'), 'id as position']);
    await assert.rejects(readVotesFromDatabase(database.db, noVote), /^InputError: vote query: vote must be -1, 0 or 1, got "null" \(participant p-\d+, statement \d+, position 77\)$/);
    await sql`update cast_votes set value = 7 where id = 2005`.execute(database.db);
    await assert.rejects(
      readVotesFromDatabase(database.db, { table: 'cast_votes', participant: 'who', statement: 'what', vote: 'value', position: 'id' }),
      (error: Error) => error.message.startsWith('table cast_votes: vote must be -1, 0 or 1, got "7" (participant ') && error.message.includes('position 2005)'),
    );
  } finally {
    await database.close();
  }
});

perDatabase('a table holding one vote per participant and statement reads unordered into the same store as in time order', {}, async (kind) => {
  const database = await emptyDatabase(kind);
  try {
    // The latest vote of each pair only, as a consultation's votes table keeps them.
    const latest = new Map<string, Row>();
    for (const row of [...sampleRows(6000)].sort((a, b) => a.at - b.at)) latest.set(`${row.who}/${row.what}`, row);
    await createVotesTable(database.db, [...latest.values()]);
    const table = { table: 'cast_votes', participant: 'who', statement: 'what', vote: 'value', position: 'at' };
    const statementIds = Array.from({ length: 60 }, (_, s) => String(100 + s));
    const ordered = await readVotesFromDatabase(database.db, table, { statementIds });
    const unordered = await readVotesFromDatabase(database.db, table, { statementIds, unordered: true });
    assert.equal(unordered.rows, latest.size);
    assert.deepEqual(unordered.statementIds, ordered.statementIds);
    // Participants may be numbered in another order: compare each one's votes by their key.
    const votesOf = (read: typeof ordered) => new Map(read.participantIds.map((id, p) => {
      const { rowStart, statementOf, voteOf } = read.store;
      const cast: string[] = [];
      for (let i = rowStart[p]!; i < rowStart[p + 1]!; i++) cast.push(`${statementOf[i]}:${voteOf[i]}`);
      return [id, cast.sort().join(' ')];
    }));
    assert.deepEqual(votesOf(unordered), votesOf(ordered));
    // In several queries (runs of statements).
    const run = (from: number, to: number) => database.db.selectFrom('cast_votes').where('what', '>=', from).where('what', '<', to)
      .select(['who as participant', 'what as statement', 'value as vote', 'at as position']) as unknown as VoteQuery;
    const { value: inRuns, loopRan } = await whileEventLoopWatched(() =>
      readVotesFromDatabase(database.db, [run(100, 120), run(120, 140), run(140, 160)], { statementIds, unordered: true }));
    if (kind === 'sqlite') assert.equal(loopRan, true, 'the event loop runs between the queries');
    assert.deepEqual(inRuns.statementIds, ordered.statementIds);
    assert.deepEqual(votesOf(inRuns), votesOf(ordered));
    await assert.rejects(readVotesFromDatabase(database.db, [run(100, 120), run(120, 160)], { statementIds }), /no order between them/);
    await sql`update cast_votes set value = 5 where id = (select min(id) from cast_votes)`.execute(database.db);
    await assert.rejects(readVotesFromDatabase(database.db, table, { unordered: true }), /^InputError: table cast_votes: vote must be -1, 0 or 1, got "5"/);
  } finally {
    await database.close();
  }
});
