/** The member's own profile (我的资料): read, correct, and the short `me` summary. */
import { SKILL_OPTIONS, type EditableField, type ProfileData, type UpdateProfileRequest } from '../../src/shared/contracts-member';
import type { MeData } from '../../src/shared/contracts';
import type { AccountDoc, DeletionRequestDoc, MemberDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { maskPhone } from '../../src/shared/mask';
import { personOf } from '../../src/shared/person';
import { assertNotRevoked, recordIfOnBehalf, type Actor } from '../_lib/actor';
import { toIso, type Db } from '../_lib/db';
import { pointsSummary } from '../_domain/points/summary';
import { updateWhere } from '../_lib/writes';
import { bureauInfo } from '../_lib/settings';

const EDITABLE: EditableField[] = ['phone', 'town', 'community', 'skills', 'emergencyContact', 'largeText'];
const FIELD_LABELS: Record<EditableField, string> = {
  phone: '电话',
  town: '乡镇（街道）',
  community: '社区（村）',
  skills: '特长',
  emergencyContact: '紧急联系人',
  largeText: '大字设置',
};

export async function memberOf(db: Db, memberId: string): Promise<MemberDoc> {
  const member = await db.byId<MemberDoc>('members', memberId);
  if (!member || member.erasedAt) throw new CodedError('DATA.NOT_FOUND');
  return member;
}

export async function loadProfile(db: Db, actor: Actor): Promise<ProfileData> {
  const [member, deletion] = await Promise.all([
    memberOf(db, actor.memberId),
    db.findOne<DeletionRequestDoc>('deletionRequests', { activeKey: `member:${actor.memberId}` }),
  ]);
  return {
    memberId: member._id,
    ...personOf(member),
    phone: member.phone,
    skills: member.skills,
    emergencyContact: member.emergencyContact,
    largeText: actor.account.largeText ?? false,
    viewer: { role: actor.account.role, name: actor.account.name, onBehalf: actor.onBehalf },
    editable: EDITABLE,
    skillOptions: [...SKILL_OPTIONS],
    deletion: deletion ? { requestId: deletion._id, requestedAt: toIso(deletion.createdAt) } : null,
  };
}

/** Writes the corrected fields: roster fields on the member, largeText on the caller's own account. */
export async function updateProfile(db: Db, actor: Actor, input: UpdateProfileRequest): Promise<ProfileData> {
  const _ = db.command;
  const { largeText, ...rosterFields } = input;
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rosterFields)) {
    // whole values: the SDK would otherwise turn a nested object into dotted paths
    if (value !== undefined) set[key] = _.set(value);
  }
  if (Object.keys(set).length) {
    const updated = await updateWhere(db, 'members', { _id: actor.memberId, erasedAt: null }, { ...set, updatedAt: db.serverDate() });
    if (!updated) await memberOf(db, actor.memberId); // throws DATA.NOT_FOUND for an erased entry
  }
  let account: AccountDoc = actor.account;
  if (largeText !== undefined) {
    await updateWhere(db, 'accounts', { _id: actor.account._id }, { largeText });
    account = { ...account, largeText };
  }
  const changed = (Object.keys(input) as EditableField[]).filter((key) => key !== 'largeText');
  if (changed.length) {
    await recordIfOnBehalf(db, actor, 'member.updateProfile', `修改了${changed.map((key) => FIELD_LABELS[key]).join('、')}`);
  }
  return loadProfile(db, { ...actor, account });
}

/** The short summary the app shows everywhere (kept as it was; revoked helpers are refused). */
export async function me(db: Db, account: AccountDoc): Promise<MeData> {
  assertNotRevoked(account);
  const pointsOf = account.role === 'helper' ? account.actsFor : account.memberId;
  const [own, actsFor, bureau, points] = await Promise.all([
    account.memberId ? db.byId<MemberDoc>('members', account.memberId) : null,
    account.role === 'helper' && account.actsFor ? db.byId<MemberDoc>('members', account.actsFor) : null,
    bureauInfo(db),
    pointsOf ? pointsSummary(db, pointsOf) : null,
  ]);
  return {
    name: own?.name ?? account.name,
    role: account.role,
    memberType: own?.memberType ?? null,
    formerUnit: own?.formerUnit ?? null,
    town: own?.town ?? null,
    phoneMasked: maskPhone(own?.phone),
    actingFor: actsFor ? { memberId: actsFor._id, name: actsFor.name } : null,
    bureau,
    largeText: account.largeText ?? null,
    points,
    party: {
      inBranch: Boolean((actsFor ?? own)?.branchId),
      secretary: account.role === 'leader' && account.leads.some((lead) => lead.kind === 'branch'),
    },
  };
}
