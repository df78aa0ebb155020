import assert from 'node:assert/strict';
import { eachApp } from '../../tests/support/app.ts';
import { initiativeFields, password, registerInitiative, verifiedPerson } from '../../tests/support/factories.ts';
import { singleLine, webAddress } from './validation.ts';
import { test } from 'node:test';

const newcomer = {
  email: 'ana@example.org', password, name: 'Ana Pérez', locale: 'es', country: 'UY', stakeholder_group: 'academia',
  capacity: 'personal', affiliation: '',
};
const refusedTexts = [
  { text: 'Ana \u202EzeréP', message: 'Elimine los controles invisibles de dirección del texto' },
  { text: 'Ana \u2066Pérez\u2069', message: 'Elimine los controles invisibles de dirección del texto' },
  { text: 'Ana P\uD800rez', message: 'Este texto contiene un carácter dañado' },
  { text: 'Ana P\uDFFFrez', message: 'Este texto contiene un carácter dañado' },
];

test('user text is normalised to NFC and keeps whole characters (emoji pairs) while refusing lone halves', () => {
  const name = singleLine(50);
  assert.equal(name.parse('Jose\u0301 Pe\u0301rez'), 'José Pérez');
  assert.equal(name.parse('Foro 🙂'), 'Foro 🙂');
  for (const { text } of refusedTexts) assert.equal(name.safeParse(text).success, false, JSON.stringify(text));
});

eachApp('a form refuses direction controls and broken characters beside the field, and stores text as NFC', async (t) => {
  const client = t.client();
  client.language = 'es';
  // A form body is UTF-8 decoded, which turns a lone surrogate into U+FFFD: only JSON can carry one.
  for (const { text, message } of refusedTexts.filter((r) => r.message.includes('dirección'))) {
    const page = await client.post('/signup', { ...newcomer, name: text });
    assert.equal(page.status, 422, JSON.stringify(text));
    const beside = page.html.match(/<p class="error" id="error-name">([^<]*)<\/p>/)?.[1];
    assert.ok(beside?.startsWith(message), `${JSON.stringify(text)}: ${beside}`);
    assert.equal((await t.database.db.selectFrom('users').select('id').execute()).length, 0);
  }
  const page = await client.post('/signup', { ...newcomer, name: 'Jose\u0301 Pe\u0301rez' });
  assert.equal(page.status, 200, 'taken: the page says to check the mail');
  const stored = await t.database.db.selectFrom('users').select('name').executeTakeFirstOrThrow();
  assert.equal(stored.name, 'José Pérez');
  assert.equal(stored.name.length, 10, 'composed: one code point per letter');

  // Another module's form, through the same layer.
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org', locale: 'fr' });
  const initiative = await coordinator.post('/initiatives', { ...initiativeFields, name: 'IGF \u202Eyaugurú' });
  assert.equal(initiative.status, 422);
  assert.ok(initiative.html.includes(`id="error-name">Supprimez les commandes invisibles de sens d&#39;écriture`), 'the message beside the name');
  const slug = await registerInitiative(coordinator);
  const edit = await coordinator.post(`/initiatives/${slug}/edit`, { ...initiativeFields, description: `${initiativeFields.description} \u202D` });
  assert.equal(edit.status, 422);
  assert.ok(edit.html.includes('id="error-description">Supprimez les commandes invisibles'), 'the message beside the description');
}, { postgres: true });

eachApp('the API refuses direction controls and broken characters with a pointer to the field, and stores text as NFC', async (t) => {
  const coordinator = await verifiedPerson(t, { email: 'coord@example.org' });
  const body = { ...initiativeFields, year_established: 2014 };
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['name', { name: 'IGF \u202Eyaugurú' }, 'Remove the invisible text-direction controls'],
    ['acronym', { acronym: 'I\u2067GF' }, 'Remove the invisible text-direction controls'],
    ['description', { description: `${body.description} \uD83D` }, 'This text holds a broken character'],
    ['website', { website: 'https://igf.uy/\u202E' }, 'Remove the invisible text-direction controls'],
  ];
  for (const [field, change, message] of cases) {
    const refused = await coordinator.json('POST', '/api/initiatives', { ...body, ...change });
    assert.equal(refused.status, 422, field);
    const error = refused.body.errors.find((e: { pointer: string }) => e.pointer === `#/${field}`);
    assert.ok(error?.detail.startsWith(message), `${field}: ${JSON.stringify(refused.body)}`);
  }
  assert.equal((await t.database.db.selectFrom('initiatives').select('id').execute()).length, 0);

  const created = await coordinator.json('POST', '/api/initiatives', { ...body, name: 'Foro de Gobernanza de Internet de Me\u0301xico' });
  assert.equal(created.status, 201);
  assert.equal(created.body.name, 'Foro de Gobernanza de Internet de México');
  const patched = await coordinator.json('PATCH', `/api/initiatives/${created.body.slug}`, { name: 'Foro \u2068México\u2069' });
  assert.equal(patched.status, 422);
  const stored = await t.database.db.selectFrom('initiatives').select('name').executeTakeFirstOrThrow();
  assert.equal(stored.name, 'Foro de Gobernanza de Internet de México'.normalize('NFC'));
  assert.equal(stored.name, created.body.name);
}, { postgres: true });

test('a web address typed without https:// is read as https, and nonsense is still refused', () => {
  const read = (typed: string) => webAddress.safeParse(typed);
  assert.equal(read('www.igf.uy').data, 'https://www.igf.uy');
  assert.equal(read('  igf.uy/foro-2026?lang=es ').data, 'https://igf.uy/foro-2026?lang=es');
  assert.equal(read('//igf.uy').data, 'https://igf.uy');
  assert.equal(read('http://igf.uy').data, 'http://igf.uy');
  assert.equal(read('https://gobernanzainternet.co').data, 'https://gobernanzainternet.co');
  for (const wrong of ['gobernanza', 'javascript:alert(1)', 'ftp://igf.uy', 'www igf uy', 'mailto:a@b.org']) {
    assert.equal(read(wrong).success, false, wrong);
  }
});
