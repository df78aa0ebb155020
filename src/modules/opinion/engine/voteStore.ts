/**
 * The sparse vote store: every participant's votes as one compressed row.
 *
 * Opinion data is very sparse (Polis's largest conversation has 33k participants and 783
 * statements but only 2 M of the 26 M possible votes), so the store keeps only the votes
 * cast, in three typed arrays that can be handed to a worker thread without copying.
 * A missing vote is absent from the row; it is never stored as a pass.
 */

/** A vote as stored: agree 1, disagree -1, pass 0. */
export type Vote = -1 | 0 | 1;
export const AGREE = 1;
export const DISAGREE = -1;
export const PASS = 0;
/** Returned by {@link findVote} when the participant has not voted on the statement. */
export const NO_VOTE = -128;

/** Compressed sparse rows: the votes of participant `p` are the entries `rowStart[p]` to `rowStart[p + 1] - 1`. */
export interface VoteStore {
  readonly participantCount: number;
  readonly statementCount: number;
  /** Length participantCount + 1; offsets into statementOf/voteOf. */
  readonly rowStart: Int32Array;
  /** Statement index of each vote; ascending within a row, no repeats. */
  readonly statementOf: Int32Array;
  /** The vote value of each entry (-1, 0 or 1). */
  readonly voteOf: Int8Array;
}

/** Number of votes a store holds. */
export function voteCountOf(store: VoteStore): number {
  return store.rowStart[store.participantCount];
}

/** Number of votes participant `p` cast. */
export function votesOfParticipant(store: VoteStore, p: number): number {
  return store.rowStart[p + 1] - store.rowStart[p];
}

/** The vote of participant `p` on statement `s`, or {@link NO_VOTE}; binary search in the row. */
export function findVote(store: VoteStore, p: number, s: number): number {
  if (p >= store.participantCount) return NO_VOTE;
  let lo = store.rowStart[p];
  let hi = store.rowStart[p + 1] - 1;
  const statements = store.statementOf;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const found = statements[mid];
    if (found === s) return store.voteOf[mid];
    if (found < s) lo = mid + 1;
    else hi = mid - 1;
  }
  return NO_VOTE;
}

/**
 * Wraps typed arrays as a store after checking the invariants the engine relies on
 * (monotone offsets, statements ascending and in range, votes in {-1, 0, 1}).
 */
export function createVoteStore(
  participantCount: number,
  statementCount: number,
  rowStart: Int32Array,
  statementOf: Int32Array,
  voteOf: Int8Array,
): VoteStore {
  if (rowStart.length !== participantCount + 1 || rowStart[0] !== 0) {
    throw new RangeError('rowStart must have participantCount + 1 offsets starting at 0');
  }
  const total = rowStart[participantCount];
  if (statementOf.length < total || voteOf.length < total) throw new RangeError('vote arrays shorter than rowStart says');
  for (let p = 0; p < participantCount; p++) {
    const start = rowStart[p];
    const end = rowStart[p + 1];
    if (end < start) throw new RangeError(`rowStart decreases at participant ${p}`);
    let previous = -1;
    for (let i = start; i < end; i++) {
      const s = statementOf[i];
      if (s <= previous || s >= statementCount) throw new RangeError(`participant ${p}: statements must ascend within 0..${statementCount - 1}`);
      const v = voteOf[i];
      if (v !== 1 && v !== -1 && v !== 0) throw new RangeError(`participant ${p}: vote ${v} is not -1, 0 or 1`);
      previous = s;
    }
  }
  return { participantCount, statementCount, rowStart, statementOf, voteOf };
}

/**
 * Collects votes in arrival order and compresses them into a {@link VoteStore}.
 * When a participant votes twice on a statement the later vote wins, as in Polis.
 */
export class VoteStoreBuilder {
  private participants: Int32Array;
  private statements: Int32Array;
  private votes: Int8Array;
  private length = 0;
  private maxParticipant = -1;
  private maxStatement = -1;

  /** `expectedVotes` sizes the buffers up front (a file's size says roughly how many votes it holds). */
  constructor(expectedVotes = 1024) {
    const capacity = Math.max(16, Math.ceil(expectedVotes));
    this.participants = new Int32Array(capacity);
    this.statements = new Int32Array(capacity);
    this.votes = new Int8Array(capacity);
  }

