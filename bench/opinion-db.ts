/**
 * The database vote source on 2 M votes: `prepare DIR` loads the benchmark conversation's
 * votes.csv into a SQLite file and a PostgreSQL table (database opinion_bench on
 * BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432); `read sqlite|postgres`
 * streams them into the vote store and prints the time it took.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import SqliteDatabase from 'better-sqlite3';
import { openDatabase } from '../src/platform/db/index.ts';
import { readVotesFromDatabase } from '../src/modules/opinion/source/databaseVotes.ts';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const PG_URL = `${SERVER.replace(/\/+$/, '')}/opinion_bench`;
const SQLITE_FILE = join(tmpdir(), 'cabildo-opinion-bench', 'votes.sqlite');
const TABLE = { table: 'bench_votes', participant: 'participant_id', statement: 'statement_id', vote: 'vote', position: 'id' };

/** Columns of votes.csv as integer arrays (the benchmark's ids are integers). */
function readVotes(dir: string): { participant: Int32Array; statement: Int32Array; vote: Int32Array } {
  const lines = readFileSync(join(dir, 'votes.csv'), 'utf8').split('\n').slice(1).filter(Boolean);
  const participant = new Int32Array(lines.length);
  const statement = new Int32Array(lines.length);
  const vote = new Int32Array(lines.length);
  lines.forEach((line, i) => {
    const f = line.split(',');
    statement[i] = Number(f[2]);
    participant[i] = Number(f[3]);
    vote[i] = Number(f[4]);
  });
  return { participant, statement, vote };
}

function prepareSqlite(votes: ReturnType<typeof readVotes>): void {
  rmSync(SQLITE_FILE, { force: true });
  const db = new SqliteDatabase(SQLITE_FILE);
  db.exec('create table bench_votes (id integer primary key, participant_id integer not null, statement_id integer not null, vote integer not null)');
  const insert = db.prepare('insert into bench_votes values (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < votes.vote.length; i++) insert.run(i + 1, votes.participant[i], votes.statement[i], votes.vote[i]);
  })();
  db.close();
}

async function preparePostgres(votes: ReturnType<typeof readVotes>): Promise<void> {
  const admin = new pg.Client({ connectionString: `${SERVER.replace(/\/+$/, '')}/postgres` });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = 'opinion_bench'");
  if (exists.rowCount === 0) await admin.query('create database opinion_bench');
  await admin.end();
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query('drop table if exists bench_votes');
  await client.query('create table bench_votes (id integer primary key, participant_id integer not null, statement_id integer not null, vote smallint not null)');
  const batch = 200_000;
  for (let start = 0; start < votes.vote.length; start += batch) {
    const end = Math.min(start + batch, votes.vote.length);
    const ids = Array.from({ length: end - start }, (_, i) => start + i + 1);
    await client.query('insert into bench_votes select * from unnest($1::int[], $2::int[], $3::int[], $4::smallint[])', [
      ids,
      Array.from(votes.participant.subarray(start, end)),
      Array.from(votes.statement.subarray(start, end)),
      Array.from(votes.vote.subarray(start, end)),
    ]);
  }
  await client.query('analyze bench_votes');
  await client.end();
}

async function read(kind: string): Promise<void> {
  const database = kind === 'sqlite' ? openDatabase({ sqliteFile: SQLITE_FILE }) : openDatabase({ url: PG_URL });
  try {
    const started = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const votes = await readVotesFromDatabase(database.db as any, TABLE);
    const readMs = performance.now() - started;
    process.stdout.write(JSON.stringify({ votes: votes.rows, stored: votes.store.rowStart[votes.store.participantCount], read_ms: Math.round(readMs) }) + '\n');
  } finally {
    await database.close();
  }
}

const [mode, arg] = process.argv.slice(2);
if (mode === 'prepare') {
  const votes = readVotes(arg);
  if (!existsSync(SQLITE_FILE)) prepareSqlite(votes);
  await preparePostgres(votes);
} else if (mode === 'read') {
  await read(arg);
} else {
  process.stderr.write('usage: opinion-db.ts prepare DIR | read sqlite|postgres\n');
  process.exitCode = 2;
}
