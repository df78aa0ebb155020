import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseRelatoria, type ImportedReport, type ParseOptions } from './parse.ts';

const sample = readFileSync(new URL('../../../../tests/fixtures/reports/lacigf-relatoria-espacios-locales.es.txt', import.meta.url));

/** The draft, or the test fails with the failure the importer gave. */
function draft(input: string | Uint8Array, options?: ParseOptions): ImportedReport {
  const result = parseRelatoria(input, options);
  if (!result.ok) assert.fail(`expected a draft, got ${JSON.stringify(result.failure)}`);
  return result.report;
}

const people = (report: ImportedReport) => report.participants.map(({ role, name, organisation }) => [role, name, organisation ?? null]);
const codes = (report: ImportedReport) => report.warnings.map((w) => `${w.code}@${w.line}`);

test('the LACIGF relatoría: title, moderator, six speakers, rapporteur and remote moderator with their organisations', () => {
  const report = draft(sample);
  assert.equal(report.title, 'Espacios de diálogos de Gobernanza Locales: Avances en las discusiones. (Mesa de coordinación)');
  assert.equal(report.language, 'es');
  assert.equal(report.languageSource, 'detected');
  assert.equal(report.date, null, 'the relatoría gives no date');
  // Organisations as the rapporteur wrote them (the file has "Capitulo" without its accent).
  assert.deepEqual(people(report), [
    ['moderator', 'Raquel Gatto', 'Internet Society, Capitulo Brasil'],
    ['speaker', 'Manuel Haces', 'NIC.MX Secretario Técnico del Grupo Iniciativa de Gobernanza de Internet (México)'],
    ['speaker', 'Miguel Ignacio Estrada', 'Argentina/ MAG'],
    ['speaker', 'Rodney Taylor', 'ISOC-BB/ Comité Programador de IGF-Barbados'],
    ['speaker', 'Julian Casasbuenas', 'APC-Colombia / MAG'],
    ['speaker', 'Beatriz Rodriguez', 'IGF Uruguay / Internet Society (ISOC)'],
    ['speaker', 'Lía Patricia Hernández Pérez', 'IPANDETEC, Panamá'],
    ['rapporteur', 'Jimena Sierra', 'Instituto Federal de Telecomunicaciones (IFT) México'],
    ['online_moderator', 'Alejandra Erramuspe', 'AGESIC Uruguay'],
  ]);
  assert.equal(report.participants.filter((p) => p.role === 'speaker').length, 6);
  assert.deepEqual(report.participants.map((p) => p.line), [7, 8, 9, 10, 11, 12, 13, 14, 15]);
});

test('the LACIGF relatoría: paragraphs broken mid-sentence are rejoined, and said so; the others stay apart', () => {
  const report = draft(sample);
  assert.equal(report.paragraphs.length, 9);
  assert.ok(report.paragraphs[0]!.startsWith('Durante esta sesión, los representantes'));
  const colombia = report.paragraphs.find((p) => p.startsWith('Colombia relato'))!;
  assert.match(colombia, /resalto el desarrollo que ha tenido la iniciativa y dio a conocer que tienen una declaración/);
  assert.ok(colombia.endsWith('a los diferentes temas y discusiones.'));
  const panama = report.paragraphs.find((p) => p.startsWith('IPANDETEC como anfitriones'))!;
  assert.match(panama, /Se compartieron principalmente las experiencias entre las iniciativas/);
  // This one ends without a full stop but the next starts with a capital: two paragraphs still.
  assert.ok(report.paragraphs.some((p) => p.endsWith('y la Unión Caribeña de Telecomunicaciones')));
  assert.equal(report.summary, report.paragraphs.join('\n\n'));
  assert.doesNotMatch(report.summary, /Moderadora|Raquel Gatto|Participantes/, 'the people are not repeated in the summary');
  assert.deepEqual(codes(report), ['paragraphs_joined@23', 'paragraphs_joined@33']);
  assert.deepEqual(Object.values(report.sections).flat(), []);
});

