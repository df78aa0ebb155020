import { test } from 'node:test';
import assert from 'node:assert/strict';
import { taxonomies } from '../../../platform/stakeholders.ts';
import { aggregateReviews, anonymiseProposal, redact, reviewerScore, type ProposalView } from './review.ts';
import type { Review } from './types.ts';

const all = (score: number) => ({ relevance: score, content: score, diversity: score, format: score });
const review = (reviewerId: string, stakeholderGroup: Review['stakeholderGroup'], scores: Record<string, number>): Review => ({ reviewerId, stakeholderGroup, scores });

test("a reviewer's score is the weighted mean of the criteria", () => {
  assert.equal(reviewerScore({ relevance: 5, content: 3, diversity: 4, format: 2 }), 3.5);
  const weighted = [{ key: 'relevance', weight: 3 }, { key: 'content', weight: 1 }];
  assert.equal(reviewerScore({ relevance: 5, content: 1 }, weighted), 4);
  // A form with a criterion left blank is not a review yet.
  assert.equal(reviewerScore({ relevance: 5 }, weighted), null);
  assert.throws(() => reviewerScore({ relevance: 6, content: 1 }, weighted), RangeError);
  assert.throws(() => reviewerScore({ relevance: 2.5, content: 1 }, weighted), RangeError);
  assert.throws(() => reviewerScore({ relevance: 0, content: 1 }, weighted), RangeError);
  assert.throws(() => reviewerScore({ relevance: 3, content: 1 }, [{ key: 'relevance', weight: 0 }]), RangeError);
});

test('every stakeholder group weighs the same, however many of its members reviewed', () => {
  // Four private-sector reviewers love it; one from civil society and one from government reject it.
  const reviews = [
    review('r1', 'private_sector', all(5)),
    review('r2', 'private_sector', all(5)),
    review('r3', 'private_sector', all(5)),
    review('r4', 'private_sector', all(5)),
    review('r5', 'civil_society', all(1)),
    review('r6', 'government', all(2)),
  ];
  const aggregate = aggregateReviews(reviews);
  assert.equal(aggregate.reviewerMean, 23 / 6); // the plain mean would say "good"
  assert.equal(aggregate.score, (5 + 1 + 2) / 3); // the groups' mean says otherwise
  assert.deepEqual(aggregate.groups, [
    { group: 'government', mean: 2, reviewers: 1 },
    { group: 'civil_society', mean: 1, reviewers: 1 },
    { group: 'private_sector', mean: 5, reviewers: 4 },
  ]);
  assert.deepEqual(aggregate.spread, { min: 1, max: 5 });
  // Loved by one group, rejected by the others: flagged.
  assert.equal(aggregate.divided, true);
  assert.deepEqual(aggregate.loving, ['private_sector']);
  assert.deepEqual(aggregate.rejecting, ['government', 'civil_society']);
  assert.equal(aggregate.reviews, 6);
});

test('agreement is not flagged; a lukewarm group is neither loving nor rejecting', () => {
  const aggregate = aggregateReviews([review('a', 'government', all(4)), review('b', 'academia', all(3)), review('c', 'civil_society', { relevance: 5, content: 4, diversity: 4, format: 4 })]);
  assert.equal(aggregate.divided, false);
  assert.deepEqual(aggregate.loving, ['government', 'civil_society']);
  assert.deepEqual(aggregate.rejecting, []);
  assert.deepEqual(aggregate.spread, { min: 3, max: 4.25 });
  // The thresholds are settings.
  assert.equal(aggregateReviews([review('a', 'government', all(4)), review('b', 'academia', all(3))], { rejects: 3 }).divided, true);
});

test('incomplete forms are listed and not counted; no review at all gives no score', () => {
  const aggregate = aggregateReviews([review('z', 'government', { relevance: 4 }), review('a', 'academia', all(4))]);
  assert.equal(aggregate.score, 4);
  assert.deepEqual(aggregate.incomplete, ['z']);
  assert.equal(aggregate.reviews, 1);
  const none = aggregateReviews([]);
  assert.deepEqual([none.score, none.reviewerMean, none.spread, none.divided, none.groups], [null, null, null, false, []]);
});

test('the taxonomy decides the groups: under the IGF five, academia and the technical community are one group', () => {
  const reviews = [review('a', 'academia', all(5)), review('b', 'technical_community', all(3)), review('c', 'government', all(1))];
  assert.equal(aggregateReviews(reviews).score, 3);
  const five = aggregateReviews(reviews, { taxonomy: taxonomies.igf });
  assert.deepEqual(five.groups, [{ group: 'government', mean: 1, reviewers: 1 }, { group: 'technical_community', mean: 4, reviewers: 2 }]);
  assert.equal(five.score, 2.5);
});

test('anonymised proposals keep what reviewers judge and lose every name and organisation, also inside the texts', () => {
  const proposal: ProposalView = {
    id: 'p1',
    title: 'Conectividad rural con Colnodo',
    description: 'María José Pérez (COLNODO) y maria jose perez de nuevo; Internet Society apoya. Colnodos no es un nombre.',
    policyQuestions: ['¿Qué aprendió la Internet  Society?'],
    format: 'panel',
    track: 'access',
    modality: 'hybrid',
    organisers: [{ id: 'u1', name: 'María José Pérez', organisation: 'Colnodo', stakeholderGroup: 'civil_society', country: 'CO' }],
    speakers: [{ name: 'Lee', organisation: 'Internet Society', stakeholderGroup: 'technical_community', gender: 'woman', presence: 'online', confirmed: true }],
    moderator: { name: 'Diego' },
    onlineModerator: null,
    answers: { youth: 'Diego coordina a los jóvenes.' },
  };
  const view = anonymiseProposal(proposal, '[…]');
  assert.equal(view.title, 'Conectividad rural con […]');
  assert.equal(view.description, '[…] ([…]) y […] de nuevo; […] apoya. Colnodos no es un nombre.');
  assert.deepEqual(view.policyQuestions, ['¿Qué aprendió la […]?']);
  assert.deepEqual(view.answers, { youth: '[…] coordina a los jóvenes.' });
  assert.deepEqual(view.speakers, [{ stakeholderGroup: 'technical_community', country: null, gender: 'woman', presence: 'online', confirmed: true }]);
  assert.deepEqual(view.organisers, [{ stakeholderGroup: 'civil_society', country: 'CO', gender: null, presence: null, confirmed: false }]);
  assert.deepEqual([view.moderator, view.onlineModerator, view.rapporteur], [true, false, false]);
  const text = JSON.stringify(view);
  for (const secret of ['María', 'Colnodo"', 'Lee', 'u1', 'Diego']) assert.ok(!text.includes(secret), `${secret} leaked`);
});

test('redaction keeps the rest of the text exactly as written', () => {
  assert.equal(redact('Ünïcode ÜNICODE unicode!', ['unicode'], '•'), '• • •!');
  assert.equal(redact('nothing to hide', ['Ana'], '•'), 'nothing to hide');
  assert.equal(redact('Ana Banana', ['Ana', 'Ana Banana'], '•'), '•');
  assert.equal(redact('text with e\u0301 accent: Jose\u0301 came', ['José'], '•'), 'text with e\u0301 accent: • came');
});
