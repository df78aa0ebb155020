/**
 * Fair review (issue 10, item 3): the aggregate that gives every stakeholder group equal weight,
 * with the spread by group beside it, and the anonymised view of a proposal for reviewers.
 */
import { taxonomies, type StakeholderKey, type StakeholderTaxonomy } from '../../../platform/stakeholders.ts';
import { foldForSearch } from '../../../platform/text.ts';
import { normaliseText } from './people.ts';
import type { Criterion, Modality, Review, Speaker } from './types.ts';

/** The four criteria, equally weighted until the committee says otherwise. */
export const defaultCriteria: readonly Criterion[] = [
  { key: 'relevance', weight: 1 },
  { key: 'content', weight: 1 },
  { key: 'diversity', weight: 1 },
  { key: 'format', weight: 1 },
];

export const minScore = 1;
export const maxScore = 5;

export interface AggregateSettings {
  criteria: readonly Criterion[];
  taxonomy: StakeholderTaxonomy;
  /** A group whose mean is at least this loves the proposal (4: "good" on the 1–5 scale). */
  loves: number;
  /** A group whose mean is at most this rejects it (2: "poor"). */
  rejects: number;
}

export const defaultAggregateSettings: AggregateSettings = { criteria: defaultCriteria, taxonomy: taxonomies.six, loves: 4, rejects: 2 };

/**
 * One reviewer's weighted score: Σ weight × score / Σ weight over the criteria. Null when a
 * criterion is not scored yet (a half-filled form is not a review). A score outside 1–5 or not a
 * whole number is a bug upstream, not a review: it throws.
 */
export function reviewerScore(scores: Readonly<Record<string, number>>, criteria: readonly Criterion[] = defaultCriteria): number | null {
  let weighted = 0;
  let weights = 0;
  for (const { key, weight } of criteria) {
    if (!(weight > 0)) throw new RangeError(`criterion ${key}: the weight must be positive`);
    const score = scores[key];
    if (score === undefined || score === null) return null;
    if (!Number.isInteger(score) || score < minScore || score > maxScore) throw new RangeError(`criterion ${key}: ${score} is not a score from ${minScore} to ${maxScore}`);
    weighted += weight * score;
    weights += weight;
  }
  return weights > 0 ? weighted / weights : null;
}

export interface GroupScore {
  group: StakeholderKey;
  /** The mean of this group's reviewers' weighted scores. */
  mean: number;
  reviewers: number;
}

export interface Aggregate {
  /** The mean of the groups' means: each stakeholder group weighs the same, however many reviewed. Null with no complete review. */
  score: number | null;
  /** The plain mean over reviewers, for comparison (a group with more reviewers weighs more in it). */
  reviewerMean: number | null;
  /** Groups that reviewed, in the taxonomy's order. */
  groups: GroupScore[];
  /** The lowest and highest group means. */
  spread: { min: number; max: number } | null;
  /**
   * Divided: at least one group loves it (mean ≥ `loves`) while at least one other rejects it
   * (mean ≤ `rejects`). A mean of the groups' means alone would hide that; this flags it.
   */
  divided: boolean;
  loving: StakeholderKey[];
  rejecting: StakeholderKey[];
  /** Complete reviews counted. */
  reviews: number;
  /** Reviewers whose forms still miss a criterion, not counted. */
  incomplete: string[];
}

/** The aggregate of one proposal's reviews. */
export function aggregateReviews(reviews: readonly Review[], settings: Partial<AggregateSettings> = {}): Aggregate {
  const { criteria, taxonomy, loves, rejects } = { ...defaultAggregateSettings, ...settings };
  const byGroup = new Map<StakeholderKey, number[]>();
  const incomplete: string[] = [];
  const all: number[] = [];
  for (const review of reviews) {
    const score = reviewerScore(review.scores, criteria);
    if (score === null) {
      incomplete.push(review.reviewerId);
      continue;
    }
    const group = taxonomy.groupOf(review.stakeholderGroup);
    byGroup.set(group, [...(byGroup.get(group) ?? []), score]);
    all.push(score);
  }
  const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const groups = taxonomy.groups.filter((g) => byGroup.has(g)).map((group) => ({ group, mean: mean(byGroup.get(group)!), reviewers: byGroup.get(group)!.length }));
  const means = groups.map((g) => g.mean);
  const loving = groups.filter((g) => g.mean >= loves).map((g) => g.group);
  const rejecting = groups.filter((g) => g.mean <= rejects).map((g) => g.group);
  return {
    score: groups.length ? mean(means) : null,
    reviewerMean: all.length ? mean(all) : null,
    groups,
    spread: groups.length ? { min: Math.min(...means), max: Math.max(...means) } : null,
    divided: loving.length > 0 && rejecting.length > 0,
    loving,
    rejecting,
    reviews: all.length,
    incomplete: incomplete.sort(),
  };
}