  /** Records a vote; indices are dense integers assigned by the caller. */
  add(participant: number, statement: number, vote: Vote): void {
    if (!Number.isInteger(participant) || participant < 0) throw new RangeError(`bad participant index ${participant}`);
    if (!Number.isInteger(statement) || statement < 0) throw new RangeError(`bad statement index ${statement}`);
    if (vote !== 1 && vote !== -1 && vote !== 0) throw new RangeError(`vote must be -1, 0 or 1, got ${String(vote)}`);
    if (this.length === this.votes.length) this.grow();
    this.participants[this.length] = participant;
    this.statements[this.length] = statement;
    this.votes[this.length] = vote;
    this.length++;
    if (participant > this.maxParticipant) this.maxParticipant = participant;
    if (statement > this.maxStatement) this.maxStatement = statement;
  }

  get size(): number {
    return this.length;
  }

  /**
   * Renumbers statements: statement s becomes `map[s]`. Lets a reader number statements in
   * order of first appearance while streaming and in their final order afterwards.
   */
  renumberStatements(map: Int32Array): void {
    let max = -1;
    for (let i = 0; i < this.length; i++) {
      const s = map[this.statements[i]];
      if (!(s >= 0)) throw new RangeError(`statement ${this.statements[i]} has no new number`);
      this.statements[i] = s;
      if (s > max) max = s;
    }
    this.maxStatement = max;
  }

  private grow(): void {
    // Grow by half rather than double: the copy is transient but the slack stays until build().
    const capacity = Math.ceil(this.votes.length * 1.5);
    const participants = new Int32Array(capacity);
    participants.set(this.participants);
    const statements = new Int32Array(capacity);
    statements.set(this.statements);
    const votes = new Int8Array(capacity);
    votes.set(this.votes);
    this.participants = participants;
    this.statements = statements;
    this.votes = votes;
  }

  /**
   * Builds the compressed rows. Counts default to one past the largest index seen, so
   * participants or statements without votes can still be declared.
   */
  build(participantCount = this.maxParticipant + 1, statementCount = this.maxStatement + 1): VoteStore {
    if (participantCount <= this.maxParticipant || statementCount <= this.maxStatement) {
      throw new RangeError('declared counts are smaller than the indices recorded');
    }
    // One counting-sort pass scatters (statement, vote), packed into one integer, into each
    // participant's row in arrival order: the votes are read in order, only the writes jump.
    // Then each row is read backwards keeping the first (= latest) vote per statement, and
    // sorted by statement with a native typed-array sort.
    const rowStart = new Int32Array(participantCount + 1);
    for (let i = 0; i < this.length; i++) rowStart[this.participants[i] + 1]++;
    for (let p = 0; p < participantCount; p++) rowStart[p + 1] += rowStart[p];
    const cursor = rowStart.slice(0, participantCount);
    const arrived = new Int32Array(this.length);
    for (let i = 0; i < this.length; i++) arrived[cursor[this.participants[i]]++] = this.statements[i] * 4 + (this.votes[i] + 1);
    const finalStart = new Int32Array(participantCount + 1);
    const packed = new Int32Array(this.length);
    const stampOf = new Int32Array(statementCount);
    let written = 0;
    for (let p = 0; p < participantCount; p++) {
      finalStart[p] = written;
      const first = written;
      for (let i = rowStart[p + 1] - 1; i >= rowStart[p]; i--) {
        const s = arrived[i] >> 2;
        if (stampOf[s] === p + 1) continue;
        stampOf[s] = p + 1;
        packed[written++] = arrived[i];
      }
      if (written - first > 1) packed.subarray(first, written).sort();
    }
    finalStart[participantCount] = written;
    const statementOf = new Int32Array(written);
    const voteOf = new Int8Array(written);
    for (let i = 0; i < written; i++) {
      statementOf[i] = packed[i] >> 2;
      voteOf[i] = (packed[i] & 3) - 1;
    }
    return {
      participantCount,
      statementCount,
      rowStart: finalStart,
      statementOf,
      voteOf,
    };
  }
}
