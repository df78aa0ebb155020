import assert from 'node:assert/strict';
import { taxonomies } from '../../platform/stakeholders.ts';
import { eachApp, type TestApp } from '../../../tests/support/app.ts';
import { initiativeFields, insertPerson, loggedIn, registerInitiative, seatMember, secretariat, verifiedPerson } from '../../../tests/support/factories.ts';

/** A coordinator (civil society) with an initiative and two more members from two other groups. */
async function initiativeWithCommittee(t: TestApp) {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', name: 'Carla Coordinadora', group: 'civil_society' });
  const slug = await registerInitiative(coordinator);
  await seatMember(t, slug, { email: 'gov@example.org', name: 'Gustavo Gobierno', group: 'government' });
  const tech = await seatMember(t, slug, { email: 'tech@example.org', name: 'Tania Técnica', group: 'technical_community' });
  return { coordinator, slug, tech };
}

eachApp('an unverified user cannot register an initiative; a verified one becomes its coordinator', async (t) => {
  const unverified = await loggedIn(t, await insertPerson(t, { email: 'new@example.org', verified: false }));
  assert.equal((await unverified.get('/initiatives/new')).status, 403);
  assert.equal((await unverified.post('/initiatives', initiativeFields)).status, 403);
  assert.equal((await t.database.db.selectFrom('initiatives').select('id').execute()).length, 0);

  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'academia' });
  const slug = await registerInitiative(coordinator);
  assert.equal(slug, 'mcgi-mesa-colombiana-de-gobernanza-de-internet');
  const page = await coordinator.get(`/initiatives/${slug}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /<h1>Mesa Colombiana de Gobernanza de Internet \(MCGI\)<\/h1>/);
  assert.match(page.html, /Coordinator/);
  assert.match(page.html, /href="\/initiatives\/mcgi-mesa-colombiana-de-gobernanza-de-internet\/edit"/);
  assert.match(page.html, /<div lang="es">/);
  // A second initiative with the same name gets its own address.
  assert.equal(await registerInitiative(coordinator, { create_anyway: 'on' }), 'mcgi-mesa-colombiana-de-gobernanza-de-internet-2');
}, { postgres: true });

eachApp('the registration form keeps input and shows errors beside fields', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org' });
  const page = await coordinator.post('/initiatives', { ...initiativeFields, countries: [], website: 'javascript:alert(1)', description: 'short', year_established: '1800' });
  assert.equal(page.status, 422);
  for (const field of ['countries', 'website', 'description', 'year_established']) assert.match(page.html, new RegExp(`id="error-${field}"`), field);
  assert.match(page.html, /value="Mesa Colombiana de Gobernanza de Internet"/);
  assert.equal((await t.database.db.selectFrom('initiatives').select('id').execute()).length, 0);
});

eachApp('coordinators edit, with translations shown to readers of that language', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org' });
  const slug = await registerInitiative(coordinator);
  const saved = await coordinator.post(`/initiatives/${slug}/edit`, {
    ...initiativeFields, name: 'Mesa Colombiana de Gobernanza', translation_en: 'An open multistakeholder space on Internet governance in Colombia.',
  });
  assert.equal(saved.location, `/initiatives/${slug}?notice=saved`);
  const reader = t.client();
  reader.language = 'en';
  const english = await reader.get(`/initiatives/${slug}`);
  assert.match(english.html, /<div lang="en"><p>An open multistakeholder space/);
  reader.language = 'fr';
  const french = await reader.get(`/initiatives/${slug}`);
  assert.match(french.html, /<div lang="es"><p>Espacio multisectorial/);
  const stranger = await verifiedPerson(t, { email: 'other@example.org' });
  assert.equal((await stranger.post(`/initiatives/${slug}/edit`, initiativeFields)).status, 403);
});

eachApp('committee: invitations, balance chart, leaving and removal', async (t) => {
  const { coordinator, slug, tech } = await initiativeWithCommittee(t);
  const page = await coordinator.get(`/initiatives/${slug}`);
  assert.match(page.html, /Gustavo Gobierno/);
  assert.match(page.html, /Tania Técnica/);
  assert.match(page.html, /<svg[^>]*role="img"/, 'a server-drawn balance chart');
  assert.match(page.html, /An organising committee from at least 3 stakeholder groups, counting members with a verified email \(3 now\)/);
  // Emails are for the committee only.
  assert.match(page.html, /gov@example\.org/);
  assert.doesNotMatch((await t.client().get(`/initiatives/${slug}`)).html, /gov@example\.org/);

  const members = await t.database.db.selectFrom('committee_members').innerJoin('users', 'users.id', 'committee_members.user_id')
    .select(['committee_members.id', 'users.email']).execute();
  const gov = members.find((m) => m.email === 'gov@example.org')!;
  const coord = members.find((m) => m.email === 'coord@example.org')!;
  const lastCoordinator = await coordinator.post(`/initiatives/${slug}/committee/${coord.id}/remove`, {});
  assert.equal(lastCoordinator.status, 409, 'the last coordinator cannot leave');
  assert.match(lastCoordinator.html, /role="alert">An initiative needs a coordinator/);
  assert.equal((await coordinator.post(`/initiatives/${slug}/committee/${gov.id}/remove`, {})).location, `/initiatives/${slug}?notice=removed#committee-title`);
  const after = await t.client().get(`/initiatives/${slug}`);
  assert.doesNotMatch(after.html, /Gustavo Gobierno<\/td>/);
  assert.match(after.html, /removed Gustavo Gobierno from the committee/);
  const techSeat = members.find((m) => m.email === 'tech@example.org')!;
  assert.equal((await tech.post(`/initiatives/${slug}/committee/${coord.id}/remove`, {})).status, 403, 'members cannot remove others');
  assert.equal((await tech.post(`/initiatives/${slug}/committee/${techSeat.id}/remove`, {})).location, `/initiatives/${slug}?notice=left#committee-title`);
  const left = await t.client().get(`/initiatives/${slug}`);
  assert.match(left.html, /Tania Técnica left the committee/);
  assert.match(left.html, /counting members with a verified email \(1 now\)/);
}, { postgres: true });