/** A person as a proposal shows them to the committee. */
export type PersonView = Speaker;

/** A proposal as the programme committee reads it. */
export interface ProposalView {
  id: string;
  title: string;
  description: string;
  policyQuestions: readonly string[];
  format: string;
  track?: string | null;
  modality: Modality;
  organisers: readonly PersonView[];
  speakers: readonly PersonView[];
  moderator?: PersonView | null;
  onlineModerator?: PersonView | null;
  rapporteur?: PersonView | null;
  /** The call's extra questions: question key → answer. */
  answers?: Readonly<Record<string, string>>;
}

/** A person with nothing that names them: what they bring to the session's balance stays. */
export interface AnonymousPerson {
  stakeholderGroup: StakeholderKey | null;
  country: string | null;
  gender: string | null;
  presence: 'onsite' | 'online' | null;
  confirmed: boolean;
}

export interface AnonymousProposal extends Omit<ProposalView, 'organisers' | 'speakers' | 'moderator' | 'onlineModerator' | 'rapporteur'> {
  organisers: AnonymousPerson[];
  speakers: AnonymousPerson[];
  /** Whether the session has each role filled, without saying by whom. */
  moderator: boolean;
  onlineModerator: boolean;
  rapporteur: boolean;
}

const anonymous = (person: PersonView): AnonymousPerson => ({
  stakeholderGroup: person.stakeholderGroup ?? null,
  country: person.country ?? null,
  gender: person.gender ?? null,
  presence: person.presence ?? null,
  confirmed: person.confirmed ?? false,
});

/**
 * The proposal with its people's names and organisations removed, also where the proposers wrote
 * them into the texts (whole words, whatever the case or accents): each is replaced by `redacted`,
 * the reader's word for "withheld".
 */
export function anonymiseProposal(proposal: ProposalView, redacted: string): AnonymousProposal {
  const people = [...proposal.organisers, ...proposal.speakers, proposal.moderator, proposal.onlineModerator, proposal.rapporteur].filter((p): p is PersonView => !!p);
  const needles = people.flatMap((p) => [p.name, p.organisation ?? '']);
  const scrub = (text: string) => redact(text, needles, redacted);
  const filled = (person: PersonView | null | undefined) => !!person?.name?.trim();
  return {
    id: proposal.id,
    title: scrub(proposal.title),
    description: scrub(proposal.description),
    policyQuestions: proposal.policyQuestions.map(scrub),
    format: proposal.format,
    track: proposal.track ?? null,
    modality: proposal.modality,
    organisers: proposal.organisers.map(anonymous),
    speakers: proposal.speakers.map(anonymous),
    moderator: filled(proposal.moderator),
    onlineModerator: filled(proposal.onlineModerator),
    rapporteur: filled(proposal.rapporteur),
    ...(proposal.answers ? { answers: Object.fromEntries(Object.entries(proposal.answers).map(([key, answer]) => [key, scrub(answer)])) } : {}),
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every whole-word occurrence of the needles in text, ignoring case and accents. */
export function redact(text: string, needles: readonly string[], replacement: string): string {
  // Fold character by character, remembering where each folded character came from.
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const char of text) {
    const f = foldForSearch(char);
    for (let i = 0; i < f.length; i++) {
      from.push(offset);
      to.push(offset + char.length);
    }
    folded += f;
    offset += char.length;
  }
  const ranges: [number, number][] = [];
  for (const needle of new Set(needles.map(normaliseText).filter((n) => n !== ''))) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${needle.split(' ').map(escape).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'gu');
    for (const match of folded.matchAll(pattern)) {
      let end = to[match.index + match[0].length - 1]!;
      // Accents written as separate marks after the last letter fold to nothing: they go too.
      while (end < text.length && /\p{M}/u.test(text[end]!)) end++;
      ranges.push([from[match.index]!, end]);
    }
  }
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let result = '';
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (end <= cursor) continue;
    result += text.slice(cursor, Math.max(cursor, start)) + (start >= cursor ? replacement : '');
    cursor = end;
  }
  return result + text.slice(cursor);
}
