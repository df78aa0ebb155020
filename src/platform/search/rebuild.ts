import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { liveTables, type IndexTables } from './documents.ts';
import { postgresIndex } from './postgres.ts';
import { toIndexRow, type SearchSource } from './index.ts';

/**
 * A rebuild on PostgreSQL (docs/decisions/012-search.md, "Parallel rebuild on PostgreSQL"): each
 * document costs about a millisecond of a server core (to_tsvector, folding, GIN insertion), so
 * one connection cannot index 2,000 a second. The documents are written into shadow tables without
 * indexes, from several connections at once; the indexes are then built in bulk (cheaper per row
 * than a GIN index's pending list swept as it fills, and not in the writers' way; the vectors' index
 * is in two halves, built side by side, as PostgreSQL 15 builds a GIN index on one core), and the shadow
 * tables take the live ones' place in one short transaction: searches see the old index or the new
 * one, never half.
 *
 * No command's change is lost: `indexRecords` takes `indexKey` in shared mode; the rebuild takes it
 * exclusively for two short moments, to note where the documents' id sequence stands (every
 * document written after that has a higher id) and what the index holds, and to swap. In the swap
 * it copies into the shadow tables every document written since (and drops those removed since),
 * so a command that indexed a record while the rebuild ran keeps its change.
 */

/** Taken in shared mode by every command that indexes (`indexRecords`), exclusively by a rebuild's two short steps. */
export const indexKey = 'search.index';

/** One rebuild at a time (two servers starting on an empty index): a session lock on the rebuild's own connection. */
const rebuildKey = 'search.rebuild';

const shadow: IndexTables = { documents: 'search_documents_rebuild', texts: 'search_texts_rebuild', facets: 'search_facets_rebuild' };

/** The index's keys when the rebuild started: what was removed since is what is no longer there. */
const keysAtStart = 'search_rebuild_keys';

const tablePairs = (Object.keys(liveTables) as Array<keyof IndexTables>).map((k) => ({ live: liveTables[k], shadow: shadow[k] }));

/**
 * Memory for building an index in bulk (a GIN index sorts its entries in it), for the building
 * transaction only: the two halves of the GIN index are built side by side, 256 MB in all.
 */
const buildMemoryKb = 131_072;

export interface RebuildWork {
  source: SearchSource;
  ids: readonly string[];
}

interface Progress {
  tick(count: number): void;
}

/** An index or constraint of a live table, and how to make it on the shadow table under a name of its own until the swap. */
interface Structure {
  name: string;
  temporary: string;
  create: string;
  /** A constraint (renamed with `alter table … rename constraint`) rather than a bare index. */
  constraint: boolean;
  /** A GIN index: its pending list is flushed after the swap. */
  gin: boolean;
  /** The live table it belongs to. */
  table: string;
}

/** A name under 64 bytes for a structure of the shadow tables. */
const temporaryName = (name: string) => `${name.slice(0, 50)}_rebuild`;

/**
 * The live tables' indexes and constraints, as the migrations made them, so that the shadow tables
 * get the same ones, named as the migrations named them once swapped (a later migration may refer
 * to them by name).
 */