test('the same relatoría with a byte order mark, Windows line ends, as text or as bytes, reads the same', () => {
  const text = sample.toString('utf8');
  const windows = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
  const expected = draft(sample);
  assert.deepEqual(draft(text), expected);
  assert.deepEqual(draft(windows), expected);
  assert.deepEqual(draft(Buffer.from(windows, 'utf8')), expected);
  // Decomposed accents (as macOS may write them) are read as the composed letters.
  assert.deepEqual(draft(text.normalize('NFD')), expected);
});

test('a Markdown report in English: title, date, roles in bold, a speakers heading, summary and the four sections', () => {
  const report = draft(`# Session report: Community networks and meaningful access

Date: October 8, 2024

**Moderator:** Jane Doe – Internet Society
**Rapporteur:** John Smith, University of the West Indies
Remote moderator: Priya Natarajan (APNIC)

## Speakers

• Amara Okafor – Ministry of Communications, Nigeria
• Carlos Ruiz: LACNIC
• Dr. Mei Chen, Tsinghua University

## Summary

The session looked at how community networks bring people online where
operators do not go. Speakers compared licensing regimes
and the cost of backhaul.

Participants agreed that spectrum policy is the main barrier, and
that

small operators need a voice in the regulators' consultations.

## Key issues raised

- Spectrum licences are priced for national operators.
- Backhaul costs in rural areas.

## Key takeaways (3 key takeaways)

1. Community networks need their own licence category.
2. Regulators should publish backhaul prices.

## Call to action

- Regulators: open consultations to community operators.

## Proposals

- A regional fund for community networks.
`);
  assert.equal(report.title, 'Community networks and meaningful access');
  assert.equal(report.date, '2024-10-08');
  assert.equal(report.language, 'en');
  assert.deepEqual(people(report), [
    ['moderator', 'Jane Doe', 'Internet Society'],
    ['rapporteur', 'John Smith', 'University of the West Indies'],
    ['online_moderator', 'Priya Natarajan', 'APNIC'],
    ['speaker', 'Amara Okafor', 'Ministry of Communications, Nigeria'],
    ['speaker', 'Carlos Ruiz', 'LACNIC'],
    ['speaker', 'Mei Chen', 'Tsinghua University'],
  ]);
  assert.deepEqual(report.paragraphs, [
    'The session looked at how community networks bring people online where operators do not go. Speakers compared licensing regimes and the cost of backhaul.',
    "Participants agreed that spectrum policy is the main barrier, and that small operators need a voice in the regulators' consultations.",
  ]);
  assert.deepEqual(report.sections, {
    keyIssues: ['Spectrum licences are priced for national operators.', 'Backhaul costs in rural areas.'],
    takeaways: ['Community networks need their own licence category.', 'Regulators should publish backhaul prices.'],
    callsToAction: ['Regulators: open consultations to community operators.'],
    proposals: ['A regional fund for community networks.'],
    followUp: [],
  });
  assert.deepEqual(codes(report), ['paragraphs_joined@24']);
});

test('a plain-text relatório in Portuguese: gendered labels, mixed bullets, sections headed with a colon', () => {
  const report = draft(`Relatório da sessão: Redes comunitárias no Brasil

Data: 8 de outubro de 2024

Moderadora: Ana Souza – Instituto Nupef
Relatora: Beatriz Lima, CGI.br
Moderação remota: Carla Mendes (Coletivo Digital)
Palestrantes:
* Daniel Rocha – Anatel
– Eduardo Pires: Universidade de São Paulo
* Fernanda Alves, Rede Rhizomatica

A sessão discutiu como as redes comunitárias levam conectividade às regiões onde as operadoras não chegam. Os palestrantes compararam as regras de licenciamento e o custo do

transporte de dados nas zonas rurais.

Principais conclusões:
- As redes comunitárias precisam de uma licença própria.
- O regulador deve publicar os preços de atacado.

Encaminhamentos:
- Criar um grupo de trabalho no CGI.br.
`);
  assert.equal(report.title, 'Redes comunitárias no Brasil');
  assert.equal(report.date, '2024-10-08');
  assert.equal(report.language, 'pt');
  assert.deepEqual(people(report), [
    ['moderator', 'Ana Souza', 'Instituto Nupef'],
    ['rapporteur', 'Beatriz Lima', 'CGI.br'],
    ['online_moderator', 'Carla Mendes', 'Coletivo Digital'],
    ['speaker', 'Daniel Rocha', 'Anatel'],
    ['speaker', 'Eduardo Pires', 'Universidade de São Paulo'],
    ['speaker', 'Fernanda Alves', 'Rede Rhizomatica'],
  ]);
  assert.deepEqual(report.paragraphs, [
    'A sessão discutiu como as redes comunitárias levam conectividade às regiões onde as operadoras não chegam. Os palestrantes compararam as regras de licenciamento e o custo do transporte de dados nas zonas rurais.',
  ]);
  assert.deepEqual(report.sections.takeaways, ['As redes comunitárias precisam de uma licença própria.', 'O regulador deve publicar os preços de atacado.']);
  assert.deepEqual(report.sections.followUp, ['Criar um grupo de trabalho no CGI.br.']);
  assert.deepEqual(codes(report), ['paragraphs_joined@15']);
});

