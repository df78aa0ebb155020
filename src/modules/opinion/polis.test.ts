import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadPolisConversation, loadStakeholderGroups } from './polis.ts';
import { parseCsvTable } from '../../platform/csv.ts';
import { analyseOpinions } from './engine/analyse.ts';
import { findVote, voteCountOf } from './engine/voteStore.ts';
import { adjustedRandIndex } from './testing/ari.ts';
import { polisConversationDir, polisDataDir } from './testing/polisData.ts';

test('the Polis fixtures are present (tests fail rather than skip without it)', () => {
  assert.ok(existsSync(polisDataDir()));
});

/** Our groups vs the group-id Polis published, over participants both clustered. */
function agreementWithPolis(name: string, seed: number): { ari: number; compared: number } {
  const dir = polisConversationDir(name);
  const conversation = loadPolisConversation(dir);
  const analysis = analyseOpinions(conversation.store, { seed, polisModeratedOut: conversation.moderatedOut });
  const table = parseCsvTable(readFileSync(join(dir, 'participants-votes.csv'), 'utf8'), 'participants-votes.csv');
  const groupColumn = table.column('group-id');
  const indexOf = new Map(conversation.participantIds.map((id, i) => [id, i] as const));
  const ours: number[] = [];
  const theirs: number[] = [];
  for (const record of table.records) {
    const published = record.fields[groupColumn];
    const p = indexOf.get(record.fields[table.column('participant')]);
    if (published === '' || p === undefined || analysis.groupOf[p] < 0) continue;
    ours.push(analysis.groupOf[p]);
    theirs.push(Number(published));
  }
  return { ari: adjustedRandIndex(ours, theirs), compared: ours.length };
}

for (const name of ['15-per-hour-seattle', 'scoop-hivemind.taxes']) {
  test(`opinion groups agree with the groups Polis published for ${name} (ARI ≥ 0.75, seeds 1–5)`, () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { ari, compared } = agreementWithPolis(name, seed);
      assert.ok(compared > 100, `compared ${compared}`);
      assert.ok(ari >= 0.75, `seed ${seed}: ARI ${ari.toFixed(3)}`);
    }
  });
}

test('votes.csv and the participants-votes matrix give the same conversation', () => {
  const dir = polisConversationDir('15-per-hour-seattle');
  const fromVotes = loadPolisConversation(dir);
  const copy = mkdtempSync(join(tmpdir(), 'polis-'));
  try {
    writeFileSync(join(copy, 'comments.csv'), readFileSync(join(dir, 'comments.csv')));
    writeFileSync(join(copy, 'participants-votes.csv'), readFileSync(join(dir, 'participants-votes.csv')));
    const fromMatrix = loadPolisConversation(copy);
    assert.deepEqual(fromMatrix.statementIds, fromVotes.statementIds);
    assert.equal(fromVotes.moderatedOut, 23);
    assert.equal(fromVotes.statementIds.length, 31, 'moderated-out comments are left out');
    // The export's matrix was taken at a different time than votes.csv; most votes agree.
    let same = 0;
    let total = 0;
    fromMatrix.participantIds.forEach((id, p) => {
      const q = fromVotes.participantIds.indexOf(id);
      for (let s = 0; s < fromMatrix.store.statementCount; s++) {
        const v = findVote(fromMatrix.store, p, s);
        if (v === -128) continue;
        total++;
        if (q >= 0 && findVote(fromVotes.store, q, s) === v) same++;
      }
    });
    assert.ok(same / total > 0.95, `${same}/${total}`);
    assert.ok(voteCountOf(fromVotes.store) > 2000);
  } finally {
    rmSync(copy, { recursive: true });
  }
});

test('malformed files stop with the file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'polis-'));
  try {
    writeFileSync(join(dir, 'comments.csv'), 'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,0,1,0,0,1,"a, quoted\nbody"\n');
    writeFileSync(join(dir, 'votes.csv'), 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,1,1\n2,x,0,2,7\n');
    assert.throws(() => loadPolisConversation(dir), (error: Error) => /votes\.csv:3: vote must be -1, 0 or 1/.test(error.message));
    writeFileSync(join(dir, 'votes.csv'), 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,1,1\n2,x,0\n');
    assert.throws(() => loadPolisConversation(dir), /votes\.csv:3: expected 5 fields, found 3/);
    writeFileSync(join(dir, 'votes.csv'), 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,1,1\n2,x,0,2,-1\n');
    const conversation = loadPolisConversation(dir);
    assert.equal(conversation.statementTexts[0], 'a, quoted\nbody');
    writeFileSync(join(dir, 'groups.csv'), 'participant,group\n1,government\n2,civil_society\n1,academia\n');
    assert.throws(() => loadStakeholderGroups(join(dir, 'groups.csv'), conversation.participantIds), /groups\.csv:4: participant "1" is listed twice/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
