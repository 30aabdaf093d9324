/**
 * 党支部 of 示例县: three 离退休干部党支部 with the party members of the roster (by town), 陈志刚 as the secretary of
 * the first, a 主题党日 held three days ago with check-ins, one going on now and one next week, and a study material
 * sent to the first branch with its readers. Counts are never stored: they are counted from these records.
 */
import { audienceKeyOf } from '../../src/shared/contracts-notice';
import type { BranchMeetingDoc, CheckinDoc, MemberDoc, NoticeDoc, NoticeReadDoc, PartyBranchDoc } from '../../src/shared/documents';
import { blocksFromText } from '../../src/shared/notice-body';
import { checkinId } from '../../src/shared/timebank-rules';
import { beijingTime } from './clock';
import { DEMO_PEOPLE } from './demo-accounts';

export const DEMO_BRANCH_ID = 'branch-chengguan';
const BRANCHES = [
  { _id: DEMO_BRANCH_ID, name: '城关镇离退休干部党支部', towns: ['城关镇', '城西街道'] },
  { _id: 'branch-chengdong', name: '城东街道离退休干部党支部', towns: ['城东街道'] },
  { _id: 'branch-xiangzhen', name: '乡镇离退休干部联合党支部', towns: [] as string[] },
] as const;
/** a county's branches have tens of members */
const MAX_PER_BRANCH = 40;
export const DEMO_MATERIAL_ID = 'notice-dangzhang';

/** Party members get the branch of their town (the third takes the other towns), up to MAX_PER_BRANCH each. */
export function withBranches(members: MemberDoc[]): MemberDoc[] {
  const taken = new Map<string, number>();
  return members.map((m) => {
    if (!m.partyMember) return m;
    const fixed = m._id === DEMO_PEOPLE.leader.memberId ? DEMO_BRANCH_ID : null;
    const branch = fixed ?? (BRANCHES.find((b) => (b.towns as readonly string[]).includes(m.town)) ?? BRANCHES[2])._id;
    const n = taken.get(branch) ?? 0;
    if (n >= MAX_PER_BRANCH && !fixed && m._id !== DEMO_PEOPLE.member.memberId) return m;
    taken.set(branch, n + 1);
    return { ...m, branchId: branch };
  });
}

export function buildBranches(now: Date): PartyBranchDoc[] {
  return BRANCHES.map((b) => ({
    _id: b._id,
    name: b.name,
    secretaryMemberId: b._id === DEMO_BRANCH_ID ? DEMO_PEOPLE.leader.memberId : null,
    secretaryName: b._id === DEMO_BRANCH_ID ? DEMO_PEOPLE.leader.name : null,
    createdAt: beijingTime(now, -200, 9),
    updatedAt: beijingTime(now, -200, 9),
  }));
}

export function buildBranchMaterial(now: Date): NoticeDoc {
  const audience = { kind: 'branch' as const, id: DEMO_BRANCH_ID, name: BRANCHES[0].name };
  return {
    _id: DEMO_MATERIAL_ID,
    title: '学习资料：《中国共产党章程》总纲',
    category: 'study',
    pinned: false,
    audience,
    audienceKey: audienceKeyOf(audience),
    body: blocksFromText('请支部党员认真学习党章总纲，主题党日上交流学习体会。\n来不了的同志，支部书记会把资料送到家里。'),
    attachments: [],
    status: 'published',
    publishedAt: beijingTime(now, -4, 10),
    publisherName: '县委老干部局',
  };
}

function meeting(now: Date, over: Pick<BranchMeetingDoc, '_id' | 'branchId' | 'kind' | 'title' | 'agenda' | 'place' | 'startAt' | 'endAt'> & Partial<BranchMeetingDoc>): BranchMeetingDoc {
  const branch = BRANCHES.find((b) => b._id === over.branchId) ?? BRANCHES[0];
  return {
    branchName: branch.name,
    status: 'scheduled',
    materialId: null,
    minutes: '',
    minutesBy: null,
    minutesAt: null,
    createdBy: DEMO_PEOPLE.leader.name,
    createdAt: beijingTime(now, -10, 9),
    updatedAt: beijingTime(now, -10, 9),
    ...over,
  };
}

