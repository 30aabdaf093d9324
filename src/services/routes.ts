/** Where each screen lives (tab pages in the main package, the rest in subpackages; see app.config.ts). */
import Taro from '@tarojs/taro';

export const ROUTES = {
  home: '/pages/index/index',
  me: '/pages/me/index',
  help: '/pages/help/index',
  bind: '/pages/bind/index',
  review: '/pages/bind/review',
  profile: '/pages/profile/index',
  deletion: '/pages/profile/delete',
  family: '/pages/family/index',
  invite: '/pages/invite/index',
  // 报名
  activities: '/pages/activities/index',
  courses: '/pages/enroll/courses/index',
  course: '/pages/enroll/course/index',
  activity: '/pages/enroll/activity/index',
  associations: '/pages/enroll/associations/index',
  association: '/pages/enroll/association/index',
  teams: '/pages/enroll/teams/index',
  team: '/pages/enroll/team/index',
  mine: '/pages/enroll/mine/index',
  approvals: '/pages/enroll/approvals/index',
  // 通知公告 and 建言献策
  notices: '/pages/notices/index',
  notice: '/pages/notices/detail',
  suggest: '/pages/suggestion/index',
  suggestions: '/pages/suggestion/mine',
  suggestion: '/pages/suggestion/detail',
  // 消息 and 需电话通知
  messages: '/pages/messages/index',
  staffPhone: '/pages/staff/messages/phone/index',
  // 签到 and 时间银行
  checkinTargets: '/pages/checkin/index',
  checkinBoard: '/pages/checkin/board/index',
  checkinScan: '/pages/checkin/scan/index',
  timebank: '/pages/timebank/index',
  certificate: '/pages/timebank/certificate',
  // 工作台 of the bureau's staff (subpackage pages/staff, role-gated)
  staffHome: '/pages/staff/index/index',
  staffRoster: '/pages/staff/roster/list/index',
  staffImport: '/pages/staff/roster/import/index',
  staffReviews: '/pages/staff/roster/reviews/index',
  staffDeletions: '/pages/staff/roster/deletions/index',
  staffNotices: '/pages/staff/notices/list/index',
  staffReaders: '/pages/staff/notices/readers/index',
  staffNoticeEdit: '/pages/staff/notices/edit/index',
  staffSuggestions: '/pages/staff/suggestions/list/index',
  staffSuggestion: '/pages/staff/suggestions/detail/index',
  staffRates: '/pages/staff/suggestions/rates/index',
  // staff: publishing, rosters of groups, care visits, figures, audit log
  staffActivities: '/pages/staff/catalog/activities/index',
  staffActivityEdit: '/pages/staff/catalog/activity-edit/index',
  staffCourses: '/pages/staff/catalog/courses/index',
  staffCourseEdit: '/pages/staff/catalog/course-edit/index',
  staffGroups: '/pages/staff/catalog/groups/index',
  staffAssociationEdit: '/pages/staff/catalog/association-edit/index',
  staffTeamEdit: '/pages/staff/catalog/team-edit/index',
  staffGroupRoster: '/pages/staff/catalog/group-roster/index',
  staffVisits: '/pages/staff/visits/list/index',
  staffVisit: '/pages/staff/visits/record/index',
  staffFigures: '/pages/staff/figures/index/index',
  staffAudit: '/pages/staff/admin/audit/index',
  // staff: volunteer service sessions, confirming hours and corrections
  staffSessions: '/pages/staff/service/sessions/index',
  staffSession: '/pages/staff/service/session/index',
  staffSessionEdit: '/pages/staff/service/session-edit/index',
  staffSessionHours: '/pages/staff/service/session-hours/index',
  staffEntryCorrect: '/pages/staff/service/entry-correct/index',
  staffIntegrity: '/pages/staff/admin/integrity/index',
  // the bureau's settings and the first administrator
  staffSettings: '/pages/staff/settings/index/index',
  staffClaimAdmin: '/pages/staff/settings/claim/index',
  // staff: 服务热线 call log and a member's record
  staffHotline: '/pages/staff/hotline/calls/index',
  staffCallLog: '/pages/staff/hotline/log/index',
  staffMemberRecord: '/pages/staff/roster/member/index',
  // 云课堂: a course's lessons and the player (members), lessons and completion (staff)
  lessons: '/pages/lessons/index',
  lesson: '/pages/lessons/player',
  staffLessons: '/pages/staff/lessons/courses/index',
  staffLessonCourse: '/pages/staff/lessons/course/index',
  staffLessonEdit: '/pages/staff/lessons/edit/index',
  // 党支部 (subpackage pages/branch): the member's branch; staff and branch secretaries run branches from here
  myBranch: '/pages/branch/index',
  branches: '/pages/branch/list/index',
  branchDetail: '/pages/branch/detail/index',
  branchMeeting: '/pages/branch/meeting/index',
  branchMeetingEdit: '/pages/branch/meeting-edit/index',
  branchDeliveries: '/pages/branch/deliveries/index',
} as const;

type Route = keyof typeof ROUTES;

function withQuery(url: string, query: Record<string, string> = {}): string {
  const pairs = Object.entries(query).filter(([, value]) => value !== '');
  return pairs.length ? `${url}?${pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}` : url;
}

/** Opens a screen on top of the current one. */
export function openPage(route: Route, query?: Record<string, string>): void {
  void Taro.navigateTo({ url: withQuery(ROUTES[route], query) });
}

/** Starts over on 我的 (after binding or accepting an invitation: every screen must see the new identity). */
export function restartAtMe(): void {
  void Taro.reLaunch({ url: ROUTES.me });
}

const TAB_PATHS: readonly string[] = [ROUTES.home, ROUTES.activities, ROUTES.me];

/** Whether a page path (with or without its leading slash and query) is a tab page. */
export function isTabRoute(path: string): boolean {
  const bare = `/${path.replace(/^\//, '').split('?')[0] ?? ''}`;
  return bare === '/' || TAB_PATHS.includes(bare);
}

/** Tab pages open with switchTab, every other page on top of the current one. */
export function goTo(route: Route, query?: Record<string, string>): void {
  const url = ROUTES[route];
  if (TAB_PATHS.includes(url)) void Taro.switchTab({ url });
  else openPage(route, query);
}

/** Back to the screen before, or to `fallback` when this screen was opened directly (a shared link, a message). */
export function goBack(fallback: Route): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else goTo(fallback);
}
