/** Document builders in the shapes of src/shared/documents.ts. */
import type { AccountDoc, ActivityDoc, CourseDoc, MemberDoc, NoticeDoc } from '../../src/shared/documents';

const DAY = 24 * 3600 * 1000;
export const daysFromNow = (days: number): Date => new Date(Date.now() + days * DAY);

export const member = (id: string, over: Partial<MemberDoc> = {}): MemberDoc => ({
  _id: id,
  rosterNo: `R-${id}`,
  name: '张建国',
  memberType: 'tuixiu',
  gender: 'male',
  birthYear: 1950,
  formerUnit: '县教育局',
  town: '城关镇',
  community: '人民路社区',
  partyMember: true,
  phone: '13812345678',
  skills: ['教学'],
  emergencyContact: null,
  createdAt: new Date(),
  ...over,
});

export const account = (openid: string, over: Partial<AccountDoc> = {}): AccountDoc => {
  const built: AccountDoc = {
    _id: `acc-${openid}`,
    openid,
    role: 'member',
    name: '张建国',
    memberId: null,
    actsFor: null,
    leads: [],
    bindingKey: '',
    createdAt: new Date(),
    ...over,
  };
  // as the member function writes it: the memberId for a bound member, 'openid:' + openid otherwise
  return { ...built, bindingKey: over.bindingKey ?? (built.memberId && built.role !== 'helper' ? built.memberId : `openid:${openid}`) };
};

export const activity = (id: string, startInDays: number, over: Partial<ActivityDoc> = {}): ActivityDoc => ({
  _id: id,
  title: `活动${id}`,
  kind: '门球赛',
  description: '',
  place: '县老年活动中心',
  startAt: daysFromNow(startInDays),
  endAt: daysFromNow(startInDays + 0.1),
  signupDeadline: daysFromNow(startInDays - 1),
  seats: 30,
  taken: 0,
  walkUpAllowed: false,
  status: 'published',
  ...over,
});

export const notice = (id: string, publishedDaysAgo: number, over: Partial<NoticeDoc> = {}): NoticeDoc => ({
  _id: id,
  title: `通知${id}`,
  category: 'activity',
  pinned: false,
  audience: { kind: 'everyone' },
  audienceKey: 'everyone',
  body: [{ type: 'paragraph', text: '正文' }],
  attachments: [],
  status: 'published',
  publishedAt: daysFromNow(-publishedDaysAgo),
  publisherName: '县老干部局',
  ...over,
});

export const course = (id: string, termId: string, over: Partial<CourseDoc> = {}): CourseDoc => ({
  _id: id,
  termId,
  title: `课程${id}`,
  campusId: 'campus-main',
  campusName: '老年大学本部',
  teacher: '李老师',
  weekday: 1,
  time: '09:00-10:30',
  place: '101教室',
  seats: 40,
  taken: 0,
  fee: 0,
  enrollOpensAt: daysFromNow(-10),
  enrollClosesAt: daysFromNow(10),
  ...over,
});