eachApp('recognition: criteria, request, secretariat approval by email, then listed in the directory and on the map', async (t) => {
  const { coordinator, slug } = await initiativeWithCommittee(t);
  let page = await coordinator.get(`/initiatives/${slug}`);
  assert.doesNotMatch(page.html, /action="\/initiatives\/[^"]+\/recognition(#[^"]*)?"/, 'cannot request before accepting the principles');
  assert.equal((await coordinator.post(`/initiatives/${slug}/recognition`, {})).status, 422);
  assert.equal((await coordinator.post(`/initiatives/${slug}/principles`, {})).status, 422, 'the box must be ticked');
  assert.equal((await coordinator.post(`/initiatives/${slug}/principles`, { principles: 'on' })).status, 303);
  page = await coordinator.get(`/initiatives/${slug}`);
  assert.match(page.html, /action="\/initiatives\/[^"]+\/recognition(#[^"]*)?"/);
  assert.match(page.html, /class="pending"/, 'the annual report shows as pending');
  assert.equal((await coordinator.post(`/initiatives/${slug}/recognition`, {})).location, `/initiatives/${slug}?notice=requested#recognition-title`);

  const directory = await t.client().get('/initiatives');
  assert.doesNotMatch(directory.html, /Mesa Colombiana/, 'not listed before approval');

  const admin = await secretariat(t);
  const queue = await admin.get('/secretariat/recognition');
  const requestPath = queue.html.match(/href="(\/secretariat\/recognition\/[^"]+)"/)![1]!;
  const refused = await admin.post(requestPath, { decision: 'return', comments: '' });
  assert.equal(refused.status, 422, 'returning needs comments');
  assert.match(refused.html, /id="error-comments"/);
  assert.equal((await coordinator.post(requestPath, { decision: 'approve' })).status, 403, 'coordinators cannot approve themselves');
  assert.equal((await admin.post(requestPath, { decision: 'approve', comments: '' })).location, '/secretariat/recognition?notice=approved');
  const mail = await t.mail.lastTo('coord@example.org');
  assert.match(mail.subject, /listed/);

  const listed = await t.client().get('/initiatives?country=CO');
  assert.match(listed.html, /Mesa Colombiana de Gobernanza de Internet/);
  const home = await t.client().get('/');
  assert.match(home.html, /<a href="\/initiatives\?country=CO"[^>]*>\s*<title>Colombia: one initiative<\/title>/);
  const history = await t.client().get(`/initiatives/${slug}`);
  assert.match(history.html, /approved the recognition/);
  assert.match(history.html, /requested recognition/);

  const delisted = await admin.post(`/initiatives/${slug}/delist`, { reason: 'No annual report for two years.' });
  assert.equal(delisted.status, 303);
  assert.doesNotMatch((await t.client().get('/initiatives')).html, /Mesa Colombiana/);
  assert.match((await t.client().get(`/initiatives/${slug}`)).html, /No annual report for two years\./);
  const audit = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', (await t.database.db.selectFrom('initiatives').select('id').executeTakeFirstOrThrow()).id).execute();
  for (const action of ['initiative.created', 'recognition.requested', 'recognition.approved', 'recognition.delisted']) {
    assert.ok(audit.some((a) => a.action === action), action);
  }
}, { postgres: true });

eachApp('a returned request carries the comments to the coordinator', async (t) => {
  const { coordinator, slug } = await initiativeWithCommittee(t);
  await coordinator.post(`/initiatives/${slug}/principles`, { principles: 'on' });
  await coordinator.post(`/initiatives/${slug}/recognition`, {});
  const admin = await secretariat(t);
  const requestPath = (await admin.get('/secretariat/recognition')).html.match(/href="(\/secretariat\/recognition\/[^"]+)"/)![1]!;
  assert.equal((await admin.post(requestPath, { decision: 'return', comments: 'Please add the <b>website</b>.' })).status, 303);
  assert.match((await t.mail.lastTo('coord@example.org')).text, /Please add the <b>website<\/b>\./);
  const page = await coordinator.get(`/initiatives/${slug}`);
  assert.match(page.html, /Please add the &lt;b&gt;website&lt;\/b&gt;\./, 'comments are escaped');
  assert.match(page.html, /action="\/initiatives\/[^"]+\/recognition(#[^"]*)?"/, 'the coordinator may ask again');
});

eachApp('an invitee may not make themselves coordinator, and unverified members do not count towards recognition', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  const slug = await registerInitiative(coordinator);
  await coordinator.post(`/initiatives/${slug}/committee/invite`, { email: 'sly@example.org', role: 'member' });
  const invitation = new URL(await t.mail.linkTo('sly@example.org'));
  const sly = await verifiedPerson(t, { email: 'sly@example.org', group: 'government' });
  const form = await sly.get(invitation.pathname);
  assert.doesNotMatch(form.html, /<option value="coordinator"/, 'coordinator is not offered');
  const grab = await sly.post(invitation.pathname, { stakeholder_group: 'government', role: 'coordinator', answer: 'accept' });
  assert.equal(grab.status, 422);
  assert.match(grab.html, /id="error-role"/);
  assert.equal((await t.database.db.selectFrom('committee_members').select('id').execute()).length, 1);
  assert.equal((await sly.post(invitation.pathname, { stakeholder_group: 'government', role: 'focal_point', answer: 'accept' })).status, 303);
  await seatMember(t, slug, { email: 'tech@example.org', group: 'technical_community', verified: false });
  const page = await coordinator.get(`/initiatives/${slug}`);
  assert.match(page.html, /\(2 now\)/, 'an unverified member does not count');
});

