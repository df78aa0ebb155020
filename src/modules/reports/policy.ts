import type { ActorUser } from '../../platform/auth/identity.ts';
import { anyone, isSecretariat, isVerified, signedIn } from '../../platform/policy.ts';

/** The organisers: the committee of the initiative that runs the event (or of the standalone report's initiative). */
export interface Organisers {
  committee: ReadonlyArray<{ user_id: string }>;
}

/** What the rules need to know about a report, or about a session whose report is to be started. */
export interface ReportSubject {
  status: string;
  organisers: Organisers;
  /** Who may draft: the session's rapporteurs with an account, and the one the organisers named. */
  drafters: readonly string[];
}

/** An annual report, or a year without one yet (status 'none'): its initiative's committee writes it. */
export interface AnnualSubject {
  status: string;
  committee: ReadonlyArray<{ user_id: string; role: string }>;
}

const coordinates = (user: ActorUser, subject: AnnualSubject) => subject.committee.some((m) => m.user_id === user.id && m.role === 'coordinator');

const organises = (user: ActorUser, organisers: Organisers) => organisers.committee.some((m) => m.user_id === user.id);
const drafts = (user: ActorUser, report: ReportSubject) => report.drafters.includes(user.id);

/** Who may do what with session reports: one rule per action (docs/decisions/024). */
export const reportPolicy = {
  /** Published reports are public; until then, for those who write and review them, and the secretariat. */
  view: anyone<ReportSubject>((actor, r) => r.status === 'published' || (actor.user !== null && (drafts(actor.user, r) || organises(actor.user, r.organisers) || isSecretariat(actor.user)))),
  /** A session's report is started by its rapporteur or the event's organisers (a session subject has status 'none'). */
  start: signedIn<ReportSubject>((user, r) => isVerified(user) && (drafts(user, r) || organises(user, r.organisers))),
  /** A standalone report: a verified member of the named initiative's committee (the command refuses unknown initiatives). */
  startStandalone: signedIn<{ organisers: Organisers | undefined }>((user, { organisers }) => isVerified(user) && (organisers === undefined || organises(user, organisers))),
  /** Writing (and, once published, changing with a reason): the rapporteur and the organisers. */
  edit: signedIn<ReportSubject>((user, r) => drafts(user, r) || organises(user, r.organisers)),
  /** Sending it for review. */
  submit: signedIn<ReportSubject>((user, r) => drafts(user, r) || organises(user, r.organisers)),
  /** Asking for changes and publishing are the organisers'. */
  review: signedIn<ReportSubject>((user, r) => organises(user, r.organisers)),
  publish: signedIn<ReportSubject>((user, r) => organises(user, r.organisers)),
  nameRapporteur: signedIn<ReportSubject>((user, r) => organises(user, r.organisers)),
  /** An event's reports (who is late) and its deadline: its organisers. */
  manageEventReports: signedIn<Organisers>((user, organisers) => organises(user, organisers)),
  seeOwnReports: signedIn(),
  /** In search, the secretariat finds every unpublished report (as `view` lets it open them); others, those `view` lets them open. */
  findEveryDraft: signedIn<unknown>(isSecretariat),
  /** An annual report: public once published; before, its committee and the secretariat see the draft. */
  viewAnnual: anyone<AnnualSubject>((actor, a) => a.status === 'published' || (actor.user !== null && (organises(actor.user, a) || isSecretariat(actor.user)))),
  /** Its committee drafts it until it is published; a published annual report is final (a correction is next year's). */
  writeAnnual: signedIn<AnnualSubject>((user, a) => a.status !== 'published' && isVerified(user) && organises(user, a)),
  /** Publishing speaks for the initiative: its coordinators. */
  publishAnnual: signedIn<AnnualSubject>((user, a) => a.status === 'draft' && isVerified(user) && coordinates(user, a)),
};
