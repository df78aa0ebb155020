import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadPolisConversation, loadStakeholderGroups } from './polis.ts';
import { findVote, voteCountOf } from './engine/voteStore.ts';
import { polisConversationDir, polisDataDir } from './testing/polisData.ts';

test('the Polis fixtures are present (tests fail rather than skip without it)', () => {
  assert.ok(existsSync(polisDataDir()));
});

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
    writeFileSync(join(dir, 'votes.csv'), 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,1,1\n2,x,0,,1\n');
    assert.throws(() => loadPolisConversation(dir), /votes\.csv:3: empty voter-id/);
    writeFileSync(join(dir, 'votes.csv'), 'timestamp,datetime,comment,voter-id,vote\n1,x,0,1,1\n');
    assert.throws(() => loadPolisConversation(dir), /votes\.csv:1: missing column "comment-id" in the header/);
    writeFileSync(join(dir, 'votes.csv'), '');
    assert.throws(() => loadPolisConversation(dir), /votes\.csv:1: the file is empty/);
    writeFileSync(join(dir, 'votes.csv'), 'timestamp,datetime,comment-id,voter-id,vote\n1,"two\nlines",0,1,1\n2,x,0,2,"9"\n');
    assert.throws(() => loadPolisConversation(dir), /votes\.csv:4: vote must be -1, 0 or 1, got "9"/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a missing export names what was expected', () => {
  const dir = mkdtempSync(join(tmpdir(), 'polis-'));
  try {
    assert.throws(() => loadPolisConversation(join(dir, 'nope')), (error: Error) => error.message.startsWith(`${join(dir, 'nope')}: no such file or folder; expected a Polis export: votes.csv (`));
    assert.throws(() => loadPolisConversation(dir), (error: Error) => error.message.startsWith(`${join(dir, 'votes.csv')}: not found (nor participants-votes.csv beside it); expected`));
    assert.throws(() => loadStakeholderGroups(join(dir, 'groups.csv'), []), /groups\.csv: not found; expected a CSV file with the header participant,group/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a votes file can be given directly, comments.csv beside it', () => {
  const dir = polisConversationDir('brexit-consensus');
  const fromFolder = loadPolisConversation(dir);
  const fromFile = loadPolisConversation(join(dir, 'votes.csv'));
  assert.deepEqual(fromFile.statementIds, fromFolder.statementIds);
  assert.deepEqual(fromFile.store, fromFolder.store);
  assert.equal(fromFile.statementTexts[0], fromFolder.statementTexts[0]);
});