eachApp("under the IGF's five groups, academia counts with the technical community, in forms, charts and criteria", async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', group: 'civil_society' });
  const slug = await registerInitiative(coordinator);
  await seatMember(t, slug, { email: 'tech@example.org', name: 'Tania Técnica', group: 'technical_community' });
  await seatMember(t, slug, { email: 'uni@example.org', name: 'Ulises Universidad', group: 'academia' });
  const page = await coordinator.get(`/initiatives/${slug}`);
  assert.match(page.html, /counting members with a verified email \(2 now\)/, 'academia and the technical community are one group');
  assert.match(page.html, /<td data-label="Name">Ulises Universidad<\/td><td data-label="Role">Member<\/td><td data-label="Stakeholder group">Technical and academic community<\/td>/);
  assert.match(page.html, /Technical and academic community: 2/, 'the chart counts them together');
  assert.doesNotMatch(page.html, />Academia</);
  const signup = await t.client().get('/signup');
  assert.match(signup.html, /Technical and academic community/);
  assert.doesNotMatch(signup.html, /value="academia"/, 'five groups are offered');
}, { config: { stakeholders: taxonomies.igf } });

eachApp('an initiative named after a word of the site\'s addresses ("New") gets a suffixed slug, and /initiatives/new stays the form', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org' });
  const slug = await registerInitiative(coordinator, { name: 'New', acronym: '' });
  assert.equal(slug, 'new-2');
  assert.match((await coordinator.get('/initiatives/new-2')).html, /<h1>New<\/h1>/);
  const form = await coordinator.get('/initiatives/new');
  assert.match(form.html, /action="\/initiatives"/, 'the creation form is still there');
  assert.equal(await registerInitiative(coordinator, { name: 'NEW', acronym: '', create_anyway: 'on' }), 'new-3');

  // Every fixed word of every route, read from the app itself: a route added later is covered.
  const words = new Set(t.app.routes.flatMap((r) => r.path.split('/')).filter((w) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(w)));
  for (const word of ['new', 'edit', 'committee', 'secretariat', 'initiatives', 'api']) assert.ok(words.has(word), word);
  for (const word of words) {
    // One account each: an account registers only a handful of initiatives an hour.
    const maker = await verifiedPerson(t, { email: `maker-${word}@example.org` });
    const created = await maker.json('POST', '/api/initiatives', { ...initiativeFields, countries: ['CO'], languages: ['es'], year_established: 2014, name: `${word}!`, acronym: undefined, create_anyway: true });
    assert.equal(created.status, 201, `${word}: ${JSON.stringify(created.body)}`);
    assert.notEqual(created.body.slug, word, `${word} is not a record's slug`);
    assert.match(created.body.slug, new RegExp(`^${word}-\\d+$`));
  }
}, { postgres: true });

