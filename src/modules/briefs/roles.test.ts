import assert from 'node:assert/strict';
import { eachApp } from '../../../tests/support/app.ts';
import { insertPerson, loggedIn, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { outcomes, walkRoles, type RouteCase } from '../../../tests/support/roleWalk.ts';
import { briefsModule } from './module.ts';
import { gridItems } from './grid.ts';

const roles = ['anonymous', 'unverified', 'outsider', 'author', 'coauthor', 'reviewer', 'secretariat'] as const;
type Role = (typeof roles)[number];
const { everyone, signedIn, only } = outcomes(roles);
/** A brief never published: its authors and the secretariat see it; to the others it does not exist. */
const draftOnly = (allowed: Partial<Record<Role, number>>) => ({ ...everyone(404), ...allowed });

/**
 * Every route of the module and what each role gets. `draft` was never published; `published` has
 * version 1 and no change since. `author` started both, `coauthor` was added to both, `reviewer` was
 * asked to review both; `thread` is a comment on the draft. Writes carry empty bodies, so an allowed
 * role gets a validation answer or a refusal of the step.
 */
const cases: Array<RouteCase<Role>> = [
  { method: 'GET', path: '/briefs', expect: everyone(200) },
  { method: 'GET', path: '/briefs/schema.json', expect: everyone(200) },
  { method: 'GET', path: '/my/briefs', expect: signedIn(200) },
  { method: 'GET', path: '/briefs/new', expect: { ...signedIn(200), unverified: 403 } },
  { method: 'POST', path: '/briefs/new', body: 'form', expect: { ...signedIn(422), unverified: 403 } },
  { method: 'GET', path: '/briefs/:draft', expect: draftOnly({ author: 200, coauthor: 200, reviewer: 200, secretariat: 200 }) },
  { method: 'GET', path: '/briefs/:published', expect: everyone(200) },
  { method: 'GET', path: '/briefs/:draft/edit', expect: draftOnly({ author: 200, coauthor: 200, reviewer: 403, secretariat: 403 }) },
  { method: 'GET', path: '/briefs/:published/edit', expect: only({ author: 200, coauthor: 200 }) },
  { method: 'POST', path: '/briefs/:draft/edit', body: 'form', expect: draftOnly({ author: 422, coauthor: 422, reviewer: 403, secretariat: 403 }) },
  // Publishing a draft without its ratings is refused; a published brief with no change has nothing to publish.
  { method: 'POST', path: '/briefs/:draft/publish', body: 'form', expect: draftOnly({ author: 422, coauthor: 422, reviewer: 403, secretariat: 403 }) },
  { method: 'POST', path: '/briefs/:published/publish', body: 'form', expect: only({ author: 409, coauthor: 409 }) },
  { method: 'GET', path: '/briefs/:draft/publish', expect: everyone(303) },
  // Co-authors are invited by the one who started the brief.
  { method: 'POST', path: '/briefs/:draft/authors', body: 'form', expect: draftOnly({ author: 422, coauthor: 403, reviewer: 403, secretariat: 403 }) },
  { method: 'GET', path: '/briefs/:draft/authors', expect: everyone(303) },
  // Authors and the reviewers they asked discuss the working copy; the secretariat reads it but does not take part.
  { method: 'POST', path: '/briefs/:draft/comments', body: 'form', expect: draftOnly({ author: 422, coauthor: 422, reviewer: 422, secretariat: 403 }) },
  { method: 'POST', path: '/briefs/:published/comments', body: 'form', expect: only({ author: 422, coauthor: 422, reviewer: 422 }) },
  { method: 'GET', path: '/briefs/:draft/comments', expect: everyone(303) },
  { method: 'POST', path: '/briefs/:draft/comments/:thread/replies', body: 'form', expect: draftOnly({ author: 422, coauthor: 422, reviewer: 422, secretariat: 403 }) },
  { method: 'POST', path: '/briefs/:published/comments/:thread/replies', body: 'form', expect: everyone(404) },
  { method: 'GET', path: '/briefs/:draft/comments/:thread/replies', expect: everyone(303) },
  // Any author asks for a review; only those asked give one.
  { method: 'POST', path: '/briefs/:draft/reviewers', body: 'form', expect: draftOnly({ author: 422, coauthor: 422, reviewer: 403, secretariat: 403 }) },
  { method: 'POST', path: '/briefs/:published/reviewers', body: 'form', expect: only({ author: 422, coauthor: 422 }) },
  { method: 'GET', path: '/briefs/:draft/reviewers', expect: everyone(303) },
  // Attaching to a consultation: a published brief's authors (an empty form names no open consultation).
  { method: 'POST', path: '/briefs/:published/consultations', body: 'form', expect: only({ author: 422, coauthor: 422 }) },
  { method: 'POST', path: '/briefs/:draft/consultations', body: 'form', expect: draftOnly({ author: 422, coauthor: 422, reviewer: 403, secretariat: 403 }) },
  { method: 'GET', path: '/briefs/:draft/consultations', expect: everyone(303) },
  { method: 'POST', path: '/briefs/:draft/reviews', body: 'form', expect: draftOnly({ author: 403, coauthor: 403, reviewer: 422, secretariat: 403 }) },
  { method: 'POST', path: '/briefs/:published/reviews', body: 'form', expect: only({ reviewer: 422 }) },
  { method: 'GET', path: '/briefs/:draft/reviews', expect: everyone(303) },
  { method: 'GET', path: '/briefs/:published/print', expect: everyone(200) },
  { method: 'GET', path: '/briefs/:draft/print', expect: everyone(404) },
  { method: 'GET', path: '/briefs/:published/versions', expect: everyone(200) },
  { method: 'GET', path: '/briefs/:draft/versions', expect: everyone(404) },
  { method: 'GET', path: '/briefs/:published/export.json', expect: everyone(200) },
  { method: 'GET', path: '/briefs/:draft/export.json', expect: everyone(404) },
  { method: 'GET', path: '/api/briefs', expect: everyone(200) },
  { method: 'GET', path: '/api/briefs/:published', expect: everyone(200) },
  { method: 'GET', path: '/api/briefs/:draft', expect: everyone(404) },
];

eachApp('every briefs route answers every role as its policy says', async (t) => {
  const author = await verifiedPerson(t, { email: 'autora@example.org', group: 'civil_society' });
  const coauthor = await verifiedPerson(t, { email: 'coautor@example.org', group: 'technical_community' });
  const reviewer = await verifiedPerson(t, { email: 'revisora@example.org', group: 'academia' });
  const start = { title: 'Ley de ciberseguridad', kind: 'law', jurisdiction: 'UY', language: 'es' };
  const started = async () => (await author.post('/briefs/new', start)).location!.split('?')[0]!.split('/')[2]!;
  const draft = await started();
  const published = await started();
  for (const id of [draft, published]) {
    assert.equal((await author.post(`/briefs/${id}/authors`, { email: 'coautor@example.org' })).status, 303);
    assert.equal((await author.post(`/briefs/${id}/reviewers`, { reviewer_email: 'revisora@example.org' })).status, 303);
  }
  const commented = await reviewer.post(`/briefs/${draft}/comments`, { anchor: 'privacy', comment: 'Falta evidencia.' });
  const thread = commented.location!.split('#comment-')[1]!;
  const rated = Object.fromEntries(gridItems.map((item) => [`grid_${item}_rating`, 'unknown']));
  assert.equal((await coauthor.post(`/briefs/${published}/edit`, { ...start, stage: 'preliminary', ...rated })).status, 303);
  assert.equal((await coauthor.post(`/briefs/${published}/publish`, {})).status, 303);
  const clients = {
    anonymous: t.client(),
    unverified: await loggedIn(t, await insertPerson(t, { email: 'fresh@example.org', verified: false })),
    outsider: await verifiedPerson(t, { email: 'someone@example.org' }),
    author,
    coauthor,
    reviewer,
    secretariat: await secretariat(t),
  };
  await walkRoles(t, { module: briefsModule, clients, cases, params: { draft, published, thread } });
}, { postgres: true });
