/**
 * The demo consultation's opinion map (docs/decisions/039): six statements its chair put up, one
 * waiting for its moderator, votes from the demo consultation's people and from forty participants as a
 * Polis import would bring them (numbers, no accounts), in two camps that agree on access and
 * differ on regulation, and the map drawn from them. Seeding twice adds nothing.
 */
import type { SeedOptions } from '../../../platform/module.ts';
import { newId, timestamp } from '../../../platform/db/index.ts';
import { consultationsDb } from '../tables.ts';
import { recomputeOpinionMap } from './analysis.ts';
import { opinionDb } from './tables.ts';
import { recountVotes } from './tallies.ts';

const statements = [
  'Toda escuela rural debería tener conexión a Internet antes de 2028.',
  'Las redes comunitarias necesitan espectro reservado para ellas.',
  'Las empresas de telecomunicaciones deberían publicar cada año sus mapas de cobertura.',
  'El Estado debería regular los precios del acceso a Internet.',
  'La privacidad de los datos importa tanto como la conectividad.',
  'Los compromisos del foro deberían revisarse en público cada año.',
];
const waiting = 'El foro debería transmitir todas sus sesiones con subtítulos.';
const groups = ['civil_society', 'government', 'technical_community', 'private_sector', 'academia'] as const;

/** A deterministic vote: both camps agree on 0, 4 and 5; they split on 1, 2 and 3; some pass or skip. */
function voteOf(person: number, statement: number): number | null {
  const camp = person % 2 === 0 ? 1 : -1;
  const spin = (person * 7 + statement * 3) % 11;
  if (spin === 0) return null;
  if (spin === 1) return 0;
  if ([0, 4, 5].includes(statement)) return spin === 2 ? -1 : 1;
  return statement === 3 ? camp : statement === 1 ? camp : -camp;
}

export async function seedDemoOpinion({ db, now }: SeedOptions, slug: string): Promise<string | null> {
  const consultation = await consultationsDb(db).selectFrom('consultations').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!consultation) return null;
  const store = opinionDb(db);
  if (await store.selectFrom('consultation_opinion_statements').select('id').where('consultation_id', '=', consultation.id).executeTakeFirst()) return null;
  const people = await consultationsDb(db).selectFrom('consultation_people').select(['user_id', 'role']).where('consultation_id', '=', consultation.id).execute();
  const chair = people.find((p) => p.role === 'chair')?.user_id ?? null;
  const accounts = [...new Set(people.map((p) => p.user_id))];
  const stamp = timestamp(new Date(now.getTime() - 5 * 86_400_000));
  await store.transaction().execute(async (tx) => {
    const s = opinionDb(tx);
    const participantIds: string[] = [];
    const participants = Array.from({ length: accounts.length + 40 }, (_, n) => {
      const id = newId();
      participantIds.push(id);
      const account = accounts[n] ?? null;
      return { id, consultation_id: consultation.id, number: n, user_id: account, stakeholder_group: groups[n % groups.length]!, imported: account ? 0 : 1, created_at: stamp, votes: 0 };
    });
    await s.insertInto('consultation_opinion_participants').values(participants).execute();
    const statementIds = statements.map(() => newId());
    await s.insertInto('consultation_opinion_statements').values([
      ...statements.map((text, n) => ({ id: statementIds[n]!, consultation_id: consultation.id, number: n, text, status: 'approved', author_participant_id: participantIds[0]!, created_at: stamp, moderated_by: chair, moderated_at: stamp })),
      { id: newId(), consultation_id: consultation.id, number: statements.length, text: waiting, status: 'pending', author_participant_id: participantIds[1]!, created_at: stamp, moderated_by: null, moderated_at: null },
    ]).execute();
    const votes = participants.flatMap((participant, p) => statementIds.flatMap((_, n) => {
      const vote = voteOf(p, n);
      return vote === null ? [] : [{ consultation_id: consultation.id, statement_number: n, participant_number: participant.number, vote, voted_at: stamp }];
    }));
    for (let i = 0; i < votes.length; i += 100) await s.insertInto('consultation_opinion_votes').values(votes.slice(i, i + 100)).execute();
    await recountVotes(tx, consultation.id);
  });
  await recomputeOpinionMap(db, consultation.id, now);
  return `Added the demo consultation’s opinion map: ${statements.length} statements and ${accounts.length + 40} participants’ votes`;
}
