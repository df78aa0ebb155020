import type { ActorUser } from '../../platform/auth/identity.ts';
import { anyone, isSecretariat, isVerified, signedIn } from '../../platform/policy.ts';

/** What the rules need to know about an initiative: who sits on its committee (the event's organisers). */
export interface Organisers {
  committee: ReadonlyArray<{ user_id: string }>;
}

/** What the rules need to know about an event: its status and its organisers. */
export interface EventSubject {
  status: string;
  initiative: Organisers;
  /** The visitor's own registration to the event, when the page has looked it up (registration/). */
  myRegistration?: { status: string } | null;
}

/** What the rules need to know about a proposal: who proposed it, whether it was ever submitted, and its event. */
export interface ProposalSubject {
  proposer_id: string | null;
  submitted_at: string | null;
  event: EventSubject;
}

/** What the live queue's rules need (docs/decisions/021): the event, the session's online moderators with an account, and whether the visitor is registered. */
export interface FloorSubject {
  event: EventSubject;
  moderators: ReadonlyArray<{ user_id: string | null }>;
  registered: boolean;
}

/** What the review's rules need: the event, and its programme committee (docs/decisions/020). */
export interface ReviewSubject extends EventSubject {
  members: ReadonlyArray<{ user_id: string; is_chair: boolean }>;
}

/** A proposal under review: its event's committee, and who is assigned to review it. */
export interface ReviewedProposalSubject extends ReviewSubject {
  reviewers: readonly string[];
}

const chairs = (user: ActorUser, subject: ReviewSubject) => subject.members.some((m) => m.user_id === user.id && m.is_chair);

const organises = (user: ActorUser, initiative: Organisers) => initiative.committee.some((m) => m.user_id === user.id);

/** Who may do what with events: one rule per action. The organisers are the initiative's committee. */
export const eventPolicy = {
  /** Published and closed events are public; drafts are for their organisers and the secretariat. */
  view: anyone<EventSubject>((actor, event) => event.status !== 'draft' || (actor.user !== null && (organises(actor.user, event.initiative) || isSecretariat(actor.user)))),
  /** A verified member of the initiative's committee creates its events. */
  create: signedIn<Organisers>((user, initiative) => isVerified(user) && organises(user, initiative)),
  /** Through the API the initiative is named in the body: a known one must be the caller's (the command refuses unknown ones). */
  createNamed: signedIn<{ initiative: Organisers | undefined }>((user, { initiative }) => isVerified(user) && (initiative === undefined || organises(user, initiative))),
  edit: signedIn<EventSubject>((user, event) => organises(user, event.initiative)),
  publish: signedIn<EventSubject>((user, event) => organises(user, event.initiative)),
  close: signedIn<EventSubject>((user, event) => organises(user, event.initiative)),
  manageRooms: signedIn<EventSubject>((user, event) => organises(user, event.initiative)),
  /** Rooms' online links are for those with a confirmed registration, the organisers and the secretariat (decision 018). */
  seeOnlineLinks: signedIn<EventSubject>((user, event) => organises(user, event.initiative) || isSecretariat(user) || event.myRegistration?.status === 'confirmed'),
  /** The program (sessions, their places, publishing versions) is the organisers'. */
  manageProgram: signedIn<EventSubject>((user, event) => organises(user, event.initiative)),
  seeOwnEvents: signedIn(),
  /** The call's settings and the list of proposals are for the organisers (docs/decisions/017). */
  editCall: signedIn<EventSubject>((user, event) => organises(user, event.initiative)),
  seeProposals: signedIn<EventSubject>((user, event) => organises(user, event.initiative)),
  /** A verified person proposes a session to a published event; whether its call is open is the command's to say. */
  propose: signedIn<EventSubject>((user, event) => isVerified(user) && event.status === 'published'),
  /** A proposal is its proposer's; the organisers see it once it was submitted (a draft is the proposer's own). */
  seeProposal: signedIn<ProposalSubject>((user, p) => p.proposer_id === user.id || (p.submitted_at !== null && organises(user, p.event.initiative))),
  editProposal: signedIn<ProposalSubject>((user, p) => p.proposer_id === user.id),
  withdrawProposal: signedIn<ProposalSubject>((user, p) => p.proposer_id === user.id),
  seeOwnProposals: signedIn(),
  /** A verified person registers to an event they can see (the command checks it takes registrations). */
  register: signedIn<EventSubject>((user) => isVerified(user)),
  cancelOwnRegistration: signedIn<EventSubject>(),
  /** The cancellation link in the mail needs no session: its secret is the authority. */
  cancelByLink: anyone<EventSubject>(),
  /** Who registered, with names and addresses, is personal data: the organisers only, not the secretariat (decision 018). */
  seeRegistrations: signedIn<EventSubject>((user, event) => organises(user, event.initiative)),
  setCapacity: signedIn<EventSubject>((user, event) => organises(user, event.initiative)),
  /** The live queue (floor/): a verified person registered for a published event asks for the floor or a question. */
  joinQueue: signedIn<FloorSubject>((user, s) => isVerified(user) && s.event.status === 'published' && s.registered),
  /** The session's online moderators (people linked to an account) and the event's organisers run its queue. */
  moderateFloor: signedIn<FloorSubject>((user, s) => s.moderators.some((m) => m.user_id === user.id) || organises(user, s.event.initiative)),
  /** The queue's stream and withdrawing one's own request: those who may ask, and those who moderate. */
  followQueue: signedIn<FloorSubject>((user, s) => (isVerified(user) && s.event.status === 'published' && s.registered) || s.moderators.some((m) => m.user_id === user.id) || organises(user, s.event.initiative)),
  /** Participation statistics (stats/): public once published, like the event; only counts, never people. */
  seeStatistics: anyone<EventSubject>((actor, event) => event.status !== 'draft' || (actor.user !== null && organises(actor.user, event.initiative))),
  /** The programme committee (review/): the organisers seat it; the chair assigns and decides; members review what they are given. */
  manageCommittee: signedIn<ReviewSubject>((user, s) => organises(user, s.initiative)),
  seeCommittee: signedIn<ReviewSubject>((user, s) => organises(user, s.initiative) || s.members.some((m) => m.user_id === user.id)),
  chairReview: signedIn<ReviewSubject>(chairs),
  reviewProposal: signedIn<ReviewedProposalSubject>((user, s) => s.reviewers.includes(user.id)),
  decideProposal: signedIn<ReviewedProposalSubject>(chairs),
  /** The secretariat finds every draft in search. */
  findEveryDraft: signedIn<unknown>(isSecretariat),
  /** The installation's topic taxonomy (docs/decisions/027): the secretariat adds, renames and retires topics. */
  manageTopics: signedIn<unknown>(isSecretariat),
};

/** Whether a reader may see an event (a draft is its organisers' and the secretariat's): for modules that name one (docs/decisions/040). */
export const eventVisibleTo = eventPolicy.view;