export function buildBranchMeetings(now: Date): BranchMeetingDoc[] {
  const held = beijingTime(now, -3, 9);
  const live = new Date(now.getTime() - 15 * 60_000);
  return [
    meeting(now, {
      _id: 'meeting-zhutidangri', branchId: DEMO_BRANCH_ID, kind: 'themeDay', title: '重温入党誓词',
      agenda: '一、重温入党誓词\n二、学习党章总纲\n三、交流学习体会', place: '城关镇党群服务中心二楼会议室',
      startAt: held, endAt: new Date(held.getTime() + 2 * 3600_000), materialId: DEMO_MATERIAL_ID,
      minutes: '到会党员重温了入党誓词，学习了党章总纲，五位同志交流了学习体会。没到会的同志由支部书记送学上门。',
      minutesBy: DEMO_PEOPLE.leader.name, minutesAt: beijingTime(now, -3, 14),
    }),
    meeting(now, {
      _id: 'meeting-dangke', branchId: DEMO_BRANCH_ID, kind: 'lesson', title: '发挥老干部优势，助力乡村振兴',
      agenda: '一、支部书记讲党课\n二、讨论', place: '城关镇党群服务中心二楼会议室', startAt: live, endAt: new Date(live.getTime() + 2 * 3600_000),
    }),
    meeting(now, {
      _id: 'meeting-dangyuandahui', branchId: DEMO_BRANCH_ID, kind: 'members', title: '年度民主评议',
      agenda: '一、支部工作报告\n二、民主评议党员', place: '城关镇党群服务中心二楼会议室', startAt: beijingTime(now, 7, 9), endAt: beijingTime(now, 7, 11),
    }),
    meeting(now, {
      _id: 'meeting-chengdong', branchId: 'branch-chengdong', kind: 'group', title: '学习近期政情通报',
      agenda: '一、学习政情通报\n二、交流', place: '滨河社区活动室', startAt: beijingTime(now, -8, 15), endAt: beijingTime(now, -8, 17),
    }),
  ];
}

/** The meetings already held (the one going on now has no check-ins yet: the demo checks in there). */
const HELD = new Set(['meeting-zhutidangri', 'meeting-chengdong']);

/** Check-ins at the held meetings: two of every three members came (王建国 among them). */
export function buildMeetingCheckins(members: MemberDoc[], meetings: BranchMeetingDoc[]): CheckinDoc[] {
  return meetings
    .filter((m) => HELD.has(m._id))
    .flatMap((m) => {
      const inBranch = members.filter((member) => member.branchId === m.branchId);
      return inBranch
        .filter((_, i) => i % 3 !== 2 || inBranch[i]?._id === DEMO_PEOPLE.member.memberId)
        .map((member, i): CheckinDoc => ({
          _id: checkinId('meeting', m._id, member._id),
          kind: 'meeting',
          targetId: m._id,
          title: `${m.branchName}·${m.title}`,
          memberId: member._id,
          memberName: member.name,
          at: new Date(m.startAt.getTime() - (10 - (i % 10)) * 60_000),
          method: 'scan',
          byOpenid: `seed-${member._id}`,
          byName: member.name,
          byRole: 'member',
          checkOutAt: null,
          presentMinutes: null,
        }));
    });
}

/** Half the branch read the material (王建国 did); the others are on the 送学上门 list unless they came. */
export function buildMaterialReads(now: Date, members: MemberDoc[]): NoticeReadDoc[] {
  return members
    .filter((m) => m.branchId === DEMO_BRANCH_ID)
    .filter((m, i) => i % 2 === 0 || m._id === DEMO_PEOPLE.member.memberId)
    .map((m, i) => ({
      _id: `read-${DEMO_MATERIAL_ID}-${m._id}`,
      noticeId: DEMO_MATERIAL_ID,
      memberId: m._id,
      readAt: new Date(now.getTime() - (20 + i) * 3600_000),
      byOpenid: `seed-${m._id}`,
      byHelper: false,
    }));
}
