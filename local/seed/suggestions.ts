/**
 * Demo 建言献策 in every state (submitted and overdue, accepted, in progress, concluded adopted / not adopted, one
 * anonymous), the per-year tracking-number counters that match them, and some read receipts so the staff notice
 * screen shows figures. A pure function of `now`.
 */
import type { CounterDoc, NoticeDoc, NoticeReadDoc, SuggestionDoc, SuggestionStepDoc } from '../../src/shared/documents';
import { formatTrackingNo, type SuggestionOutcome, type SuggestionStatus } from '../../src/shared/suggestion-rules';
import { beijingDay } from '../../src/shared/date-rules';
import type { SuggestionCategory } from '../../src/shared/contracts-suggestion';
import { beijingTime } from './clock';
import { DEMO_PEOPLE } from './demo-accounts';
import type { SeededGroups } from './enrollments';
import { memberId } from './members';

type By = Pick<SuggestionStepDoc, 'byOpenid' | 'byName' | 'byRole'>;
const STAFF: By = { byOpenid: 'demo-staff', byName: '张丽', byRole: 'staff' };

interface SuggestionSpec {
  id: string;
  member: { memberId: string; name: string };
  category: SuggestionCategory;
  text: string;
  hideName?: boolean;
  /** days before now it was submitted, and the days after submission of each later step */
  daysAgo: number;
  accepted?: number;
  assigned?: { after: number; department: string };
  concluded?: { after: number; outcome: SuggestionOutcome; reply: string };
}

const OTHER = { memberId: memberId(17), name: '' };

const SPECS: readonly SuggestionSpec[] = [
  {
    id: 'jiaotong',
    member: DEMO_PEOPLE.member,
    category: '社会发展',
    text: '城关镇人民路和解放路交叉口没有红绿灯，老年人过马路很危险，建议增设信号灯和斑马线。',
    daysAgo: 40,
    accepted: 1,
    assigned: { after: 2, department: '县交通运输局' },
    concluded: { after: 20, outcome: 'adopted', reply: '感谢您的建议。交通运输局已在该路口增设信号灯和斑马线，下月投入使用。' },
  },
  {
    id: 'tijian',
    member: DEMO_PEOPLE.member,
    category: '医疗保障',
    text: '建议健康查体增加骨密度检查项目，很多老同志有骨质疏松。',
    daysAgo: 12,
    accepted: 1,
    assigned: { after: 3, department: '县卫生健康局' },
  },
  {
    id: 'yuelanshi',
    member: DEMO_PEOPLE.member,
    category: '文化养老',
    text: '老干部活动中心阅览室周末不开门，建议周六上午也开放。',
    daysAgo: 9,
  },
  {
    id: 'daiyu',
    member: OTHER,
    category: '待遇落实',
    text: '去年的取暖补贴到现在还没有发，希望尽快落实。',
    hideName: true,
    daysAgo: 6,
    accepted: 2,
  },
  {
    id: 'zuotan',
    member: DEMO_PEOPLE.lixiu,
    category: '组织生活',
    text: '建议党支部组织生活可以安排在社区进行，方便行动不便的老党员参加。',
    daysAgo: 30,
    accepted: 1,
    assigned: { after: 1, department: '县委老干部局' },
    concluded: { after: 8, outcome: 'notAdopted', reply: '支部组织生活按规定在支部活动室进行；行动不便的同志，支部会安排送学上门。' },
  },
];

const DAY_MS = 24 * 3600_000;

function step(step: SuggestionStepDoc['step'], status: SuggestionStatus, at: Date, note: string | null, by: By = STAFF): SuggestionStepDoc {
  return { step, status, at, note, ...by };
}

export function buildSuggestions(now: Date, names: ReadonlyMap<string, string>): { suggestions: SuggestionDoc[]; counters: CounterDoc[] } {
  const specs = [...SPECS].sort((a, b) => b.daysAgo - a.daysAgo || a.id.localeCompare(b.id));
  const seqs = new Map<number, number>();
  const suggestions = specs.map((spec): SuggestionDoc => {
    const submittedAt = beijingTime(now, -spec.daysAgo, 9, 30);
    const year = Number(beijingDay(submittedAt).slice(0, 4));
    const seq = (seqs.get(year) ?? 0) + 1;
    seqs.set(year, seq);
    const at = (after: number) => new Date(submittedAt.getTime() + after * DAY_MS);
    const name = spec.member.name || names.get(spec.member.memberId) || '';
    const timeline = [step('submit', 'submitted', submittedAt, null, { byOpenid: `seed-${spec.member.memberId}`, byName: name, byRole: 'member' })];
    let status: SuggestionStatus = 'submitted';
    if (spec.accepted !== undefined) timeline.push(step('accept', (status = 'accepted'), at(spec.accepted), null));
    if (spec.assigned) timeline.push(step('assign', (status = 'inProgress'), at(spec.assigned.after), spec.assigned.department));
    if (spec.concluded) timeline.push(step('conclude', (status = 'concluded'), at(spec.concluded.after), spec.concluded.reply));
    const last = timeline[timeline.length - 1] as SuggestionStepDoc;
    return {
      _id: `suggestion-${spec.id}`,
      trackingNo: formatTrackingNo(year, seq),
      memberId: spec.member.memberId,
      memberName: name,
      category: spec.category,
      text: spec.text,
      photos: [],
      hideName: spec.hideName ?? false,
      status,
      outcome: spec.concluded?.outcome ?? null,
      department: spec.assigned?.department ?? null,
      reply: spec.concluded?.reply ?? null,
      timeline,
      submittedAt,
      acceptedAt: spec.accepted !== undefined ? at(spec.accepted) : null,
      concludedAt: spec.concluded ? at(spec.concluded.after) : null,
      updatedAt: last.at,
    };
  });
  const counters = [...seqs].map(([year, seq]): CounterDoc => ({ _id: `suggestion-${year}`, seq }));
  return { suggestions, counters };
}

/**
 * Receipts: the demo member read two notices; the first 40 members read the 阅文 on the discipline rules; two in
 * three members of a group read their group's notice (readers are always in the notice's audience).
 */
export function buildNoticeReads(now: Date, notices: readonly NoticeDoc[], groups: Pick<SeededGroups, 'associations'>): NoticeReadDoc[] {
  const read = (noticeId: string, member: string, hoursAgo: number): NoticeReadDoc => ({
    _id: `read-${noticeId}-${member}`,
    noticeId,
    memberId: member,
    readAt: new Date(now.getTime() - hoursAgo * 3600_000),
    byOpenid: `seed-${member}`,
    byHelper: false,
  });
  const groupReads = notices.flatMap((notice) => {
    if (notice.audience.kind !== 'association') return [];
    const id = notice.audience.id;
    const line = groups.associations.find((a) => a._id === id)?.line ?? [];
    const readers = line.slice(0, Math.floor((line.length * 2) / 3));
    return readers.map((member, i) => read(notice._id, member, 1 + (i % 30)));
  });
  return [
    read('notice-chati', DEMO_PEOPLE.member.memberId, 10),
    read('notice-xianqing', DEMO_PEOPLE.member.memberId, 50),
    ...Array.from({ length: 40 }, (_, i) => read('notice-xuexi', memberId(i + 1), 30 - (i % 24))),
    ...groupReads,
  ];
}