test('a compte rendu in French: narrow no-break spaces before colons, guillemets, headings standing alone', () => {
  const nb = '\u202F';
  const report = draft(`Compte rendu de la session${nb}: « Gouvernance de l’Internet et jeunesse »
Date${nb}: 1er octobre 2024
Modératrice${nb}: Claire Dubois – Association Internet Sans Frontières
Rapporteuse${nb}: Awa Diop, Université Cheikh Anta Diop
Modération à distance${nb}: Jean-Pierre Martin (ISOC France)

Intervenants${nb}:
- Fatou Ndiaye – ARTP Sénégal
- Marc Lefèvre, Renater
- Sophie Laurent : Conseil national du numérique

La session a examiné la place des jeunes dans les forums nationaux sur la gouvernance de l’Internet. Les intervenants ont présenté leurs programmes de formation et les moyens de financer la participation des jeunes.

Questions clés

- Le coût des déplacements pour les jeunes.

Points à retenir
- Les forums doivent réserver des places aux jeunes.

Appel à l’action
- Les gouvernements doivent financer la participation des jeunes.
`);
  assert.equal(report.title, 'Gouvernance de l’Internet et jeunesse');
  assert.equal(report.date, '2024-10-01');
  assert.equal(report.language, 'fr');
  assert.deepEqual(people(report), [
    ['moderator', 'Claire Dubois', 'Association Internet Sans Frontières'],
    ['rapporteur', 'Awa Diop', 'Université Cheikh Anta Diop'],
    ['online_moderator', 'Jean-Pierre Martin', 'ISOC France'],
    ['speaker', 'Fatou Ndiaye', 'ARTP Sénégal'],
    ['speaker', 'Marc Lefèvre', 'Renater'],
    ['speaker', 'Sophie Laurent', 'Conseil national du numérique'],
  ]);
  assert.equal(report.paragraphs.length, 1);
  assert.deepEqual(report.sections.keyIssues, ['Le coût des déplacements pour les jeunes.']);
  assert.deepEqual(report.sections.takeaways, ['Les forums doivent réserver des places aux jeunes.']);
  assert.deepEqual(report.sections.callsToAction, ['Les gouvernements doivent financer la participation des jeunes.']);
  assert.deepEqual(report.warnings, []);
});

