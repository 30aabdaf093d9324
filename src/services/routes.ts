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
  // 报名 (issue 5)
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
  // 通知公告 and 建言献策 (issue 7)
  notices: '/pages/notices/index',
  notice: '/pages/notices/detail',
  suggest: '/pages/suggestion/index',
  suggestions: '/pages/suggestion/mine',
  suggestion: '/pages/suggestion/detail',
  // 消息 and 需电话通知 (issue 15)
  messages: '/pages/messages/index',
  staffPhone: '/pages/staff/messages/phone/index',
  // 签到 and 时间银行 (issue 6)
  checkinTargets: '/pages/checkin/index',
  checkinBoard: '/pages/checkin/board/index',
  checkinScan: '/pages/checkin/scan/index',
  timebank: '/pages/timebank/index',
  certificate: '/pages/timebank/certificate',
  // 工作台 of the bureau's staff (subpackage pages/staff, role-gated)
  staffHome: '/pages/staff/index',
  staffRoster: '/pages/staff/roster',
  staffImport: '/pages/staff/import',
  staffReviews: '/pages/staff/reviews',
  staffDeletions: '/pages/staff/deletions',
  staffNotices: '/pages/staff/notices',
  staffReaders: '/pages/staff/readers',
  staffNoticeEdit: '/pages/staff/notice-edit',
  staffSuggestions: '/pages/staff/suggestions',
  staffSuggestion: '/pages/staff/suggestion',
  staffRates: '/pages/staff/rates',
  // issue 8: publishing, rosters of groups, care visits, figures, audit log
  staffActivities: '/pages/staff/activities',
  staffActivityEdit: '/pages/staff/activity-edit',
  staffCourses: '/pages/staff/courses',
  staffCourseEdit: '/pages/staff/course-edit',
  staffGroups: '/pages/staff/groups',
  staffAssociationEdit: '/pages/staff/association-edit',
  staffTeamEdit: '/pages/staff/team-edit',
  staffGroupRoster: '/pages/staff/group-roster',
  staffVisits: '/pages/staff/visits',
  staffVisit: '/pages/staff/visit',
  staffFigures: '/pages/staff/figures',
  staffAudit: '/pages/staff/audit',
  staffIntegrity: '/pages/staff/admin/integrity/index',
  // issue 6: volunteer service sessions, confirming hours and corrections
  staffSessions: '/pages/staff/service-sessions',
  staffSession: '/pages/staff/service-session',
  staffSessionEdit: '/pages/staff/session-edit',
  staffSessionHours: '/pages/staff/session-hours',
  staffEntryCorrect: '/pages/staff/entry-correct',
  // issue 14: going live
  staffSettings: '/pages/staff/settings/index/index',
  staffClaimAdmin: '/pages/staff/settings/claim/index',
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

/** Tab pages open with switchTab, every other page on top of the current one. */
export function goTo(route: Route, query?: Record<string, string>): void {
  const url = ROUTES[route];
  if (route === 'home' || route === 'activities' || route === 'me') void Taro.switchTab({ url });
  else openPage(route, query);
}

/** Back to the screen before, or to `fallback` when this screen was opened directly (a shared link, a message). */
export function goBack(fallback: Route): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else goTo(fallback);
}
