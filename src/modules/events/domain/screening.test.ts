import { test } from 'node:test';
import assert from 'node:assert/strict';
import { taxonomies } from '../../../platform/stakeholders.ts';
import { screeningContext, screeningMessageKeys, screeningRules, screenProposal, type ScreeningResult, type ScreeningRule } from './screening.ts';
import type { ProposalDraft, Speaker } from './types.ts';

const ana: Speaker = { id: 'p-ana', name: 'Ana Pérez', organisation: 'Ministerio TIC', stakeholderGroup: 'government', gender: 'mujer', confirmed: true };
const bruno: Speaker = { id: 'p-bruno', name: 'Bruno Silva', organisation: 'NIC.br', stakeholderGroup: 'technical_community', gender: 'hombre', confirmed: true };
const chloe: Speaker = { name: 'Chloé Martin', organisation: 'Internet Society', stakeholderGroup: 'civil_society', gender: 'mujer' };

/** A hybrid proposal that passes every rule. */
const good: ProposalDraft = {
  modality: 'hybrid',
  organisers: [{ id: 'p-org', name: 'Olga Ruiz', organisation: 'Colnodo' }],
  speakers: [ana, bruno, chloe],
  moderator: { name: 'Diego Gómez' },
  onlineModerator: { name: 'Eva López' },
  rapporteur: { name: 'Fabio Costa' },
};

const result = <R extends ScreeningRule>(results: ScreeningResult[], rule: R) => results.find((r) => r.rule === rule) as Extract<ScreeningResult, { rule: R }>;

test('a complete hybrid proposal passes every rule, and every rule answers once, in order', () => {
  const screening = screenProposal(good);
  assert.equal(screening.passed, true);
  assert.deepEqual(screening.results.map((r) => r.rule), [...screeningRules]);
  assert.ok(screening.results.every((r) => r.passed));
  assert.deepEqual(screeningMessageKeys, screeningRules.map((rule) => `events.screening.${rule}`));
  assert.deepEqual(result(screening.results, 'min_speakers').data, { speakers: 3, confirmed: 2, required: 3 });
  assert.deepEqual(result(screening.results, 'stakeholder_groups').data, { groups: ['government', 'civil_society', 'technical_community'], count: 3, required: 3, withoutGroup: 0 });
});

test('too few speakers fails, and the same person typed twice is one speaker', () => {
  const twice = screenProposal({ ...good, speakers: [ana, bruno, { name: '  ana  PEREZ ', organisation: 'ministerio tic' }] });
  assert.equal(twice.passed, false);
  assert.deepEqual(result(twice.results, 'min_speakers'), { rule: 'min_speakers', applies: true, passed: false, data: { speakers: 2, confirmed: 2, required: 3 } });
  // A speaker row left blank is not a speaker.
  const blank = screenProposal({ ...good, speakers: [ana, bruno, { name: '   ' }] });
  assert.equal(result(blank.results, 'min_speakers').data.speakers, 2);
  // The number is configurable.
  assert.equal(screenProposal({ ...good, speakers: [ana, bruno] }, { settings: { minSpeakers: 2, minStakeholderGroups: 2 } }).passed, true);
});

test('speakers must come from enough stakeholder groups; the taxonomy decides what counts as one', () => {
  const academic: Speaker = { name: 'Gabriela Rojas', organisation: 'Universidad de Chile', stakeholderGroup: 'academia', gender: 'mujer' };
  const proposal = { ...good, speakers: [ana, bruno, academic, { name: 'Hugo', stakeholderGroup: null }] };
  const six = result(screenProposal(proposal).results, 'stakeholder_groups');
  assert.equal(six.passed, true);
  assert.deepEqual(six.data, { groups: ['government', 'technical_community', 'academia'], count: 3, required: 3, withoutGroup: 1 });
  // Under the IGF's five, academia is the technical community: two groups only.
  const five = result(screenProposal(proposal, { settings: { taxonomy: taxonomies.igf } }).results, 'stakeholder_groups');
  assert.equal(five.passed, false);
  assert.deepEqual(five.data.groups, ['government', 'technical_community']);
  // Four required: fails even under six.
  assert.equal(result(screenProposal(proposal, { settings: { minStakeholderGroups: 4 } }).results, 'stakeholder_groups').passed, false);
});