test('role labels in es, en, pt and fr: with and without accents, any case, gendered, inclusive and plural forms', () => {
  const labels: Array<[string, string]> = [
    ['Moderadora:', 'moderator'], ['Moderador:', 'moderator'], ['MODERADOR(A):', 'moderator'], ['moderadores:', 'moderator'],
    ['Moderator:', 'moderator'], ['Modératrice :', 'moderator'], ['Moderateur:', 'moderator'], ['Mediadora:', 'moderator'],
    ['Animatrice :', 'moderator'], ['Chair:', 'moderator'], ['Moderação:', 'moderator'],
    ['Relator:', 'rapporteur'], ['Relatora:', 'rapporteur'], ['Relator(a):', 'rapporteur'], ['Relator/a:', 'rapporteur'],
    ['RELATORÍA:', 'rapporteur'], ['Rapporteur:', 'rapporteur'], ['Rapporteuse :', 'rapporteur'], ['Rapporteur·e :', 'rapporteur'],
    ['Moderación remota:', 'online_moderator'], ['Moderacion remota:', 'online_moderator'], ['MODERACIÓN REMOTA:', 'online_moderator'],
    ['Moderadora en línea:', 'online_moderator'], ['Moderador(a) remoto(a):', 'online_moderator'], ['Moderação remota:', 'online_moderator'],
    ['Moderadora online:', 'online_moderator'], ['Remote moderator:', 'online_moderator'], ['Online moderator:', 'online_moderator'],
    ['Online Moderation:', 'online_moderator'], ['Modération à distance :', 'online_moderator'], ['Moderation a distance:', 'online_moderator'],
    ['Modératrice en ligne :', 'online_moderator'], ['Moderator (online):', 'online_moderator'],
    ['Ponentes:', 'speaker'], ['Panelistas:', 'speaker'], ['Speakers:', 'speaker'], ['Palestrantes:', 'speaker'],
    ['Intervenants :', 'speaker'], ['Intervenant·e·s :', 'speaker'], ['Disertantes:', 'speaker'], ['Debatedores:', 'speaker'],
    ['Panélistes :', 'speaker'], ['Panelist:', 'speaker'],
  ];
  for (const [label, role] of labels) {
    for (const line of [`${label} Ana Pérez – ISOC Brasil`, `- ${label} Ana Pérez – ISOC Brasil`, `**${label.replace(/\s*:$/, '')}:** Ana Pérez – ISOC Brasil`]) {
      const report = draft(`Relatoría de la sesión: Prueba\n\n${line}\n\nLa sesión trató el acceso.`);
      assert.deepEqual(people(report), [[role, 'Ana Pérez', 'ISOC Brasil']], line);
    }
  }
});

test('entries: bullets -, •, *, –, numbers; the name ends at –, -, :, a comma, a bracket or a tab; honorifics and email addresses dropped', () => {
  const report = draft(`Participantes:
- Ana Pérez – Internet Society, Capítulo Uruguay
• Luis Gómez - LACNIC
* María José dos Santos: NIC.br
– Jean-Luc Martin, Université de Montréal
1. Dra. Sofía Herrera (Ministerio de Ciencia y Tecnología), Costa Rica
2) Pedro Alves
- O'Brien Kelly– ICANN
- José Pérez-Gómez -ISOC
- Marta Díaz <marta.diaz@example.org> – AGESIC
- Carlos Ruiz\tLACNIC

Texto de la sesión.`);
  assert.deepEqual(people(report), [
    ['speaker', 'Ana Pérez', 'Internet Society, Capítulo Uruguay'],
    ['speaker', 'Luis Gómez', 'LACNIC'],
    ['speaker', 'María José dos Santos', 'NIC.br'],
    ['speaker', 'Jean-Luc Martin', 'Université de Montréal'],
    ['speaker', 'Sofía Herrera', 'Ministerio de Ciencia y Tecnología, Costa Rica'],
    ['speaker', 'Pedro Alves', null],
    ['speaker', "O'Brien Kelly", 'ICANN'],
    ['speaker', 'José Pérez-Gómez', 'ISOC'],
    ['speaker', 'Marta Díaz', 'AGESIC'],
    ['speaker', 'Carlos Ruiz', 'LACNIC'],
  ]);
  assert.deepEqual(report.paragraphs, ['Texto de la sesión.']);
});

test('people without a role under "Participantes", "Participants", "Composição da mesa" are speakers; a role label inside the list wins', () => {
  for (const heading of ['Participantes:', 'PARTICIPANTS', '## Participants', 'Composição da mesa:', '**Panel**']) {
    const report = draft(`Relatoría de la sesión: Prueba\n\n${heading}\n\n- Ana Pérez – ISOC\n- Relatora: Marta Díaz – LACNIC\n- Luis Gómez – APC\n\nLa sesión trató el acceso.`);
    assert.deepEqual(people(report), [['speaker', 'Ana Pérez', 'ISOC'], ['rapporteur', 'Marta Díaz', 'LACNIC'], ['speaker', 'Luis Gómez', 'APC']], heading);
    assert.deepEqual(report.paragraphs, ['La sesión trató el acceso.'], heading);
  }
});

