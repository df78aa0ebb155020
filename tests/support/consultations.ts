import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import { verifiedPerson } from './factories.ts';
import { organiser } from './events.ts';

export const declaration = `# Preâmbulo

Nós, participantes do Fórum da Internet no Brasil, reconhecemos a Internet como um bem comum.

# Acesso

Pedimos metas públicas de conectividade nas zonas rurais.

Apoiamos as redes comunitárias como complemento dos operadores.
`;

/** The fields of a consultation opened on the test clock's day (2026-11-23): comments and amendments both open. */
export const consultationFields = (extra: Record<string, string | string[]> = {}) => ({
  title: 'Declaração do Fórum', slug: 'declaracao-forum', text_kind: 'declaration', language: 'pt', languages: ['pt', 'es'],
  comments_from: '2026-11-20', amendments_from: '2026-11-23', positions_from: '2026-12-01', consensus_from: '2026-12-08', closes_on: '2026-12-15',
  chairs: 'chair@example.org', drafters: 'drafter@example.org', moderators: '', markdown: declaration, ...extra,
});

/** A coordinator's initiative with a chair and a drafter, and the consultation's draft of version 1. */
export async function openedConsultation(t: TestApp) {
  const { coordinator, initiative } = await organiser(t);
  const chair = await verifiedPerson(t, { email: 'chair@example.org', name: 'Clara Chair', group: 'government' });
  const drafter = await verifiedPerson(t, { email: 'drafter@example.org', name: 'Davi Redator', group: 'technical_community' });
  const opened = await coordinator.post(`/initiatives/${initiative}/consultations`, consultationFields());
  assert.equal(opened.status, 303, opened.html.slice(0, 2000));
  return { coordinator, initiative, chair, drafter, slug: 'declaracao-forum' };
}

