/**
 * Votes from PostgreSQL in one ordered pass: `COPY (select … order by position) TO STDOUT`,
 * streamed (pg-copy-streams) and parsed here from bytes, tab-separated text, integers read from
 * their digits. pg's row path makes a string per field and an array per row; COPY sends 2 M
 * votes in about the time pg takes to make its row arrays, and nothing per row is made here
 * unless a key is text (docs/decisions/005). The stream keeps one socket chunk in memory.
 */
import { OperationNodeTransformer, PrimitiveValueListNode, ValueListNode, ValueNode, type Kysely, type KyselyPlugin } from 'kysely';
import { to as copyTo } from 'pg-copy-streams';
import { postgresPoolOf } from '../../../platform/db/index.ts';
import { Field, NULL, TEXT, type VoteSink } from './voteRows.ts';
import type { VoteQuery } from './databaseVotes.ts';
import { BACKSLASH, CAPITAL_N, LF, MINUS, NINE, TAB, ZERO } from './bytes.ts';

/**
 * COPY takes no parameters, so the query's values are written into its text as quoted literals.
 * PostgreSQL types a quoted literal from its context exactly as it types pg's parameters (sent
 * as untyped text), so the query means the same. Kysely doubles the quotes inside; backslashes
 * are plain characters under standard_conforming_strings, on by default since PostgreSQL 9.1.
 */
class InlineValues extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return node.immediate ? node : ValueNode.createImmediate(literal(node.value));
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    // `in (…)` lists of plain values become lists of literals.
    return ValueListNode.create(node.values.map((value) => ValueNode.createImmediate(literal(value)))) as unknown as PrimitiveValueListNode;
  }
}

function literal(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  throw new Error(`a vote query read with COPY cannot take a ${typeof value} parameter (${String(value)}); write it into the query`);
}

const inlineValues: KyselyPlugin = {
  transformQuery: (args) => new InlineValues().transformNode(args.node),
  transformResult: async (args) => args.result,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readPostgresVotes(db: Kysely<any>, votes: VoteQuery, sink: VoteSink, unordered = false): Promise<void> {
  let select = db.selectFrom(votes.as('v')).select(['v.participant', 'v.statement', 'v.vote', 'v.position']);
  if (!unordered) select = select.orderBy('v.position');
  const query = select.withPlugin(inlineValues).compile();
  if (query.parameters.length > 0) throw new Error(`a vote query read with COPY kept ${query.parameters.length} parameter(s) the plugin could not write in`);
  const client = await postgresPoolOf(db).connect();
  let done = false;
  try {
    const rows = new CopyRows(sink);
    for await (const chunk of client.query(copyTo(`copy (${query.sql}) to stdout`)) as AsyncIterable<Buffer>) rows.push(chunk);
    rows.end();
    done = true;
  } finally {
    // A client left in the middle of a COPY (a bad row, a failed query) is closed, not reused.
    client.release(!done);
  }
}

/** Rows of COPY's text format: fields split by tabs, rows ended by a line feed, `\N` a null. */
class CopyRows {
  /** The start of a row the last chunk cut (rare: pg-copy-streams hands over whole messages, one a row). */
  private carry: Buffer | null = null;
  private readonly participant = new Field();
  private readonly statement = new Field();
  private readonly vote = new Field();

  constructor(private readonly sink: VoteSink) {}

  push(chunk: Buffer): void {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const whole = bytes.lastIndexOf(LF) + 1;
    for (let i = 0; i < whole; ) i = this.row(bytes, i);
    this.carry = whole < bytes.length ? Buffer.from(bytes.subarray(whole)) : null;
  }

  end(): void {
    if (this.carry) throw new Error('the COPY stream ended inside a row');
  }

  /** Adds the row at `i` (known to end with a line feed); returns where the next one starts. */
  private row(bytes: Buffer, i: number): number {
    i = readField(bytes, i, this.participant);
    i = readField(bytes, i, this.statement);
    i = readField(bytes, i, this.vote);
    let end = i;
    while (bytes[end] !== LF) end++; // the position, decoded only to name a bad row
    if (end - i === 2 && bytes[i] === BACKSLASH && bytes[i + 1] === CAPITAL_N) throw this.sink.noPosition();
    if (!this.sink.add(this.participant, this.statement, this.vote)) throw this.sink.voteError(this.vote.raw(), unescape(bytes.toString('utf8', i, end)));
    return end + 1;
  }
}

/** Reads the field at `start` into `field`; returns where the next one starts. */
function readField(bytes: Buffer, start: number, field: Field): number {
  let i = start;
  const negative = bytes[i] === MINUS;
  if (negative) i++;
  const first = i;
  let value = 0;
  let digits = true;
  for (let c = bytes[i]; c !== TAB && c !== LF; c = bytes[++i]) {
    if (c >= ZERO && c <= NINE) value = value * 10 + (c - ZERO);
    else digits = false;
  }
  const length = i - first;
  if (digits && length >= 1 && length <= 15 && (length === 1 || bytes[first] !== ZERO)) field.setInt(negative ? -value : value);
  else if (i - start === 2 && bytes[start] === BACKSLASH && bytes[start + 1] === CAPITAL_N) field.kind = NULL;
  // Anything else is text, a longer integer included (it keeps every digit).
  else field.setText(TEXT, unescape(bytes.toString('utf8', start, i)));
  return i + 1;
}

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** Undoes COPY's backslash escapes (COPY TO writes only these and `\\`). */
function unescape(text: string): string {
  return text.includes('\\') ? text.replace(/\\(.)/gs, (_, c: string) => ESCAPES[c] ?? c) : text;
}