test('several people on one label line: semicolons, "y"/"and"/"e"/"et", and commas after a plural label', () => {
  const read = (line: string) => people(draft(`Title: Test\n\n${line}\n\nThe session was about access.`));
  assert.deepEqual(read('Ponentes: Ana Pérez (ISOC); Luis Gómez (LACNIC)'), [['speaker', 'Ana Pérez', 'ISOC'], ['speaker', 'Luis Gómez', 'LACNIC']]);
  assert.deepEqual(read('Speakers: Ana Pérez, Luis Gómez and Marta Díaz'), [['speaker', 'Ana Pérez', null], ['speaker', 'Luis Gómez', null], ['speaker', 'Marta Díaz', null]]);
  assert.deepEqual(read('Moderadoras: Ana Pérez (Ciencia y Tecnología) y Marta Díaz'), [['moderator', 'Ana Pérez', 'Ciencia y Tecnología'], ['moderator', 'Marta Díaz', null]]);
  // A name and an organisation are one person, not two.
  assert.deepEqual(read('Moderadora: Ana Pérez, Internet Society'), [['moderator', 'Ana Pérez', 'Internet Society']]);
  assert.deepEqual(read('Ponentes: Ana Pérez, ISOC Brasil'), [['speaker', 'Ana Pérez', 'ISOC Brasil']]);
});

test('the name on the line after its label, the IGF template way', () => {
  const report = draft(`Session title: Data governance in the Pacific

Moderator

Jane Doe, PICISOC

Rapporteur:
John Smith – USP

Session summary

The session discussed data governance.`);
  assert.equal(report.title, 'Data governance in the Pacific');
  assert.deepEqual(people(report), [['moderator', 'Jane Doe', 'PICISOC'], ['rapporteur', 'John Smith', 'USP']]);
  assert.deepEqual(report.paragraphs, ['The session discussed data governance.']);
});

test('dates in the four languages and their usual forms; an English date that reads two ways is not guessed', () => {
  const dateOf = (line: string, language?: 'es' | 'en' | 'pt' | 'fr') => {
    const report = draft(`Title: Test\n${line}\n\nModerator: Jane Doe\n\nThe session was about access and the text says so.`, { language });
    return [report.date, report.warnings.filter((w) => w.code.startsWith('date')).map((w) => w.code)];
  };
  assert.deepEqual(dateOf('Date: 2024-10-08'), ['2024-10-08', []]);
  assert.deepEqual(dateOf('Fecha: 08/10/2024', 'es'), ['2024-10-08', []]);
  assert.deepEqual(dateOf('Fecha: martes 8 de octubre de 2024', 'es'), ['2024-10-08', []]);
  assert.deepEqual(dateOf('Data: 1º de março de 2025', 'pt'), ['2025-03-01', []]);
  assert.deepEqual(dateOf('Date : 1er octobre 2024', 'fr'), ['2024-10-01', []]);
  assert.deepEqual(dateOf('Date: Tuesday, 8th October 2024, 10:00–11:30 UTC'), ['2024-10-08', []]);
  assert.deepEqual(dateOf('Date: October 8, 2024'), ['2024-10-08', []]);
  assert.deepEqual(dateOf('Date: 10/25/2024', 'en'), ['2024-10-25', []]);
  assert.deepEqual(dateOf('Date: 03/04/2024', 'en'), [null, ['date_ambiguous']]);
  assert.deepEqual(dateOf('Date: 31/02/2024', 'en'), [null, ['date_unreadable']]);
  assert.deepEqual(dateOf('Fecha: a definir', 'es'), [null, ['date_unreadable']]);
  assert.deepEqual(dateOf('Fecha:\n12 de noviembre de 2024', 'es'), ['2024-11-12', []]);
  assert.deepEqual(dateOf('Fecha:\n\n12 de noviembre de 2024\n', 'es'), ['2024-11-12', []]);
  assert.deepEqual(dateOf('Fecha:\n\nModerador: Ana Pérez', 'es'), [null, ['date_unreadable']]);
});