async function structuresOf(db: Db): Promise<Structure[]> {
  const structures: Structure[] = [];
  for (const { live, shadow: into } of tablePairs) {
    // Every constraint but NOT NULL, which the shadow tables' columns already carry.
    const { rows: constraints } = await sql<{ name: string; definition: string }>`
      select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
      where conrelid = ${live}::regclass and contype in ('p', 'u', 'c', 'f', 'x')`.execute(db);
    for (const c of constraints) {
      structures.push({
        name: c.name, temporary: temporaryName(c.name), constraint: true, gin: false, table: live,
        create: `alter table ${quote(into)} add constraint ${quote(temporaryName(c.name))} ${c.definition}`,
      });
    }
    const { rows: indexes } = await sql<{ name: string; definition: string; gin: boolean }>`
      select i.relname as name, pg_get_indexdef(i.oid) as definition, am.amname = 'gin' as gin
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_am am on am.oid = i.relam
      where x.indrelid = ${live}::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`.execute(db);
    for (const index of indexes) {
      // "CREATE [UNIQUE] INDEX name ON [schema.]table USING …": the name and the table replaced, the rest as defined.
      const using = index.definition.slice(index.definition.indexOf(' USING '));
      const unique = /^CREATE UNIQUE/.test(index.definition) ? 'unique ' : '';
      structures.push({
        name: index.name, temporary: temporaryName(index.name), constraint: false, gin: index.gin, table: live,
        create: `create ${unique}index ${quote(temporaryName(index.name))} on ${quote(into)}${using}`,
      });
    }
  }
  // The GIN indexes first (the two halves of the vectors' index): the longest to build, side by side.
  return structures.sort((a, b) => Number(b.gin) - Number(a.gin));
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The identity sequence of search_documents.id (its name, to give the new one after the swap). */
async function idSequence(db: Db): Promise<string> {
  const { rows } = await sql<{ sequence: string }>`select pg_get_serial_sequence('search_documents', 'id') as sequence`.execute(db);
  return rows[0]!.sequence;
}

async function dropShadow(db: Db): Promise<void> {
  await sql.raw(`drop table if exists ${[...Object.values(shadow), keysAtStart].map(quote).join(', ')}`).execute(db);
}

/**
 * Shadow tables with the live ones' columns (defaults, storage, compression, statistics targets)
 * and nothing else: no index to maintain while they fill. Their ids come from the live sequence,
 * so that they never meet the ids of documents written meanwhile, which the swap copies over.
 */
async function createShadow(db: Db, sequence: string): Promise<void> {
  await dropShadow(db);
  for (const { live, shadow: into } of tablePairs) {
    await sql.raw(`create table ${quote(into)} (like ${quote(live)} including defaults including storage including compression)`).execute(db);
    const { rows } = await sql<{ column: string; target: number }>`
      select attname as column, attstattarget as target from pg_attribute
      where attrelid = ${live}::regclass and attnum > 0 and not attisdropped and attstattarget >= 0`.execute(db);
    for (const r of rows) await sql.raw(`alter table ${quote(into)} alter column ${quote(r.column)} set statistics ${Number(r.target)}`).execute(db);
  }
  await sql.raw(`alter table ${quote(shadow.documents)} alter column id set default nextval('${sequence.replaceAll("'", "''")}'::regclass)`).execute(db);
}

/**
 * The start, while no command indexes: the id every later document will exceed, the keys the index
 * holds, and the documents of kinds not rebuilt (copied as they are).
 */
async function markStart(db: Db, kinds: readonly string[], sequence: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${indexKey}))`.execute(tx);
    const { rows } = await sql<{ mark: string }>`select nextval(${sequence}::regclass) as mark`.execute(tx);
    await sql.raw(`create unlogged table ${keysAtStart} as select kind, record_id from search_documents`).execute(tx);
    const others = sql`select id from search_documents where kind <> all(${kinds}::text[])`;
    await sql`insert into ${sql.table(shadow.documents)} select * from search_documents where id in (${others})`.execute(tx);
    await sql`insert into ${sql.table(shadow.texts)} select * from search_texts where document_id in (${others})`.execute(tx);
    await sql`insert into ${sql.table(shadow.facets)} select * from search_facets where document_id in (${others})`.execute(tx);
    return Number(rows[0]!.mark);
  });
}

/** Records read and written at a time by each writer (about 20 parameters a document). */
const batchSize = 400;

/**
 * The documents written into the shadow tables by `writers` connections at once, each batch in a
 * transaction of its own (read and written together); commits need not wait for the disk, since a
 * failed rebuild throws its shadow tables away and the swap's commit makes everything durable.
 */
async function fill(db: Db, work: readonly RebuildWork[], writers: number, progress?: Progress): Promise<number> {
  const batches = work.flatMap(({ source, ids }) => {
    const list: Array<{ source: SearchSource; ids: readonly string[] }> = [];
    for (let i = 0; i < ids.length; i += batchSize) list.push({ source, ids: ids.slice(i, i + batchSize) });
    return list;
  });
  let next = 0;
  let indexed = 0;
  let failed = false;
  const writer = async () => {
    while (!failed && next < batches.length) {
      const batch = batches[next++]!;
      await db.transaction().execute(async (tx) => {
        await sql`select set_config('synchronous_commit', 'off', true)`.execute(tx);
        const documents = await batch.source.documents(tx, batch.ids);
        await postgresIndex.write(tx, documents.map((d) => toIndexRow(batch.source, d)), shadow);
        indexed += documents.length;
      });
      progress?.tick(batch.ids.length);
    }
  };
  // Every writer stopped before a failure is reported, so that dropping the shadow tables waits for none.
  const outcomes = await Promise.allSettled(Array.from({ length: Math.max(1, writers) }, () => writer().catch((error) => {
    failed = true;
    throw error;
  })));
  const failure = outcomes.find((o) => o.status === 'rejected');
  if (failure) throw failure.reason;
  return indexed;
}

/** The indexes and constraints built on the filled shadow tables, `writers` at a time, each with memory to sort in. */
async function buildStructures(db: Db, structures: readonly Structure[], writers: number): Promise<void> {
  let next = 0;
  let failed = false;
  const builder = async () => {
    while (!failed && next < structures.length) {
      const structure = structures[next++]!;
      await db.transaction().execute(async (tx) => {
        await sql`select set_config('maintenance_work_mem', ${String(buildMemoryKb)}, true)`.execute(tx);
        await sql.raw(structure.create).execute(tx);
      });
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: Math.max(1, writers) }, () => builder().catch((error) => {
    failed = true;
    throw error;
  })));
  const failure = outcomes.find((o) => o.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * The swap, while no command indexes: the documents written or removed since the start are brought
 * into the shadow tables as the live ones hold them, then the shadow tables, their indexes,
 * constraints and id sequence take the live ones' names.
 */
async function swap(db: Db, mark: number, structures: readonly Structure[], sequence: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${indexKey}))`.execute(tx);
    const changed = sql`
      select kind, record_id from search_documents where id >= ${mark}
      union select k.kind, k.record_id from ${sql.table(keysAtStart)} k
        where not exists (select 1 from search_documents d where d.kind = k.kind and d.record_id = k.record_id)`;
    const stale = sql`select id from ${sql.table(shadow.documents)} where (kind, record_id) in (${changed})`;
    await sql`delete from ${sql.table(shadow.facets)} where document_id in (${stale})`.execute(tx);
    await sql`delete from ${sql.table(shadow.texts)} where document_id in (${stale})`.execute(tx);
    await sql`delete from ${sql.table(shadow.documents)} where id in (${stale})`.execute(tx);
    const written = sql`select id from search_documents where id >= ${mark}`;
    await sql`insert into ${sql.table(shadow.documents)} select * from search_documents where id >= ${mark}`.execute(tx);
    await sql`insert into ${sql.table(shadow.texts)} select * from search_texts where document_id in (${written})`.execute(tx);
    await sql`insert into ${sql.table(shadow.facets)} select * from search_facets where document_id in (${written})`.execute(tx);
    const { rows } = await sql<{ next: string }>`select nextval(${sequence}::regclass) as next`.execute(tx);
    await sql`alter table ${sql.table(shadow.documents)} alter column id drop default`.execute(tx);
    await sql.raw(`drop table ${tablePairs.map((p) => quote(p.live)).join(', ')}, ${keysAtStart}`).execute(tx);
    for (const { live, shadow: from } of tablePairs) await sql.raw(`alter table ${quote(from)} rename to ${quote(live)}`).execute(tx);
    for (const s of structures) {
      await sql.raw(s.constraint
        ? `alter table ${quote(s.table)} rename constraint ${quote(s.temporary)} to ${quote(s.name)}`
        : `alter index ${quote(s.temporary)} rename to ${quote(s.name)}`).execute(tx);
    }
    await sql.raw(`alter table search_documents alter column id add generated by default as identity (start with ${Number(rows[0]!.next)})`).execute(tx);
    // The new identity's sequence is named after the shadow table: it takes the old one's name.
    const renamed = await idSequence(tx);
    if (renamed !== sequence) await sql.raw(`alter sequence ${renamed} rename to ${quote(sequence.slice(sequence.lastIndexOf('.') + 1).replaceAll('"', ''))}`).execute(tx);
    // The documents copied in the swap wait in the GIN indexes' pending lists, which every query scans.
    for (const s of structures.filter((s) => s.gin)) await sql`select gin_clean_pending_list(${s.name}::regclass)`.execute(tx);
  });
}

/**
 * Rebuilds these sources' documents on PostgreSQL from `writers` connections (see above). A
 * failure leaves the live index as it was and drops the shadow tables.
 */
export async function rebuildInParallel(db: Db, work: readonly RebuildWork[], writers: number, progress?: Progress): Promise<number> {
  return db.connection().execute(async (own) => {
    await sql`select pg_advisory_lock(hashtext(${rebuildKey}))`.execute(own);
    try {
      const sequence = await idSequence(own);
      const structures = await structuresOf(own);
      await createShadow(own, sequence);
      try {
        const mark = await markStart(own, work.map((w) => w.source.kind), sequence);
        const indexed = await fill(db, work, writers, progress);
        await buildStructures(db, structures, writers);
        // Fresh tables have no statistics: without them the planner guesses, until autovacuum comes.
        await sql.raw(`analyze ${Object.values(shadow).map(quote).join(', ')}`).execute(own);
        await swap(own, mark, structures, sequence);
        return indexed;
      } catch (error) {
        await dropShadow(own);
        throw error;
      }
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${rebuildKey}))`.execute(own);
    }
  });
}
