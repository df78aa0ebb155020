import type { CommandContext, SignedIn } from '../../../platform/http/env.ts';
import { lockRow, newId, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { hashSecret, newSecret } from '../../../platform/auth/tokens.ts';
import { ok, refuse, type Result } from '../../../platform/http/result.ts';
import { queueMail } from '../../../platform/mail/queue.ts';
import { notify } from '../../../platform/notifications/index.ts';
import { isLocale } from '../../../platform/i18n/index.ts';
import { accountByEmail, mailboxes, publicPeople } from '../../accounts/index.ts';
import { invitationReceived } from '../notifications.ts';
import type { CommitteeInviteInput, InvitationAnswerInput } from '../schema.ts';
import { rolesOffered } from '../vocabulary.ts';
import { registryDb } from '../tables.ts';

const invitationDays = 30;

/**
 * Invites a person by email to the committee. Nobody invites themselves or someone already
 * seated. The invitee hears of it in the same transaction: a notification if their address is a
 * verified account (in their language, linking to the invitation by its id), otherwise a mail
 * with the invitation's secret link, in their account's language or, without an account, the
 * initiative's. Answers the invitation's id.
 */
export async function inviteMember(ctx: CommandContext<SignedIn>, initiativeId: string, input: CommitteeInviteInput): Promise<Result<{ id: string }>> {
  if (input.email === ctx.actor.user.email) return refuse('initiatives.errors.invite_yourself', { field: 'email' });
  return registryDb(ctx.db).transaction().execute(async (tx) => {
    const seats = await tx.selectFrom('committee_members').select('user_id').where('initiative_id', '=', initiativeId).execute();
    const seated = [...(await mailboxes(tx, seats.map((s) => s.user_id))).values()].some((box) => box.email === input.email);
    if (seated) return refuse('initiatives.errors.already_member', { field: 'email', status: 409 });
    const initiative = await tx.selectFrom('initiatives').select(['name', 'original_locale']).where('id', '=', initiativeId).executeTakeFirstOrThrow();
    const secret = newSecret();
    const id = newId();
    await tx
      .insertInto('committee_invitations')
      .values({
        id, initiative_id: initiativeId, email: input.email, role: input.role, token_hash: hashSecret(secret),
        invited_by: ctx.actor.user.id, created_at: timestamp(ctx.now),
        expires_at: timestamp(new Date(ctx.now.getTime() + invitationDays * 86_400_000)), answered_at: null, answer: null,
      })
      .execute();
    const account = await accountByEmail(tx, input.email);
    const values = { inviter: ctx.actor.user.name, initiative: initiative.name };
    if (account?.verified) {
      await notify(ctx, tx, invitationReceived, { userId: account.id, kind: invitationReceived.kind, values, path: `/invitations/${id}` });
    } else {
      const locale = account?.locale ?? (isLocale(initiative.original_locale) ? initiative.original_locale : 'en');
      await queueMail(ctx.jobs, tx, ctx.now, { to: input.email, locale, key: 'initiatives.mail.invitation', values: { ...values, name: initiative.name }, path: `/invitations/${secret}` });
    }
    await audit(tx, ctx.actor, ctx.now, { action: 'committee.invited', subjectType: 'initiative', subjectId: initiativeId, details: { invitation: id, role: input.role } });
    return ok({ id });
  });
}

/** A coordinator withdraws an open invitation: its link stops working at once. */
export async function withdrawInvitation(ctx: CommandContext<SignedIn>, initiativeId: string, invitationId: string): Promise<Result<void>> {
  return registryDb(ctx.db).transaction().execute(async (tx) => {
    const withdrawn = await tx
      .updateTable('committee_invitations')
      .set({ answered_at: timestamp(ctx.now), answer: 'withdrawn' })
      .where('id', '=', invitationId)
      .where('initiative_id', '=', initiativeId)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    if (Number(withdrawn.numUpdatedRows) === 0) return refuse('initiatives.invitation.gone', { status: 404 });
    await audit(tx, ctx.actor, ctx.now, { action: 'committee.invitation_withdrawn', subjectType: 'initiative', subjectId: initiativeId, details: { invitation: invitationId } });
    return ok();
  });
}

export type InvitationAnswer = { accept: true; seat: InvitationAnswerInput } | { accept: false };

/**
 * Accepts (with the group and role the invitee sits for) or declines an invitation. The answer
 * is recorded only if none was before, in the same statement, so an invitation is used once
 * even when two people answer at the same instant (the second waits for the first's row lock,
 * then finds it answered).
 */
export async function answerInvitation(ctx: CommandContext<SignedIn>, invitationId: string, answer: InvitationAnswer): Promise<Result<'joined' | 'declined'>> {
  const user = ctx.actor.user;
  return registryDb(ctx.db).transaction().execute(async (tx) => {
    const invitation = await tx.selectFrom('committee_invitations').selectAll().where('id', '=', invitationId).executeTakeFirst();
    const now = timestamp(ctx.now);
    if (!invitation || invitation.answered_at !== null || invitation.expires_at <= now) return refuse('initiatives.invitation.gone', { status: 404 });
    // Bound to the invited address, whoever holds the link.
    if (invitation.email !== user.email || user.email_verified_at === null) return refuse('initiatives.invitation.gone', { status: 404 });
    if (answer.accept && !rolesOffered(invitation.role).includes(answer.seat.role)) return refuse('common.errors.invalid_choice', { field: 'role' });
    if (answer.accept) {
      // Committee changes of one initiative wait for each other: a person holding two invitations
      // to it who accepts both at once is seated once and told so the second time.
      await lockRow(tx, 'initiatives', invitation.initiative_id);
      const seated = await tx.selectFrom('committee_members').select('id').where('initiative_id', '=', invitation.initiative_id).where('user_id', '=', user.id).executeTakeFirst();
      if (seated) return refuse('initiatives.errors.already_member', { status: 409 });
    }
    const answered = await tx
      .updateTable('committee_invitations')
      .set({ answered_at: now, answer: answer.accept ? 'accepted' : 'declined' })
      .where('id', '=', invitationId)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    if (Number(answered.numUpdatedRows) === 0) return refuse('initiatives.invitation.gone', { status: 404 });
    if (!answer.accept) {
      await audit(tx, ctx.actor, ctx.now, { action: 'committee.declined', subjectType: 'initiative', subjectId: invitation.initiative_id });
      return ok('declined' as const);
    }
    await tx
      .insertInto('committee_members')
      .values({ id: newId(), initiative_id: invitation.initiative_id, user_id: user.id, role: answer.seat.role, stakeholder_group: answer.seat.stakeholder_group, joined_at: now })
      .execute();
    await audit(tx, ctx.actor, ctx.now, {
      action: 'committee.joined', subjectType: 'initiative', subjectId: invitation.initiative_id, isPublic: true,
      details: { name: user.name, stakeholder_group: answer.seat.stakeholder_group, role: answer.seat.role },
    });
    return ok('joined' as const);
  });
}

/**
 * Takes a member off the committee (they leave, or a coordinator removes them). The last
 * coordinator cannot go: an initiative always has someone who answers for it. Committee changes
 * of one initiative wait for each other, so two coordinators leaving at once cannot both go.
 */
export async function removeFromCommittee(ctx: CommandContext<SignedIn>, initiativeId: string, memberId: string): Promise<Result<'left' | 'removed'>> {
  return registryDb(ctx.db).transaction().execute(async (tx) => {
    await lockRow(tx, 'initiatives', initiativeId);
    const member = await tx
      .selectFrom('committee_members')
      .select(['id', 'role', 'user_id'])
      .where('id', '=', memberId)
      .where('initiative_id', '=', initiativeId)
      .executeTakeFirst();
    if (!member) return refuse('initiatives.errors.not_member', { status: 404 });
    if (member.role === 'coordinator') {
      const { n } = await tx
        .selectFrom('committee_members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('initiative_id', '=', initiativeId)
        .where('role', '=', 'coordinator')
        .executeTakeFirstOrThrow();
      if (Number(n) <= 1) return refuse('initiatives.errors.last_coordinator', { status: 409 });
    }
    await tx.deleteFrom('committee_members').where('id', '=', memberId).execute();
    const left = member.user_id === ctx.actor.user.id;
    const name = (await publicPeople(tx, [member.user_id])).get(member.user_id)?.name ?? '';
    await audit(tx, ctx.actor, ctx.now, {
      action: left ? 'committee.left' : 'committee.removed', subjectType: 'initiative', subjectId: initiativeId, isPublic: true, details: { name },
    });
    return ok(left ? ('left' as const) : ('removed' as const));
  });
}
