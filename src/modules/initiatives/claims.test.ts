import assert from 'node:assert/strict';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { initiativeFields, insertPerson, loggedIn, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';
import { atOnce, served } from '../../../tests/support/served.ts';
import { sessionCookie } from '../../platform/auth/identity.ts';
import { startSession } from '../accounts/sessions.ts';
import { importInitiatives } from './commands/importInitiatives.ts';
import { registryDb } from './tables.ts';

/** A demo entry ("IGF Uruguay" unless named), as `npm start` loads it; answers its slug and id. */
async function demoEntry(t: TestApp, name = 'IGF Uruguay') {
  const csv = `name,acronym,type,countries,region,year_established,website,languages,source_url\n${name},,national,UY,Latin America and Caribbean,,,,https://example.org/nris\n`;
  assert.equal((await importInitiatives(t.database.db, csv, { demo: true, now: t.clock.now, source: 'nris.csv' })).imported, 1);
  return registryDb(t.database.db).selectFrom('initiatives').select(['id', 'slug']).where('name', '=', name).executeTakeFirstOrThrow();
}

const why = 'I chair the organising committee of IGF Uruguay; our website lists me as its coordinator.';

eachApp('a coordinator claims a demo entry; the secretariat refuses one claim with a reason and approves another: mails in each one’s language, the entry handed over in public', async (t) => {
  const { id, slug } = await demoEntry(t);
  const path = `/initiatives/${slug}`;
  const admin = await secretariat(t);

  // A visitor is told how to claim, with the way back kept.
  const visitor = await t.client().get(path);
  assert.match(visitor.html, new RegExp(`<a href="/signup\\?next=%2Finitiatives%2F${slug}">Create an account</a>`));
  assert.doesNotMatch(visitor.html, /name="justification"/);

  // Signed in with an address not verified yet: told to verify it first, no form.
  const unverified = await loggedIn(t, await insertPerson(t, { email: 'new@example.org', verified: false }));
  const toVerify = await unverified.get(path);
  assert.match(toVerify.html, /Verify your email address to claim it\. <a href="\/account">Go to your account\.<\/a>/);
  assert.doesNotMatch(toVerify.html, /name="justification"/);

  // Someone else claims first, in French, and is refused with a reason.
  const pierre = await loggedIn(t, await insertPerson(t, { email: 'pierre@example.org', locale: 'fr' }));
  assert.match((await pierre.get(path)).html, /name="justification"/);
  const short = await pierre.post(`${path}/claim`, { justification: 'mine' });
  assert.equal(short.status, 422);
  assert.match(short.html, /id="error-justification"/);
  assert.equal((await pierre.post(`${path}/claim`, { justification: 'Je connais bien cette initiative et ses membres.' })).location, `${path}?notice=claimed#claim`);
  const waiting = await pierre.get(path);
  assert.match(waiting.html, /Your claim is waiting for the secretariat|Votre revendication attend le secrétariat/);
  assert.doesNotMatch(waiting.html, /name="justification"/, 'one open claim at a time');
  assert.equal((await pierre.post(`${path}/claim`, { justification: 'Je connais bien cette initiative et ses membres.' })).status, 409);
  assert.match((await t.mail.lastTo('secretariat@igf.test')).subject, /claims IGF Uruguay/);

  const queue = await admin.get('/secretariat/recognition');
  const claimPath = queue.html.match(/href="(\/secretariat\/claims\/[^"]+)">IGF Uruguay<\/a>/)?.[1];
  assert.ok(claimPath, 'the claim is in the queue');
  const review = await admin.get(claimPath);
  assert.match(review.html, /pierre@example\.org/);
  assert.match(review.html, /Je connais bien cette initiative/);
  const noReason = await admin.post(claimPath, { decision: 'refuse', reason: '' });
  assert.equal(noReason.status, 422, 'a refusal says why');
  assert.equal((await admin.post(claimPath, { decision: 'refuse', reason: 'Nobody at IGF Uruguay knows you.' })).location, '/secretariat/recognition?notice=claim_refused');
  const refused = await t.mail.lastTo('pierre@example.org');
  assert.equal(refused.subject, 'IGF Uruguay : votre revendication a été refusée');
  assert.match(refused.text, /Nobody at IGF Uruguay knows you\./);
  assert.equal((await admin.post(claimPath, { decision: 'approve', reason: '' })).status, 404, 'decided once: no longer open');

  // The real coordinator, in Spanish, claims and is approved.
  const ana = await verifiedPerson(t, { email: 'ana@example.org', locale: 'es', group: 'technical_community' });
  assert.equal((await ana.post(`${path}/claim`, { justification: why })).status, 303);
  const anaClaim = (await admin.get('/secretariat/recognition')).html.match(/href="(\/secretariat\/claims\/[^"]+)">IGF Uruguay<\/a>/)![1]!;
  assert.equal((await admin.post(anaClaim, { decision: 'approve', reason: '' })).location, '/secretariat/recognition?notice=claim_approved');
  const approved = await t.mail.lastTo('ana@example.org');
  assert.equal(approved.subject, 'IGF Uruguay: tu reclamo fue aprobado');

  const registry = registryDb(t.database.db);
  const entry = await registry.selectFrom('initiatives').select(['is_demo', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(entry, { is_demo: 0, status: 'listed' }, 'no longer a demo entry, still listed');
  const seats = await registry.selectFrom('committee_members').select(['role', 'stakeholder_group']).where('initiative_id', '=', id).execute();
  assert.deepEqual(seats, [{ role: 'coordinator', stakeholder_group: 'technical_community' }]);
  const page = await ana.get(path);
  assert.match(page.html, new RegExp(`href="${path}/edit"`), 'she may edit it now');
  assert.doesNotMatch(page.html, /demo-title/);
  assert.match((await t.client().get(path)).html, /The secretariat approved a claim: this is no longer a demo entry/, 'in its public history');
  const audit = await t.database.db.selectFrom('audit_log').select(['action', 'is_public']).where('subject_id', '=', id).where('action', 'like', 'initiative.claim%').orderBy('action').execute();
  assert.deepEqual(audit.map((a) => [a.action, Number(a.is_public)]), [['initiative.claim_approved', 1], ['initiative.claim_refused', 0], ['initiative.claimed', 0], ['initiative.claimed', 0]]);
  const logged = await t.database.db.selectFrom('log_entries').select('kind').where('record', '=', `initiative/${id}`).orderBy('idx').execute();
  assert.deepEqual(logged.map((e) => e.kind), ['initiatives.listed_by_import', 'initiatives.claim_approved'], 'in the public log beside the recognition decisions');
  assert.match((await t.client().get('/log')).html, /Handed to its coordinator on a claim/);

  // A listed initiative with a coordinator can no longer be claimed.
  assert.equal((await pierre.post(`${path}/claim`, { justification: 'Je connais bien cette initiative et ses membres.' })).status, 403);
}, { postgres: true });

eachApp('approving one of two claims on an entry closes the other: its claimant is told, in their language, who to ask', async (t) => {
  const { slug } = await demoEntry(t);
  const path = `/initiatives/${slug}`;
  const admin = await secretariat(t);
  const ana = await verifiedPerson(t, { email: 'ana@example.org', locale: 'es' });
  const bruno = await verifiedPerson(t, { email: 'bruno@example.org', locale: 'pt' });
  assert.equal((await ana.post(`${path}/claim`, { justification: why })).status, 303);
  assert.equal((await bruno.post(`${path}/claim`, { justification: 'Faço parte do comitê do IGF Uruguay desde 2019.' })).status, 303);
  const claims = [...(await admin.get('/secretariat/recognition')).html.matchAll(/href="(\/secretariat\/claims\/[^"]+)">IGF Uruguay<\/a>/g)].map((m) => m[1]!);
  assert.equal(claims.length, 2, 'both claims wait');
  const reviews = await Promise.all(claims.map((c) => admin.get(c)));
  const approve = claims[reviews.findIndex((r) => r.html.includes('ana@example.org'))]!;
  assert.equal((await admin.post(approve, { decision: 'approve', reason: '' })).location, '/secretariat/recognition?notice=claim_approved');

  assert.doesNotMatch((await admin.get('/secretariat/recognition')).html, /\/secretariat\/claims\//, 'no claim left waiting on an entry already handed over');
  const closed = await t.mail.lastTo('bruno@example.org');
  assert.equal(closed.subject, 'IGF Uruguay: sua reivindicação foi encerrada');
  assert.match(closed.text, /entregou IGF Uruguay a outra pessoa/);
  assert.doesNotMatch((await bruno.get(path)).html, /name="justification"|Sua reivindicação aguarda|Your claim is waiting/);
  const decisions = await t.database.db.selectFrom('demo_claims').select('decision').orderBy('decision').execute();
  assert.deepEqual(decisions.map((d) => d.decision), ['approved', 'superseded']);
}, { postgres: true });

eachApp('the duplicate warning names a listed demo entry and the way to claim it instead', async (t) => {
  const { slug } = await demoEntry(t);
  const ana = await verifiedPerson(t, { email: 'ana@example.org' });
  const warned = await ana.post('/initiatives', { ...initiativeFields, name: 'Foro de Gobernanza de Internet de Uruguay', acronym: '', countries: ['UY'] });
  assert.equal(warned.status, 409);
  assert.ok(warned.html.includes(`<a href="/initiatives/${slug}">IGF Uruguay</a> — <a href="/initiatives/${slug}#claim">claim IGF Uruguay</a>`));
  const api = await ana.json('POST', '/api/initiatives', { ...initiativeFields, name: 'Foro de Gobernanza de Internet de Uruguay', acronym: undefined, countries: ['UY'], year_established: 2014 });
  assert.equal(api.status, 409);
  assert.equal(api.body.duplicates[0].demo, true);
});

eachApp('two secretariat members deciding one claim at the same instant: one decision, one mail', async (t) => {
  const server = await served(t);
  try {
    const reviewers: Array<ReturnType<typeof server.client>> = [];
    for (const email of ['sec1@igf.test', 'sec2@igf.test']) {
      const userId = await insertPerson(t, { email, secretariat: true, group: 'intergovernmental' });
      const client = server.client();
      client.setCookie(sessionCookie, await startSession(t.database.db, userId, t.clock.now));
      await client.csrfToken();
      reviewers.push(client);
    }
    const registry = registryDb(t.database.db);
    for (let trial = 0; trial < 15; trial++) {
      const { id, slug } = await demoEntry(t, `IGF Uruguay ${trial}`);
      const email = `claimant${trial}@example.org`;
      const claimant = await verifiedPerson(t, { email });
      assert.equal((await claimant.post(`/initiatives/${slug}/claim`, { justification: why })).status, 303);
      const claim = await registry.selectFrom('demo_claims').select('id').where('initiative_id', '=', id).where('decision', 'is', null).executeTakeFirstOrThrow();
      const statuses = await atOnce([
        () => reviewers[0]!.post(`/secretariat/claims/${claim.id}`, { decision: 'approve', reason: '' }),
        () => reviewers[1]!.post(`/secretariat/claims/${claim.id}`, { decision: 'refuse', reason: 'We could not reach you.' }),
      ]);
      const [won, lost] = statuses.sort();
      assert.equal(won, 303, `trial ${trial}: ${statuses}`);
      assert.ok(lost === 409 || lost === 404, `trial ${trial}: ${statuses}`);
      const decisions = await t.database.db.selectFrom('audit_log').select('action')
        .where('subject_id', '=', id).where('action', 'in', ['initiative.claim_approved', 'initiative.claim_refused']).execute();
      assert.equal(decisions.length, 1, `trial ${trial}: one decision on the record`);
      const { is_demo } = await registry.selectFrom('initiatives').select('is_demo').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(is_demo, decisions[0]!.action === 'initiative.claim_approved' ? 0 : 1);
      await t.mail.lastTo(email);
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal(t.mail.received.filter((m) => m.to.includes(email)).length, 1, `trial ${trial}: one mail`);
    }
  } finally {
    await server.close();
  }
}, { postgres: true, timeout: 180_000 });
