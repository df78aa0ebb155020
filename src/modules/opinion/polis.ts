/**
 * Reads a conversation in Polis's open-data format (github.com/compdemocracy/openData):
 * `votes.csv` when present, else the matrix in `participants-votes.csv`; texts from
 * `comments.csv`, leaving out comments moderated out (moderated = -1).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvError, parseCsvTable, type CsvTable } from '../../platform/csv.ts';
import { VoteStoreBuilder, type Vote, type VoteStore } from './engine/voteStore.ts';

export interface Conversation {
  /** Participant ids as in the input, by participant index. */
  participantIds: string[];
  /** Statement (comment) ids as in the input, by statement index. */
  statementIds: string[];
  statementTexts: string[];
  store: VoteStore;
  /** The file the votes were read from. */
  votesFile: string;
  /** Comments moderated out (left out of the analysis), for Polis-compatible projections. */
  moderatedOut: number;
}

interface CommentInfo {
  text: string;
  moderatedOut: boolean;
}

/** Loads `dir`; throws CsvError (file and line) on malformed input. */
export function loadPolisConversation(dir: string): Conversation {
  const comments = readComments(join(dir, 'comments.csv'));
  const votesPath = join(dir, 'votes.csv');
  const matrixPath = join(dir, 'participants-votes.csv');
  if (existsSync(votesPath)) return fromVotesFile(votesPath, comments);
  if (existsSync(matrixPath)) return fromMatrixFile(matrixPath, comments);
  throw new CsvError(votesPath, 0, 'neither votes.csv nor participants-votes.csv exists');
}

function readTable(path: string, required: readonly string[]): CsvTable {
  return parseCsvTable(readFileSync(path, 'utf8'), path, required);
}

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

/** Assigns dense indices to ids in order of first appearance. */
class Index {
  readonly ids: string[] = [];
  private readonly byId = new Map<string, number>();
  of(id: string): number {
    let i = this.byId.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(id);
      this.byId.set(id, i);
    }
    return i;
  }
}

function parseVote(raw: string, file: string, line: number): Vote {
  const value = raw.trim();
  if (value === '1' || value === '1.0') return 1;
  if (value === '-1' || value === '-1.0') return -1;
  if (value === '0' || value === '0.0' || value === '-0') return 0;
  throw new CsvError(file, line, `vote must be -1, 0 or 1, got "${raw}"`);
}

/** Statements are numbered in numeric id order when ids are numbers, so output is stable. */
function statementIndex(ids: Iterable<string>): Index {
  const list = [...new Set(ids)];
  const numeric = list.every((id) => /^-?\d+$/.test(id));
  list.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Index();
  for (const id of list) index.of(id);
  return index;
}

function finish(participants: Index, statements: Index, builder: VoteStoreBuilder, comments: Map<string, CommentInfo>, votesFile: string): Conversation {
  return {
    participantIds: participants.ids,
    statementIds: statements.ids,
    statementTexts: statements.ids.map((id) => comments.get(id)?.text ?? ''),
    store: builder.build(participants.ids.length, statements.ids.length),
    votesFile,
    moderatedOut: [...comments.values()].filter((c) => c.moderatedOut).length,
  };
}

/** votes.csv: one row per vote in time order; a later vote replaces an earlier one. */
function fromVotesFile(path: string, comments: Map<string, CommentInfo>): Conversation {
  const table = readTable(path, ['comment-id', 'voter-id', 'vote']);
  const comment = table.column('comment-id');
  const voter = table.column('voter-id');
  const vote = table.column('vote');
  const kept = (id: string): boolean => !(comments.get(id)?.moderatedOut ?? false);
  const statementIds: string[] = [];
  for (const r of table.records) {
    const id = r.fields[comment].trim();
    if (id === '') throw new CsvError(path, r.line, 'empty comment-id');
    if (r.fields[voter].trim() === '') throw new CsvError(path, r.line, 'empty voter-id');
    if (kept(id)) statementIds.push(id);
  }
  for (const [id, info] of comments) if (!info.moderatedOut) statementIds.push(id);
  const statements = statementIndex(statementIds);
  const participants = new Index();
  const builder = new VoteStoreBuilder();
  for (const r of table.records) {
    const id = r.fields[comment].trim();
    const value = parseVote(r.fields[vote], path, r.line);
    const participant = participants.of(r.fields[voter].trim());
    if (kept(id)) builder.add(participant, statements.of(id), value);
  }
  return finish(participants, statements, builder, comments, path);
}

/** participants-votes.csv: six fixed columns, then one column per comment id (empty: no vote). */
function fromMatrixFile(path: string, comments: Map<string, CommentInfo>): Conversation {
  const table = readTable(path, ['participant']);
  const first = table.header.indexOf('n-disagree') + 1 || 6;
  const participantColumn = table.column('participant');
  const commentIds = table.header.slice(first);
  const statements = statementIndex([
    ...commentIds.filter((id) => !(comments.get(id)?.moderatedOut ?? false)),
    ...[...comments].filter(([, info]) => !info.moderatedOut).map(([id]) => id),
  ]);
  const columns = commentIds.map((id) => (comments.get(id)?.moderatedOut ? -1 : statements.of(id)));
  const participants = new Index();
  const builder = new VoteStoreBuilder();
  for (const r of table.records) {
    const pid = r.fields[participantColumn].trim();
    if (pid === '') throw new CsvError(path, r.line, 'empty participant id');
    const participant = participants.of(pid);
    for (let c = 0; c < columns.length; c++) {
      const raw = r.fields[first + c];
      if (raw.trim() === '') continue;
      const value = parseVote(raw, path, r.line);
      if (columns[c] >= 0) builder.add(participant, columns[c], value);
    }
  }
  return finish(participants, statements, builder, comments, path);
}

/**
 * Reads `participant,group` (a header row, then one row per participant) and maps the
 * conversation's participants to stakeholder group indices (-1 when not listed).
 */
export function loadStakeholderGroups(path: string, participantIds: readonly string[]): { groupOf: Int32Array; labels: string[] } {
  const table = readTable(path, ['participant', 'group']);
  const participant = table.column('participant');
  const group = table.column('group');
  const indexOf = new Map(participantIds.map((id, i) => [id, i] as const));
  const labels = new Index();
  const groupOf = new Int32Array(participantIds.length).fill(-1);
  const seen = new Set<string>();
  for (const r of table.records) {
    const id = r.fields[participant].trim();
    const label = r.fields[group].trim();
    if (id === '' || label === '') throw new CsvError(path, r.line, 'participant and group must not be empty');
    if (seen.has(id)) throw new CsvError(path, r.line, `participant "${id}" is listed twice`);
    seen.add(id);
    const p = indexOf.get(id);
    if (p !== undefined) groupOf[p] = labels.of(label);
  }
  return { groupOf, labels: labels.ids };
}
