/**
 * Writes a synthetic conversation as a Polis export (votes.csv in time order, comments.csv)
 * plus a stakeholder groups file with six declared groups of realistic, uneven sizes, for the
 * benchmark to run the real command on. Files are cached in the system's temp folder.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom, randomInt } from '../src/modules/opinion/engine/random.ts';
import { syntheticConversation, type SyntheticConversation, type SyntheticSpec } from '../src/modules/opinion/testing/synthetic.ts';

/** 45 % civil society, 20 % technical community, 15 % academia, 12 % private sector, 5 % government, 3 % intergovernmental. */
export const STAKEHOLDER_SHARES: [string, number][] = [
  ['civil_society', 0.45],
  ['technical_community', 0.2],
  ['academia', 0.15],
  ['private_sector', 0.12],
  ['government', 0.05],
  ['intergovernmental', 0.03],
];

export function conversationSpec(participants: number, statements: number, votes: number): SyntheticSpec {
  return { participants, statements, votes, groups: 3, bridgingStatements: 20, seed: 2025 };
}

/** Stakeholder group of each participant, drawn with the shares above. */
export function stakeholderGroups(participants: number, seed: number): Int32Array {
  const random = createRandom(seed);
  return Int32Array.from({ length: participants }, () => {
    let draw = random();
    for (let g = 0; g < STAKEHOLDER_SHARES.length; g++) if ((draw -= STAKEHOLDER_SHARES[g][1]) < 0) return g;
    return STAKEHOLDER_SHARES.length - 1;
  });
}

/** Buffered writes: the files are hundreds of MB. */
class Output {
  private chunks: string[] = [];
  private size = 0;
  private readonly fd: number;
  constructor(private readonly file: string) {
    this.fd = openSync(`${file}.part`, 'w');
  }
  write(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size > 1 << 22) this.flush();
  }
  private flush(): void {
    writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(`${this.file}.part`, this.file);
  }
}

/** Every vote once, in a shuffled "time" order, as Polis's votes.csv (datetime left empty, as in large exports). */
function writeVotes(conversation: SyntheticConversation, file: string): void {
  const { store } = conversation;
  const total = store.rowStart[store.participantCount];
  const order = Int32Array.from({ length: total }, (_, i) => i);
  const random = createRandom(99);
  for (let i = total - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const participantOf = new Int32Array(total);
  for (let p = 0; p < store.participantCount; p++) participantOf.fill(p, store.rowStart[p], store.rowStart[p + 1]);
  const out = new Output(file);
  out.write('timestamp,datetime,comment-id,voter-id,vote\n');
  const start = 1_600_000_000_000;
  for (let k = 0; k < total; k++) {
    const i = order[k];
    out.write(`${start + k * 37},,${store.statementOf[i]},${participantOf[i]},${store.voteOf[i]}\n`);
  }
  out.close();
}

function writeComments(statements: number, file: string): void {
  const out = new Output(file);
  out.write('timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n');
  for (let s = 0; s < statements; s++) out.write(`${1_600_000_000_000 + s},,${s},0,0,0,1,"Synthetic statement ${s}, for the benchmark"\n`);
  out.close();
}

function writeGroups(groups: Int32Array, file: string): void {
  const out = new Output(file);
  out.write('participant,group\n');
  groups.forEach((g, p) => out.write(`${p},${STAKEHOLDER_SHARES[g][0]}\n`));
  out.close();
}

/** The folder holding the case's files, written on first use. */
export function benchConversationDir(name: string, participants: number, statements: number, votes: number): string {
  const dir = join(tmpdir(), 'cabildo-opinion-bench', `${name}-${participants}x${statements}x${votes}-v1`);
  if (existsSync(join(dir, 'groups.csv'))) return dir;
  mkdirSync(dir, { recursive: true });
  const conversation = syntheticConversation(conversationSpec(participants, statements, votes));
  writeComments(statements, join(dir, 'comments.csv'));
  writeVotes(conversation, join(dir, 'votes.csv'));
  writeGroups(stakeholderGroups(participants, 7), join(dir, 'groups.csv'));
  return dir;
}
