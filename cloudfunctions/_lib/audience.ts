/**
 * Who belongs to a notice's audience. The one place that knows where group membership lives: a member belongs to
 * an association, volunteer team or course while they hold an active enrollment in it (enrollments written by the
 * enrollment function; for courses and posts this includes a waitlisted place), and to the party branch their
 * roster entry names (branchId, _lib/branch-members). Everyone else in the roster belongs to 'everyone' only.
 */
import { audienceKeyOf, type NoticeAudience } from '../../src/shared/contracts-notice';
import type { AccountDoc, EnrollmentDoc, MemberDoc } from '../../src/shared/documents';
import { branchMemberIds } from './branch-members';
import { isRevokedHelper } from './actor';
import { CodedError } from '../../src/shared/errors';
import { findEvery, type Db } from './db';

type GroupKind = 'association' | 'team' | 'course';
const GROUP_KINDS: readonly GroupKind[] = ['association', 'team', 'course'];
/** Most groups one member is in that are read (far more than anyone joins). */
const MAX_GROUPS = 200;
/** Most members a group's audience lists (a county has ~12,000 retirees). */
const MAX_GROUP_MEMBERS = 20_000;

/** The audience keys a member's notices are filed under: 'everyone' and one per group they are in. */
export async function audienceKeysOf(db: Db, memberId: string): Promise<string[]> {
  const [enrollments, member] = await Promise.all([
    db.find<Pick<EnrollmentDoc, 'kind' | 'targetId'>>('enrollments', {
      where: { memberId, status: 'active', kind: db.command.in([...GROUP_KINDS]) },
      fields: { kind: true, targetId: true },
      limit: MAX_GROUPS,
    }),
    db.byId<Pick<MemberDoc, 'branchId'>>('members', memberId),
  ]);
  const keys = new Set(['everyone']);
  if (member?.branchId) keys.add(audienceKeyOf({ kind: 'branch', id: member.branchId }));
  for (const enrollment of enrollments) keys.add(audienceKeyOf({ kind: enrollment.kind as GroupKind, id: enrollment.targetId }));
  return [...keys];
}

/** The members' where-clause of an audience (not erased), for counting and listing them. */
export async function audienceMemberWhere(db: Db, audience: NoticeAudience): Promise<Record<string, unknown>> {
  const alive = { erasedAt: null };
  if (audience.kind === 'everyone') return alive;
  if (audience.kind === 'branch') return { ...alive, _id: db.command.in(await branchMemberIds(db, audience.id)) };
  const rows = await findEvery<Pick<EnrollmentDoc, 'memberId'>>(
    db,
    'enrollments',
    { where: { kind: audience.kind, targetId: audience.id, status: 'active' }, fields: { memberId: true }, orderBy: [['_id', 'asc']] },
    MAX_GROUP_MEMBERS,
  );
  const ids = new Set(rows.map((row) => row.memberId));
  return { ...alive, _id: db.command.in([...ids]) };
}

/** The member whose notices this account reads: their own, or the one a (not revoked) helper acts for. */
export function readerMemberId(account: AccountDoc | null): string | null {
  if (!account || isRevokedHelper(account)) return null;
  return (account.role === 'helper' ? account.actsFor : account.memberId) ?? null;
}

/**
 * The notices someone may see: published ones for 'everyone' plus those of the groups of the member they are or
 * act for. Staff and people without an account see the 'everyone' ones.
 */
export async function visibleNoticesWhere(db: Db, account: AccountDoc | null): Promise<Record<string, unknown>> {
  const memberId = readerMemberId(account);
  const keys = memberId ? await audienceKeysOf(db, memberId) : ['everyone'];
  return { status: 'published', audienceKey: db.command.in(keys) };
}

/** How many members an audience reaches now (not erased). */
export async function audienceSize(db: Db, audience: NoticeAudience): Promise<number> {
  return db.count('members', await audienceMemberWhere(db, audience));
}

/**
 * Refuses a message whose audience reaches no one, with a plain reason naming it: a notice to an empty group would
 * otherwise read as sent, and its read list as read by everyone.
 */
export async function assertAudienceReachesSomeone(db: Db, audience: NoticeAudience): Promise<number> {
  const size = await audienceSize(db, audience);
  if (size > 0) return size;
  if (audience.kind === 'everyone') throw new CodedError('NOTICE.EMPTY_AUDIENCE', '花名册里还没有老同志，通知发出去谁也收不到。请先导入花名册');
  throw new CodedError('NOTICE.EMPTY_AUDIENCE', `“${audience.name}”现在没有成员，通知发出去谁也收不到。请等有人加入后再发，或者改发给全体老同志`);
}