test('the language given is kept, and a text that reads otherwise is pointed out; a short text says so', () => {
  const report = draft(sample, { language: 'pt' });
  assert.equal(report.language, 'pt');
  assert.equal(report.languageSource, 'given');
  assert.deepEqual(report.warnings.filter((w) => w.line === null), [{ code: 'language_differs', line: null, given: 'pt', detected: 'es' }]);
  // "Moderador" is Spanish and Portuguese: too little to tell; the likeliest is taken, and said.
  const short = draft('Moderador: Ana Pérez');
  assert.equal(short.language, 'es');
  assert.deepEqual(short.warnings.filter((w) => w.code === 'language_undetected'), [{ code: 'language_undetected', line: null, assumed: 'es' }]);
  // No evidence at all: the platform's default language.
  assert.equal(draft('Ana Pérez – ISOC').language, 'en');
  assert.equal(draft('Moderator: Jane Doe').language, 'en');
  // Labels alone settle a short text when they belong to one language.
  assert.equal(draft('Relatoría de la sesión: Prueba\n\nModeración remota: Ana Pérez\nPonentes: Luis Gómez y Marta Díaz').language, 'es');
});

test('what the import guessed or left out is listed with its line, for the rapporteur to check', () => {
  const report = draft(`Jornada de gobernanza

Moderadora: pendiente
Relator: el relator tomó notas durante toda la sesión
Participantes:
- Ana Pérez – ISOC
- la representante del MAG
- Luis Gómez – APC
- Ana Pérez – ISOC

Texto con letras raras: la sesiÃ³n fue larga.

Conclusiones:
`);
  assert.equal(report.title, 'Jornada de gobernanza');
  assert.deepEqual(people(report), [['speaker', 'Ana Pérez', 'ISOC'], ['speaker', 'la representante del MAG', null], ['speaker', 'Luis Gómez', 'APC']]);
  assert.deepEqual(report.paragraphs, ['Relator: el relator tomó notas durante toda la sesión', 'Texto con letras raras: la sesiÃ³n fue larga.']);
  assert.deepEqual(codes(report), [
    'title_guessed@1', 'role_placeholder@3', 'role_label_in_text@4', 'not_a_name@7', 'duplicate_participant@9', 'mojibake@11', 'empty_section@13',
  ]);
});

test('nothing but text: no title, no people, said so; HTML and Markdown pass through as written for the renderer to sanitise', () => {
  const report = draft('La sesión trató el acceso <script>alert(1)</script> y **la financiación** de las iniciativas.');
  assert.equal(report.title, null);
  assert.equal(report.language, 'es');
  assert.deepEqual(report.participants, []);
  assert.deepEqual(report.paragraphs, ['La sesión trató el acceso <script>alert(1)</script> y **la financiación** de las iniciativas.']);
  assert.deepEqual(report.warnings.map((w) => w.code).sort(), ['no_participants', 'title_missing']);
});

test('the title: after an opening in any language, a first heading, a title line, or a short first line (guessed, and said so)', () => {
  const titleOf = (text: string) => {
    const report = draft(`${text}\n\nLa sesión trató el acceso a Internet en las zonas rurales y el financiamiento.`);
    return [report.title, report.warnings.filter((w) => w.code.startsWith('title')).map((w) => `${w.code}@${w.line}`)];
  };
  assert.deepEqual(titleOf('RELATORÍA DE LA SESIÓN: Acceso rural'), ['Acceso rural', []]);
  assert.deepEqual(titleOf('Relatoria da sessão: “Acesso rural”'), ['Acesso rural', []]);
  assert.deepEqual(titleOf('Compte-rendu de la session : Accès rural'), ['Accès rural', []]);
  assert.deepEqual(titleOf('**Session report: Rural access**'), ['Rural access', []]);
  assert.deepEqual(titleOf('# Acceso rural en América Latina'), ['Acceso rural en América Latina', []]);
  assert.deepEqual(titleOf('Acceso rural en América Latina\n=============================='), ['Acceso rural en América Latina', []]);
  assert.deepEqual(titleOf('SESSION REPORT\n\nTitle: Rural access'), ['Rural access', []]);
  assert.deepEqual(titleOf('Foro de Gobernanza de Internet de Uruguay 2024'), ['Foro de Gobernanza de Internet de Uruguay 2024', ['title_guessed@1']]);
  assert.deepEqual(titleOf('### Contexto'), [null, ['title_missing@null']]);
  assert.deepEqual(titleOf('Moderadora: Raquel Gatto'), [null, ['title_missing@null']]);
});