eachApp('a failed form on the initiative page comes back at the form, and the form’s address shows the page', async (t) => {
  const { coordinator, slug } = await initiativeWithCommittee(t);
  /** The form whose id is `id`: it posts to its own anchor, and lists its errors first. */
  const formAt = (html: string, id: string) => {
    const form = html.match(new RegExp(`<form method="post" action="([^"]+)"[^>]*id="${id}"[^>]*>([\\s\\S]*?)</form>`));
    assert.ok(form, `the page shows the form #${id} again`);
    return { action: form[1]!, body: form[2]! };
  };

  const principles = await coordinator.post(`/initiatives/${slug}/principles`, {});
  assert.equal(principles.status, 422);
  const principlesForm = formAt(principles.html, 'principles');
  assert.equal(principlesForm.action, `/initiatives/${slug}/principles#principles`);
  assert.match(principlesForm.body, /role="alert"[\s\S]*href="#field-principles"/, 'the error summary opens the form and links to the field');

  const invite = await coordinator.post(`/initiatives/${slug}/committee/invite`, { email: 'not an address', role: 'member' });
  assert.equal(invite.status, 422);
  const inviteForm = formAt(invite.html, 'invite');
  assert.equal(inviteForm.action, `/initiatives/${slug}/committee/invite#invite`);
  assert.match(inviteForm.body, /role="alert"[\s\S]*href="#field-email"/);
  assert.match(inviteForm.body, /value="not an address"/, 'what was typed is kept');

  await t.database.db.updateTable('initiatives').set({ status: 'listed' }).where('slug', '=', slug).execute();
  const admin = await secretariat(t);
  const delist = await admin.post(`/initiatives/${slug}/delist`, { reason: '' });
  assert.equal(delist.status, 422);
  const delistForm = formAt(delist.html, 'delist');
  assert.equal(delistForm.action, `/initiatives/${slug}/delist#delist`);
  assert.match(delistForm.body, /role="alert"[\s\S]*href="#field-reason"/);

  // Reloading the address a failed post left in the browser shows the page, at the form.
  for (const [path, anchor] of [['committee/invite', 'invite'], ['principles', 'principles'], ['delist', 'delist'], ['recognition', 'recognition-title'], ['committee/x/remove', 'committee-title']]) {
    const reload = await t.client().get(`/initiatives/${slug}/${path}`);
    assert.equal(reload.status, 303, path);
    assert.equal(reload.location, `/initiatives/${slug}#${anchor}`);
  }
  assert.equal((await t.client().get('/initiatives/no-such-thing/delist')).location, '/initiatives/no-such-thing#delist');
  assert.equal((await t.client().get('/initiatives/no-such-thing')).status, 404);
}, { postgres: true });

