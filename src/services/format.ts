/** Plain-Chinese formatting of dates, seats and member facts. Times are shown in Beijing time. */
import type { MemberType, Role } from '../shared/contracts';
import { dateTimeWords, dayWords, longDayWords, timeWords } from '../shared/time-words';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** e.g. "11月28日 周六 上午9:00" (the shared vocabulary: one set of day-part words, kept on one line) */
export const formatDateTime = (iso: string): string => dateTimeWords(iso);

/** e.g. "11月28日" */
export const formatDate = (iso: string): string => dayWords(iso);

/** 1 = Monday -> "每周一" */
export function formatWeekday(weekday: number): string {
  return `每周${WEEKDAYS[(weekday - 1 + 7) % 7] ?? ''}`;
}

export function memberTypeLabel(type: MemberType | null): string | null {
  if (type === 'lixiu') return '离休';
  if (type === 'tuixiu') return '退休';
  return null;
}

const ROLE_LABELS: Record<Role, string> = {
  member: '老干部',
  helper: '家属代办',
  leader: '负责人',
  staff: '老干部局工作人员',
  admin: '管理员',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** e.g. "下午3:40" */
export const formatTime = (iso: string): string => timeWords(iso);

/** An invitation's expiry in plain words, e.g. "11月28日 周六 上午9:00以前有效" */
export function formatValidUntil(iso: string): string {
  return `${formatDateTime(iso)}以前有效`;
}

export function genderLabel(gender: 'male' | 'female'): string {
  return gender === 'male' ? '男' : '女';
}

/** e.g. "2026年3月10日" */
export const formatLongDate = (iso: string): string => longDayWords(iso);

/** The 通知公告 tile's hint: 3条未读 / 都读过了 / what is in there when there is no member. */
/** The 消息 tile: how many messages are new. */
export function messagesHint(count: number | null): string {
  if (count === null || count === 0) return '提醒和结果';
  return `${count}条新消息`;
}

export function unreadHint(count: number | null): string {
  if (count === null) return '政情通报、阅文';
  return count > 0 ? `${count}条未读` : '都读过了';
}
