/**
 * A Polis conversation continued here (docs/decisions/039): one transaction creates the
 * consultation (a draft of version 1, as `consultation import` does) and its statements,
 * participants and votes. Participants keep their Polis `voter-id` and need no account: they
 * are rows of the consultation's participants, not people of the platform, so a conversation
 * with 30,000 anonymous voters adds 30,000 small rows and no accounts nobody can sign in to.
 */
import { newId, timestamp, type Db } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { stakeholderKeys } from '../../../platform/stakeholders.ts';
import type { Conversation } from '../../opinion/index.ts';
import { insertConsultation, type NewConsultation } from '../commands.ts';
import { opinionDb, type OpinionVotesTable } from './tables.ts';
import { recountVotes } from './tallies.ts';

/** Rows per insert: five columns each, well under either database's limit of parameters. */
const batch = 1_000;

export interface PolisImport {
  consultation: NewConsultation;
  conversation: Conversation;
  /** Each participant index's stakeholder group (one of the platform's keys), or null. */
  groupOf?: Array<string | null>;
}

const wholeNumber = /^(0|[1-9]\d{0,8})$/;

/** The first id that is not a whole number, which Polis's own ids always are. */
export function badPolisId(conversation: Conversation): string | undefined {
  return [...conversation.participantIds, ...conversation.statementIds].find((id) => !wholeNumber.test(id));
}

/** Groups named in a Polis groups file must be the platform's stakeholder keys. */
export function unknownGroup(labels: readonly string[]): string | undefined {
  return labels.find((label) => !(stakeholderKeys as readonly string[]).includes(label));
}

export async function importPolisConversation(db: Db, now: Date, input: PolisImport): Promise<Result<{ slug: string; participants: number; statements: number; votes: number }>> {
  const { conversation } = input;
  const bad = badPolisId(conversation);
  if (bad !== undefined) return refuse('consultations.opinion.cli.bad_ids', { values: { file: conversation.votesFile, id: bad } });
  return opinionDb(db).transaction().execute(async (tx) => {
    const opened = await insertConsultation(tx, { user: null }, now, input.consultation, []);
    if (!opened.ok) return opened;
    const consultationId = opened.value.id;
    const stamp = timestamp(now);
    const store = opinionDb(tx);
    const statementIds = conversation.statementIds.map(() => newId());
    const statementNumbers = conversation.statementIds.map(Number);
    const participantNumbers = conversation.participantIds.map(Number);
    for (let s = 0; s < statementIds.length; s += batch) {
      await store.insertInto('consultation_opinion_statements').values(statementIds.slice(s, s + batch).map((id, k) => ({
        id, consultation_id: consultationId, number: Number(conversation.statementIds[s + k]), text: conversation.statementTexts[s + k] || `#${conversation.statementIds[s + k]}`,
        status: 'approved', author_participant_id: null, created_at: stamp, moderated_by: null, moderated_at: stamp,
      }))).execute();
    }
    const participantIds = conversation.participantIds.map(() => newId());
    for (let p = 0; p < participantIds.length; p += batch) {
      await store.insertInto('consultation_opinion_participants').values(participantIds.slice(p, p + batch).map((id, k) => ({
        id, consultation_id: consultationId, number: Number(conversation.participantIds[p + k]), user_id: null, stakeholder_group: input.groupOf?.[p + k] ?? null, imported: 1, created_at: stamp, votes: 0,
      }))).execute();
    }
    const { rowStart, statementOf, voteOf } = conversation.store;
    let rows: OpinionVotesTable[] = [];
    let votes = 0;
    for (let p = 0; p < conversation.store.participantCount; p++) {
      for (let i = rowStart[p]!; i < rowStart[p + 1]!; i++) {
        rows.push({ consultation_id: consultationId, statement_number: statementNumbers[statementOf[i]!]!, participant_number: participantNumbers[p]!, vote: voteOf[i]!, voted_at: stamp });
        if (rows.length === batch) {
          await store.insertInto('consultation_opinion_votes').values(rows).execute();
          votes += rows.length;
          rows = [];
        }
      }
    }
    if (rows.length) await store.insertInto('consultation_opinion_votes').values(rows).execute();
    votes += rows.length;
    await recountVotes(tx, consultationId);
    await audit(tx, { user: null }, now, { action: 'consultation.polis_imported', subjectType: 'consultation', subjectId: consultationId, details: { statements: statementIds.length, participants: participantIds.length, votes } });
    return ok({ slug: opened.value.slug, participants: participantIds.length, statements: statementIds.length, votes });
  });
}
