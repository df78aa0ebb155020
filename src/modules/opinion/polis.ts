/**
 * Reads a conversation in Polis's open-data format (github.com/compdemocracy/openData):
 * `votes.csv` when present, else the matrix in `participants-votes.csv`; texts from
 * `comments.csv`, leaving out comments moderated out (moderated = -1).
 *
 * Votes are streamed from the file straight into the vote store's typed arrays: no string,
 * object or array is made per vote, so a 55 MB export loads in well under a second and in
 * a few tens of megabytes.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CsvError, parseCsvTable, type CsvTable } from '../../platform/csv.ts';
import { VoteStoreBuilder, type Vote, type VoteStore } from './engine/voteStore.ts';
import { readCsvStream, type CsvRecordView } from './source/csvStream.ts';
import { IdIndex, stableOrder } from './source/idIndex.ts';
import { InputError } from './source/inputError.ts';

export interface Conversation {
  /** Participant ids as in the input, by participant index. */
  participantIds: string[];
  /** Statement (comment) ids as in the input, by statement index. */
  statementIds: string[];
  statementTexts: string[];
  store: VoteStore;
  /** The file the votes were read from. */
  votesFile: string;
  /** Comments moderated out, and so left out of the analysis. */
  moderatedOut: number;
}

interface CommentInfo {
  text: string;
  moderatedOut: boolean;
}

const VOTES_COLUMNS = ['comment-id', 'voter-id', 'vote'] as const;
const EXPECTED = 'a Polis export: votes.csv (timestamp,datetime,comment-id,voter-id,vote) or participants-votes.csv, with comments.csv';

/**
 * Loads a conversation from a Polis export folder, or from a votes file given directly (its
 * comments.csv beside it). Throws InputError or CsvError, naming the file (and line).
 */
export function loadPolisConversation(path: string): Conversation {
  const { votesPath, matrixPath, commentsPath } = locateFiles(path);
  const comments = readComments(commentsPath);
  if (votesPath) return fromVotesFile(votesPath, comments);
  return fromMatrixFile(matrixPath!, comments);
}

function locateFiles(path: string): { votesPath?: string; matrixPath?: string; commentsPath: string } {
  if (!existsSync(path)) throw new InputError(path, null, `no such file or folder; expected ${EXPECTED}`);
  if (statSync(path).isFile()) {
    const commentsPath = join(dirname(path), 'comments.csv');
    return basename(path) === 'participants-votes.csv' ? { matrixPath: path, commentsPath } : { votesPath: path, commentsPath };
  }
  const votesPath = join(path, 'votes.csv');
  const matrixPath = join(path, 'participants-votes.csv');
  const commentsPath = join(path, 'comments.csv');
  if (existsSync(votesPath)) return { votesPath, commentsPath };
  if (existsSync(matrixPath)) return { matrixPath, commentsPath };
  throw new InputError(votesPath, null, `not found (nor participants-votes.csv beside it); expected ${EXPECTED}`);
}

function readTable(path: string, required: readonly string[]): CsvTable {
  return parseCsvTable(readFileSync(path, 'utf8'), path, required);
}

/** comments.csv is optional (statements then have no text); moderated must be -1, 0 or 1. */
function readComments(path: string): Map<string, CommentInfo> {
  const comments = new Map<string, CommentInfo>();
  if (!existsSync(path)) return comments;
  const table = readTable(path, ['comment-id', 'comment-body']);
  const id = table.column('comment-id');
  const body = table.column('comment-body');
  const moderated = table.column('moderated');
  for (const r of table.records) {
    const key = r.fields[id].trim();
    if (key === '') throw new CsvError(path, r.line, 'empty comment-id');
    const state = moderated >= 0 ? r.fields[moderated].trim() : '';
    if (state !== '' && !['-1', '0', '1'].includes(state)) throw new CsvError(path, r.line, `moderated must be -1, 0 or 1, got "${state}"`);
    comments.set(key, { text: r.fields[body], moderatedOut: state === '-1' });
  }
  return comments;
}

/** A vote field: 1, -1 or 0 (also 1.0, -1.0, 0.0, -0 as some exports write them). */
function readVote(record: CsvRecordView, field: number): Vote {
  const value = record.integer(field);
  if (value === 1 || value === -1 || value === 0) return value;
  const text = record.text(field).trim();
  if (text === '1.0') return 1;
  if (text === '-1.0') return -1;
  if (text === '0.0' || text === '-0' || text === '-0.0') return 0;
  throw record.error(`vote must be -1, 0 or 1, got "${text}"`);
}

/**
 * Statements are numbered while streaming in order of first appearance; this keeps which of
 * them were moderated out and, at the end, renumbers the kept ones in a stable order.
 */
class StatementTable {
  readonly index = new IdIndex();
  private moderated = new Uint8Array(256);

  constructor(private readonly comments: Map<string, CommentInfo>) {}

  /** Index of the statement in the field, or -1 when it was moderated out. */
  ofField(record: CsvRecordView, field: number): number {
    const before = this.index.size;
    const s = this.index.ofField(record, field);
    if (s === null) throw record.error('empty comment-id');
    if (s === before) this.noteNew(s);
    return this.moderated[s] ? -1 : s;
  }

  of(id: string): number {
    const before = this.index.size;
    const s = this.index.of(id);
    if (s === before) this.noteNew(s);
    return this.moderated[s] ? -1 : s;
  }

  private noteNew(s: number): void {
    if (s >= this.moderated.length) {
      const bigger = new Uint8Array(this.moderated.length * 2);
      bigger.set(this.moderated);
      this.moderated = bigger;
    }
    this.moderated[s] = this.comments.get(this.index.ids[s])?.moderatedOut ? 1 : 0;
  }

