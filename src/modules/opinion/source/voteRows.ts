/**
 * Vote rows as the database readers decode them from the database's own text (SQLite's
 * `quote()` pages, PostgreSQL's COPY stream): each field lands in a reusable `Field`, integers
 * read from their digits, so that two million rows make no object and no string per key or vote
 * unless a key is text. `VoteSink` turns rows into store indices and names bad rows.
 */
import { VoteStoreBuilder, type Vote } from '../engine/voteStore.ts';
import { IdIndex } from './idIndex.ts';
import { InputError } from './inputError.ts';

/** A canonical integer of at most 15 digits, in `int`. */
export const INT = 0;
/** Any other text, in `text` (a longer integer stays text, so it keeps every digit). */
export const TEXT = 1;
export const NULL = 2;
/** A value neither integer nor text (a SQLite real or blob), as the database wrote it, in `text`. */
export const OTHER = 3;

export class Field {
  kind = NULL;
  int = 0;
  text = '';

  setInt(value: number): void {
    this.kind = INT;
    this.int = value;
  }

  setText(kind: typeof TEXT | typeof OTHER, text: string): void {
    this.kind = kind;
    this.text = text;
  }

  /** As the database wrote it ("null" for a null). */
  raw(): string {
    return this.kind === INT ? String(this.int) : this.kind === NULL ? 'null' : this.text;
  }

  /** As a key's error message shows it: a text quoted, anything else as written. */
  shown(): string {
    return this.kind === TEXT ? JSON.stringify(this.text) : this.raw();
  }
}

/** Collects rows, in time order, into dense participant and statement indices and a store builder. */
export class VoteSink {
  readonly participants = new IdIndex();
  readonly statements = new IdIndex();
  readonly builder: VoteStoreBuilder;
  rows = 0;
  private lastParticipant = -1;
  private lastStatement = -1;

  constructor(
    /** Names the source in messages: "table T" or "vote query". */
    readonly where: string,
    expectedRows: number,
  ) {
    this.builder = new VoteStoreBuilder(expectedRows);
  }

  /**
   * Adds one row. A bad key throws; a bad vote returns false, so that the reader can find the
   * row's position (it may have to ask the database) and throw `voteError`.
   */
  add(participant: Field, statement: Field, vote: Field): boolean {
    const p = this.key(this.participants, participant, 'participant');
    const s = this.key(this.statements, statement, 'statement');
    this.lastParticipant = p;
    this.lastStatement = s;
    const value = vote.kind === INT ? vote.int : vote.kind !== NULL && vote.text.trim() !== '' ? Number(vote.text) : NaN;
    if (value !== 1 && value !== -1 && value !== 0) return false;
    this.builder.add(p, s, value as Vote);
    this.rows++;
    return true;
  }

  /** The error for the row `add` refused last: its vote as written, its position as text. */
  voteError(got: string, position: string): InputError {
    const participant = this.participants.ids[this.lastParticipant];
    const statement = this.statements.ids[this.lastStatement];
    return new InputError(this.where, null, `vote must be -1, 0 or 1, got "${got}" (participant ${participant}, statement ${statement}, position ${position})`);
  }

  /** The error for a row without a position: its place in time is unknown. */
  noPosition(): InputError {
    return new InputError(this.where, null, 'a vote has no position (null): every row needs one to be put in time order');
  }

  private key(index: IdIndex, field: Field, what: string): number {
    if (field.kind === INT) return index.ofNumber(field.int);
    if (field.kind === TEXT && field.text.trim() !== '') return index.of(field.text);
    throw new InputError(this.where, null, `${what} key must be a non-empty text or an integer, got ${field.shown()}`);
  }
}