eachApp('the registration form: region from the countries, addresses without https://, errors in the form’s order, French punctuation', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org' });
  const regionOf = async (slug: string) =>
    (await t.database.db.selectFrom('initiatives').select(['region', 'website']).where('slug', '=', slug).executeTakeFirstOrThrow());

  // Left on "from the countries": the group the countries share; none when they span groups.
  const rioPlata = await registerInitiative(coordinator, { name: 'Foro del Río de la Plata', acronym: '', type: 'subregional', countries: ['AR', 'UY'], region: 'auto', website: 'www.igf.uy' });
  assert.deepEqual(await regionOf(rioPlata), { region: 'latin_america_caribbean', website: 'https://www.igf.uy' });
  const northAmerica = await registerInitiative(coordinator, { name: 'Foro de Norteamérica', acronym: '', type: 'regional', countries: ['MX', 'US'], region: 'auto' });
  assert.equal((await regionOf(northAmerica)).region, null);
  // Chosen by hand, it stays as chosen; the edit form then shows the choice, or "from the countries".
  const chosen = await registerInitiative(coordinator, { name: 'Foro Trasatlántico', acronym: '', type: 'regional', countries: ['MX', 'US'], region: 'western_europe_others' });
  assert.equal((await regionOf(chosen)).region, 'western_europe_others');
  assert.match((await coordinator.get(`/initiatives/${chosen}/edit`)).html, /<option value="western_europe_others" selected="">/);
  const edit = await coordinator.get(`/initiatives/${rioPlata}/edit`);
  assert.match(edit.html, /<option value="auto" selected="">/);
  // Countries and languages are checkboxes, the chosen ones first.
  assert.match(edit.html, /<div class="checklist-options" id="options-countries"><label><input type="checkbox" name="countries" value="AR" checked=""\/> Argentina<\/label><label><input type="checkbox" name="countries" value="UY" checked=""\/> Uruguay<\/label>/);
  assert.doesNotMatch(edit.html, /<select[^>]*multiple/);
  // The filter boxes come with the page's one small script, loaded last; pages without them load none.
  assert.match(edit.html, /<div class="checklist-filter" data-filter-for="options-countries" hidden="">/);
  assert.match(edit.html, /<script src="\/assets\/app\.[0-9a-f]{12}\.js"><\/script><\/body>/);
  assert.doesNotMatch((await coordinator.get(`/initiatives/${rioPlata}`)).html, /<script/);

  // Errors: the summary lists them in the form's order; the hint and the error give the same example.
  const french = await verifiedPerson(t, { email: 'coordinatrice@example.org', locale: 'fr' });
  const failed = await french.post('/initiatives', { ...initiativeFields, description: 'court', website: 'gobernanza', countries: [], name: '' });
  assert.equal(failed.status, 422);
  const summary = [...failed.html.matchAll(/<a href="#field-(\w+)">([^<]*)<\/a>/g)];
  assert.deepEqual(summary.map((m) => m[1]), ['name', 'countries', 'website', 'description']);
  assert.equal(summary[0]![2], 'Nom : Utilisez au moins 3 caractères.', 'a French space before the colon');
  assert.match(failed.html, /id="hint-website">Par exemple www\.exemple\.org/);
  assert.match(failed.html, /id="error-website">Saisissez une adresse web comme www\.exemple\.org\./);
  assert.match(failed.html, /<input id="field-website" name="website" type="url" value="gobernanza"[^>]*aria-invalid="true"/);
}, { postgres: true });