test('not all of one gender: stated genders only, compared without case or accents', () => {
  const women = [ana, { ...bruno, gender: ' Mujer ' }, chloe];
  const same = result(screenProposal({ ...good, speakers: women }).results, 'gender_diversity');
  assert.deepEqual(same, { rule: 'gender_diversity', applies: true, passed: false, data: { genders: ['mujer'], stated: 3, speakers: 3 } });
  // An unknown gender neither breaks nor makes diversity: two women and one unstated still fail.
  const unstated = result(screenProposal({ ...good, speakers: [ana, chloe, { ...bruno, gender: '' }] }).results, 'gender_diversity');
  assert.equal(unstated.applies, true);
  assert.equal(unstated.passed, false);
  assert.deepEqual(unstated.data, { genders: ['mujer'], stated: 2, speakers: 3 });
  // With fewer than two stated genders there is nothing to compare: the rule does not apply.
  const none = screenProposal({ ...good, speakers: [{ ...ana, gender: null }, { ...bruno, gender: undefined }, chloe] });
  assert.deepEqual(result(none.results, 'gender_diversity'), { rule: 'gender_diversity', applies: false, passed: true, data: { genders: ['mujer'], stated: 1, speakers: 3 } });
  assert.equal(none.passed, true);
  // A third self-description is a gender like any other.
  assert.equal(result(screenProposal({ ...good, speakers: [ana, chloe, { ...bruno, gender: 'no binario' }] }).results, 'gender_diversity').passed, true);
});

test('moderators: onsite where there is a room, online where there are online participants', () => {
  const noModerators = { ...good, moderator: null, onlineModerator: { name: ' ' } };
  const hybrid = screenProposal(noModerators);
  assert.deepEqual(result(hybrid.results, 'onsite_moderator'), { rule: 'onsite_moderator', applies: true, passed: false, data: { name: null } });
  assert.deepEqual(result(hybrid.results, 'online_moderator'), { rule: 'online_moderator', applies: true, passed: false, data: { name: null } });
  const online = screenProposal({ ...noModerators, modality: 'online' });
  assert.equal(result(online.results, 'onsite_moderator').applies, false);
  assert.equal(result(online.results, 'online_moderator').passed, false);
  const inPerson = screenProposal({ ...noModerators, modality: 'in_person' });
  assert.equal(result(inPerson.results, 'onsite_moderator').passed, false);
  assert.deepEqual(result(inPerson.results, 'online_moderator'), { rule: 'online_moderator', applies: false, passed: true, data: { name: null } });
  assert.equal(screenProposal({ ...noModerators, modality: 'in_person', moderator: { name: 'Diego' } }).passed, true);
  assert.equal(screenProposal({ ...noModerators, modality: 'online', onlineModerator: { name: 'Eva' } }).passed, true);
});

test('a named rapporteur is required', () => {
  const screening = screenProposal({ ...good, rapporteur: undefined });
  assert.equal(screening.passed, false);
  assert.deepEqual(result(screening.results, 'rapporteur'), { rule: 'rapporteur', applies: true, passed: false, data: { name: null } });
  assert.deepEqual(result(screenProposal(good).results, 'rapporteur').data, { name: 'Fabio Costa' });
});

test('no speaker in more than three sessions of the event, the person recognised by id or by name and organisation', () => {
  const eventSessions = [
    { id: 's1', speakers: [{ id: 'p-ana', name: 'A. Pérez' }, { name: 'Chloe MARTIN', organisation: 'internet  society' }] },
    { id: 's2', speakers: [{ name: 'ana pérez', organisation: 'MINISTERIO TIC' }, { name: 'Chloé Martin', organisation: 'Internet Society' }] },
    { id: 's3', speakers: [{ id: 'p-ana', name: 'Ana Pérez' }] },
    // Same name, another organisation: another person.
    { id: 's4', speakers: [{ name: 'Chloé Martin', organisation: 'ICANN' }] },
  ];
  const screening = screenProposal(good, { eventSessions });
  const rule = result(screening.results, 'speaker_sessions');
  assert.equal(rule.passed, false);
  assert.deepEqual(rule.data, { max: 3, over: [{ name: 'Ana Pérez', sessions: 4, otherSessionIds: ['s1', 's2', 's3'] }] });
  // Chloé is in s1, s2 and this one: three, allowed.
  // The proposal itself, once stored, is among the event's sessions and is not counted twice.
  const stored = screenProposal({ ...good, id: 's3' }, { eventSessions });
  assert.equal(result(stored.results, 'speaker_sessions').passed, true);
  // The limit is configurable.
  const two = result(screenProposal({ ...good, id: 's3' }, { eventSessions, settings: { maxSessionsPerSpeaker: 2 } }).results, 'speaker_sessions');
  assert.deepEqual(two.data.over.map((o) => [o.name, o.sessions]), [['Ana Pérez', 3], ['Chloé Martin', 3]]);
});

