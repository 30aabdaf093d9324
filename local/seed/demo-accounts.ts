/**
 * The demo accounts of the local preview: fixed openids a person picks on the local sign-in page
 * (or a script sends as X-Local-Openid). None of this exists in the mini-program.
 */
import type { AccountDoc } from '../../src/shared/documents';
import type { Role } from '../../src/shared/contracts';
import { CONSENT_VERSION } from '../../src/shared/consent';

/** The seeded members the demo accounts are bound to (their full records are in members.ts). */
export const DEMO_PEOPLE = {
  member: { memberId: 'member-0001', name: '王建国' },
  lixiu: { memberId: 'member-0002', name: '刘振山' },
  leader: { memberId: 'member-0003', name: '陈志刚' },
} as const;

export const DEMO_LEADER_TEAM_ID = 'team-tiaojie';

export interface DemoAccount {
  openid: string;
  role: Role;
  name: string;
  /** shown on the sign-in page */
  label: string;
  memberId: string | null;
  actsFor: string | null;
  leads: AccountDoc['leads'];
  /** helper: relation to the member they act for */
  relation?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    openid: 'demo-member',
    role: 'member',
    name: DEMO_PEOPLE.member.name,
    label: '王建国（退休干部，普通成员）',
    memberId: DEMO_PEOPLE.member.memberId,
    actsFor: null,
    leads: [],
  },
  {
    openid: 'demo-lixiu',
    role: 'member',
    name: DEMO_PEOPLE.lixiu.name,
    label: '刘振山（离休干部，九十多岁）',
    memberId: DEMO_PEOPLE.lixiu.memberId,
    actsFor: null,
    leads: [],
  },
  {
    openid: 'demo-helper',
    role: 'helper',
    name: '王晓梅',
    label: '王晓梅（王建国的女儿，代办）',
    memberId: null,
    actsFor: DEMO_PEOPLE.member.memberId,
    leads: [],
    relation: '女儿',
  },
  {
    openid: 'demo-leader',
    role: 'leader',
    name: DEMO_PEOPLE.leader.name,
    label: '陈志刚（矛盾纠纷调解队队长、党支部书记）',
    memberId: DEMO_PEOPLE.leader.memberId,
    actsFor: null,
    // also the secretary (支部书记) of 城关镇离退休干部党支部 (branches.ts)
    leads: [{ kind: 'team', id: DEMO_LEADER_TEAM_ID }, { kind: 'branch', id: 'branch-chengguan' }],
  },
  {
    openid: 'demo-staff',
    role: 'staff',
    name: '张丽',
    label: '张丽（县委老干部局工作人员）',
    memberId: null,
    actsFor: null,
    leads: [],
  },
  {
    openid: 'demo-admin',
    role: 'admin',
    name: '周明',
    label: '周明（县委老干部局系统管理员）',
    memberId: null,
    actsFor: null,
    leads: [],
  },
];

/**
 * Demo WeChats with no account yet, for the first-open flows: a roster member who has not confirmed who they are
 * (the sign-in page shows the name and phone digits a tester types), and a relative who has not accepted an
 * invitation. No account is seeded for them.
 */
export interface DemoGuest {
  openid: string;
  label: string;
  /** the roster entry this person will bind to (the sign-in page shows its name and phone last 4 as the hint) */
  rosterMemberId: string | null;
}

export const DEMO_GUESTS: readonly DemoGuest[] = [
  { openid: 'demo-newcomer', label: '新用户（还没确认身份）', rosterMemberId: 'member-0010' },
  { openid: 'demo-relative', label: '家人（还没接受邀请）', rosterMemberId: null },
];

/** Further bureau staff in the seed, not offered on the sign-in page. */
const OTHER_STAFF: readonly { openid: string; name: string }[] = [
  { openid: 'seed-staff-liufang', name: '刘芳' },
  { openid: 'seed-staff-gaopeng', name: '高鹏' },
];

/** Sign-in page groups, in the order shown. */
export const ROLE_GROUPS: readonly { role: Role; title: string }[] = [
  { role: 'member', title: '老干部' },
  { role: 'helper', title: '家属代办' },
  { role: 'leader', title: '志愿服务队队长' },
  { role: 'staff', title: '老干部局工作人员' },
  { role: 'admin', title: '管理员' },
];

/** A demo identity offered on the sign-in page: an account, or a guest with none yet. */
export function findDemoAccount(openid: string): DemoAccount | DemoGuest | undefined {
  return DEMO_ACCOUNTS.find((account) => account.openid === openid) ?? DEMO_GUESTS.find((guest) => guest.openid === openid);
}

export function accountId(openid: string): string {
  return `account-${openid}`;
}

/** accounts.bindingKey: the memberId for a member bound to the roster, 'openid:' + openid for every other account. */
function bindingKeyOf(role: Role, openid: string, memberId: string | null): string {
  return (role === 'member' || role === 'leader') && memberId ? memberId : `openid:${openid}`;
}

export function buildAccounts(createdAt: Date): AccountDoc[] {
  const demo = DEMO_ACCOUNTS.map(
    ({ openid, role, name, memberId, actsFor, leads, relation }): AccountDoc => ({
      _id: accountId(openid),
      openid,
      role,
      name,
      memberId,
      actsFor,
      leads,
      bindingKey: bindingKeyOf(role, openid, memberId),
      // members and helpers agreed to the consent text when they bound; staff accounts are set up by the bureau
      ...(role === 'staff' || role === 'admin' ? {} : { consent: { version: CONSENT_VERSION, at: createdAt } }),
      ...(relation ? { relation } : {}),
      createdAt,
    }),
  );
  const staff = OTHER_STAFF.map(
    ({ openid, name }): AccountDoc => ({
      _id: accountId(openid),
      openid,
      role: 'staff',
      name,
      memberId: null,
      actsFor: null,
      leads: [],
      bindingKey: bindingKeyOf('staff', openid, null),
      createdAt,
    }),
  );
  return [...demo, ...staff];
}