  /** Adds kept comments nobody voted on, then numbers the kept statements in stable order. */
  finish(): { ids: string[]; renumber: Int32Array } {
    for (const [id, info] of this.comments) if (!info.moderatedOut) this.of(id);
    const keptIndices = this.index.ids.flatMap((_, s) => (this.moderated[s] ? [] : [s]));
    const rank = stableOrder(keptIndices.map((s) => this.index.ids[s]));
    const renumber = new Int32Array(this.index.size).fill(-1);
    const ids = new Array<string>(keptIndices.length);
    keptIndices.forEach((s, k) => {
      renumber[s] = rank[k];
      ids[rank[k]] = this.index.ids[s];
    });
    return { ids, renumber };
  }
}

function finish(participants: IdIndex, statements: StatementTable, builder: VoteStoreBuilder, comments: Map<string, CommentInfo>, votesFile: string): Conversation {
  const { ids, renumber } = statements.finish();
  builder.renumberStatements(renumber);
  return {
    participantIds: participants.ids,
    statementIds: ids,
    statementTexts: ids.map((id) => comments.get(id)?.text ?? ''),
    store: builder.build(participants.size, ids.length),
    votesFile,
    moderatedOut: [...comments.values()].filter((c) => c.moderatedOut).length,
  };
}

function requireColumns(file: string, header: string[], line: number, required: readonly string[]): void {
  for (const name of required) {
    if (!header.includes(name)) throw new CsvError(file, line, `missing column "${name}" in the header (found: ${header.join(', ')})`);
  }
}

/** About how many bytes one row of votes.csv takes: sizes the store's buffers up front. */
const BYTES_PER_VOTE_ROW = 40;

/** votes.csv: one row per vote in time order; a later vote replaces an earlier one. */
function fromVotesFile(path: string, comments: Map<string, CommentInfo>): Conversation {
  const participants = new IdIndex();
  const statements = new StatementTable(comments);
  const builder = new VoteStoreBuilder(statSync(path).size / BYTES_PER_VOTE_ROW);
  let width = 0;
  let comment = -1;
  let voter = -1;
  let vote = -1;
  readCsvStream(
    path,
    (header, line) => {
      requireColumns(path, header, line, VOTES_COLUMNS);
      width = header.length;
      [comment, voter, vote] = VOTES_COLUMNS.map((name) => header.indexOf(name));
    },
    (record) => {
      if (record.count !== width) throw record.error(`expected ${width} fields, found ${record.count}`);
      const s = statements.ofField(record, comment);
      const p = participants.ofField(record, voter);
      if (p === null) throw record.error('empty voter-id');
      const value = readVote(record, vote);
      if (s >= 0) builder.add(p, s, value);
    },
  );
  return finish(participants, statements, builder, comments, path);
}

/** participants-votes.csv: fixed columns up to n-disagree, then one column per comment id (empty: no vote). */
function fromMatrixFile(path: string, comments: Map<string, CommentInfo>): Conversation {
  const participants = new IdIndex();
  const statements = new StatementTable(comments);
  const builder = new VoteStoreBuilder(statSync(path).size / 3);
  let width = 0;
  let participantColumn = -1;
  let first = 0;
  let columns = new Int32Array(0);
  readCsvStream(
    path,
    (header, line) => {
      requireColumns(path, header, line, ['participant']);
      width = header.length;
      participantColumn = header.indexOf('participant');
      first = header.indexOf('n-disagree') + 1 || 6;
      columns = Int32Array.from(header.slice(first), (id) => statements.of(id));
    },
    (record) => {
      if (record.count !== width) throw record.error(`expected ${width} fields, found ${record.count}`);
      const p = participants.ofField(record, participantColumn);
      if (p === null) throw record.error('empty participant id');
      for (let c = 0; c < columns.length; c++) {
        if (record.isEmpty(first + c)) continue;
        const value = readVote(record, first + c);
        if (columns[c] >= 0) builder.add(p, columns[c], value);
      }
    },
  );
  return finish(participants, statements, builder, comments, path);
}

export interface StakeholderGroupsFile {
  /** Stakeholder group of each participant index, -1 when not listed. */
  groupOf: Int32Array;
  labels: string[];
  /** Participants listed in the file who cast no vote (reported, not an error). */
  unknownParticipants: number;
}

/**
 * Reads `participant,group` (a header row, then one row per participant) and maps the
 * conversation's participants to stakeholder group indices (-1 when not listed).
 */
export function loadStakeholderGroups(path: string, participantIds: readonly string[]): StakeholderGroupsFile {
  if (!existsSync(path)) throw new InputError(path, null, 'not found; expected a CSV file with the header participant,group and one row per participant');
  const table = readTable(path, ['participant', 'group']);
  const participant = table.column('participant');
  const group = table.column('group');
  const indexOf = new Map(participantIds.map((id, i) => [id, i] as const));
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const groupOf = new Int32Array(participantIds.length).fill(-1);
  const seen = new Set<string>();
  let unknownParticipants = 0;
  for (const r of table.records) {
    const id = r.fields[participant].trim();
    const label = r.fields[group].trim();
    if (id === '' || label === '') throw new CsvError(path, r.line, 'participant and group must not be empty');
    if (seen.has(id)) throw new CsvError(path, r.line, `participant "${id}" is listed twice`);
    seen.add(id);
    const p = indexOf.get(id);
    if (p === undefined) unknownParticipants++;
    else {
      if (!labelIndex.has(label)) labelIndex.set(label, labels.push(label) - 1);
      groupOf[p] = labelIndex.get(label)!;
    }
  }
  return { groupOf, labels, unknownParticipants };
}
