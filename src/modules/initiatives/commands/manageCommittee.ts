import type { CommandContext } from '../../../platform/http/env.ts';
import { newId, timestamp } from '../../../platform/db/index.ts';
import { audit } from '../../../platform/audit.ts';
import { hashSecret, newSecret } from '../../../platform/auth/tokens.ts';
import type { CommitteeInviteInput, InvitationAnswerInput } from '../schema.ts';
import { rolesOffered } from '../vocabulary.ts';

const invitationDays = 30;

/** Invites a person by email to the committee; answers the secret for the invitation link. */
export async function inviteMember(ctx: CommandContext, initiativeId: string, input: CommitteeInviteInput): Promise<string> {
  const secret = newSecret();
  await ctx.db.transaction().execute(async (tx) => {
    const id = newId();
    await tx
      .insertInto('committee_invitations')
      .values({
        id, initiative_id: initiativeId, email: input.email, role: input.role, token_hash: hashSecret(secret),
        invited_by: ctx.actor.user!.id, created_at: timestamp(ctx.now),
        expires_at: timestamp(new Date(ctx.now.getTime() + invitationDays * 86_400_000)), answered_at: null, answer: null,
      })
      .execute();
    await audit(tx, ctx.actor, ctx.now, { action: 'committee.invited', subjectType: 'initiative', subjectId: initiativeId, details: { invitation: id, role: input.role } });
  });
  return secret;
}

export type AnswerResult = 'joined' | 'declined' | 'already_member' | 'gone' | 'role_not_offered';

/** Accepts (with the group and role the invitee sits for) or declines an invitation, once. */
export async function answerInvitation(
  ctx: CommandContext,
  invitationId: string,
  answer: { accept: true; seat: InvitationAnswerInput } | { accept: false },
): Promise<AnswerResult> {
  const user = ctx.actor.user!;
  return ctx.db.transaction().execute(async (tx) => {
    const invitation = await tx.selectFrom('committee_invitations').selectAll().where('id', '=', invitationId).executeTakeFirst();
    if (!invitation || invitation.answered_at !== null || invitation.expires_at <= timestamp(ctx.now)) return 'gone';
    if (answer.accept && !rolesOffered(invitation.role).includes(answer.seat.role)) return 'role_not_offered';
    const now = timestamp(ctx.now);
    await tx
      .updateTable('committee_invitations')
      .set({ answered_at: now, answer: answer.accept ? 'accepted' : 'declined' })
      .where('id', '=', invitationId)
      .execute();
    if (!answer.accept) {
      await audit(tx, ctx.actor, ctx.now, { action: 'committee.declined', subjectType: 'initiative', subjectId: invitation.initiative_id });
      return 'declined';
    }
    const seated = await tx
      .selectFrom('committee_members')
      .select('id')
      .where('initiative_id', '=', invitation.initiative_id)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (seated) return 'already_member';
    await tx
      .insertInto('committee_members')
      .values({ id: newId(), initiative_id: invitation.initiative_id, user_id: user.id, role: answer.seat.role, stakeholder_group: answer.seat.stakeholder_group, joined_at: now })
      .execute();
    await audit(tx, ctx.actor, ctx.now, {
      action: 'committee.joined', subjectType: 'initiative', subjectId: invitation.initiative_id, isPublic: true,
      details: { name: user.name, stakeholder_group: answer.seat.stakeholder_group, role: answer.seat.role },
    });
    return 'joined';
  });
}

export type LeaveResult = 'left' | 'last_coordinator' | 'not_member';

/**
 * Takes a member off the committee (they leave, or a coordinator removes them). The last
 * coordinator cannot go: an initiative always has someone who answers for it.
 */
export async function removeFromCommittee(ctx: CommandContext, initiativeId: string, memberId: string): Promise<LeaveResult> {
  return ctx.db.transaction().execute(async (tx) => {
    const member = await tx
      .selectFrom('committee_members')
      .innerJoin('users', 'users.id', 'committee_members.user_id')
      .select(['committee_members.id', 'committee_members.role', 'committee_members.user_id', 'users.name'])
      .where('committee_members.id', '=', memberId)
      .where('committee_members.initiative_id', '=', initiativeId)
      .executeTakeFirst();
    if (!member) return 'not_member';
    if (member.role === 'coordinator') {
      const { n } = await tx
        .selectFrom('committee_members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('initiative_id', '=', initiativeId)
        .where('role', '=', 'coordinator')
        .executeTakeFirstOrThrow();
      if (Number(n) <= 1) return 'last_coordinator';
    }
    await tx.deleteFrom('committee_members').where('id', '=', memberId).execute();
    const left = member.user_id === ctx.actor.user?.id;
    await audit(tx, ctx.actor, ctx.now, {
      action: left ? 'committee.left' : 'committee.removed', subjectType: 'initiative', subjectId: initiativeId, isPublic: true,
      details: { name: member.name },
    });
    return 'left';
  });
}