test("namesakes with different ids are two people; a name without an id is matched only when that is unambiguous", () => {
  const eventSessions = [
    { id: 's1', speakers: [{ id: 'x1', name: 'José Díaz', organisation: 'ONG' }] },
    { id: 's2', speakers: [{ id: 'x2', name: 'José Díaz', organisation: 'ONG' }] },
    { id: 's3', speakers: [{ id: 'x1', name: 'José Díaz', organisation: 'ONG' }] },
  ];
  const proposal = { ...good, speakers: [ana, bruno, { id: 'x2', name: 'José Díaz', organisation: 'ONG' }] };
  assert.equal(result(screenProposal(proposal, { eventSessions, settings: { maxSessionsPerSpeaker: 2 } }).results, 'speaker_sessions').passed, true);
  // Typed without an id, "José Díaz, ONG" could be either: counted as neither.
  const typed = { ...good, speakers: [ana, bruno, { name: 'jose diaz', organisation: 'ong' }] };
  assert.equal(result(screenProposal(typed, { eventSessions, settings: { maxSessionsPerSpeaker: 1 } }).results, 'speaker_sessions').passed, true);
  // With one id known for that name, the typed name is that person.
  const one = eventSessions.filter((s) => s.id !== 's2');
  const counted = result(screenProposal(typed, { eventSessions: one }).results, 'speaker_sessions');
  assert.equal(counted.passed, true);
  assert.equal(result(screenProposal(typed, { eventSessions: one, settings: { maxSessionsPerSpeaker: 2 } }).results, 'speaker_sessions').data.over[0]?.sessions, 3);
});

test("an organiser with an overdue report fails the last rule; nobody overdue passes it", () => {
  assert.equal(result(screenProposal(good, { overdueReportOrganisers: [] }).results, 'reports_filed').passed, true);
  const byId = screenProposal(good, { overdueReportOrganisers: [{ id: 'p-org', name: 'O. Ruiz' }] });
  assert.equal(byId.passed, false);
  assert.deepEqual(result(byId.results, 'reports_filed').data, { organisers: ['Olga Ruiz'] });
  const byName = screenProposal(good, { overdueReportOrganisers: [{ name: 'OLGA ruiz', organisation: 'colnodo' }] });
  assert.equal(result(byName.results, 'reports_filed').passed, false);
  const someoneElse = screenProposal(good, { overdueReportOrganisers: [{ id: 'p-other', name: 'Olga Ruiz', organisation: 'Otra' }] });
  assert.equal(result(someoneElse.results, 'reports_filed').passed, true);
});

test('a bare draft fails what it lacks and says so, rule by rule', () => {
  const screening = screenProposal({ modality: 'online', organisers: [], speakers: [] });
  assert.equal(screening.passed, false);
  const failed = screening.results.filter((r) => r.applies && !r.passed).map((r) => r.rule);
  assert.deepEqual(failed, ['min_speakers', 'stakeholder_groups', 'online_moderator', 'rapporteur']);
});

test('a context prepared once screens every proposal of the event as screening each alone does', () => {
  const proposals: ProposalDraft[] = [
    { ...good, id: 's1' },
    { ...good, id: 's2', speakers: [ana, { ...bruno, id: null }, { name: 'Chloe Martin', organisation: 'Internet Society', gender: 'hombre' }] },
    { ...good, id: 's3', speakers: [ana, chloe], modality: 'online' },
    { ...good, id: 's4', speakers: [{ ...ana, id: null }] },
  ];
  const input = { eventSessions: proposals.map((p) => ({ id: p.id!, speakers: p.speakers })), overdueReportOrganisers: [{ name: 'Olga Ruiz', organisation: 'colnodo' }], settings: { maxSessionsPerSpeaker: 2 } };
  const context = screeningContext(input);
  for (const proposal of proposals) assert.deepEqual(screenProposal(proposal, context), screenProposal(proposal, input));
  // Ana is in all four: each proposal sees her in four sessions, itself counted once.
  const over = result(screenProposal(proposals[0]!, context).results, 'speaker_sessions').data.over;
  assert.deepEqual(over.map((o) => [o.name, o.sessions, o.otherSessionIds]), [['Ana Pérez', 4, ['s2', 's3', 's4']], ['Chloé Martin', 3, ['s2', 's3']]]);
});
