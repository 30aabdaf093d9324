/** Plain-Chinese formatting of dates, seats and member facts. Times are shown in Beijing time. */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';
import type { MemberType, Role, SignupWindow } from '../shared/contracts';

dayjs.extend(utc);

const BEIJING_OFFSET_MINUTES = 8 * 60;
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** e.g. "11月28日 周六 上午9:00" */
export function formatDateTime(iso: string): string {
  return dayjs(iso).utcOffset(BEIJING_OFFSET_MINUTES).locale('zh-cn').format('M月D日 ddd Ah:mm');
}

/** e.g. "11月28日" */
export function formatDate(iso: string): string {
  return dayjs(iso).utcOffset(BEIJING_OFFSET_MINUTES).format('M月D日');
}

/** 1 = Monday -> "每周一" */
export function formatWeekday(weekday: number): string {
  return `每周${WEEKDAYS[(weekday - 1 + 7) % 7] ?? ''}`;
}

export function formatSeatsLeft(seatsLeft: number): string {
  return seatsLeft > 0 ? `剩余${seatsLeft}个名额` : '名额已满';
}

/** A list card's badge and last line, true to its sign-up window: no 报名 offered before it opens or after it closed. */
export function signupWords(item: { seatsLeft: number; signup: SignupWindow }): { badge: string; more: string } {
  const { state, opensAt } = item.signup;
  if (state === 'notYet') return { badge: opensAt ? `${formatDate(opensAt)}开始报名` : '还没开始报名', more: '查看详情' };
  if (state === 'closed') return { badge: '报名已截止', more: '查看详情' };
  return { badge: formatSeatsLeft(item.seatsLeft), more: '查看详情和报名' };
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
export function formatTime(iso: string): string {
  return dayjs(iso).utcOffset(BEIJING_OFFSET_MINUTES).locale('zh-cn').format('Ah:mm');
}

/** An invitation's expiry in plain words, e.g. "11月28日 周六 上午9:00以前有效" */
export function formatValidUntil(iso: string): string {
  return `${formatDateTime(iso)}以前有效`;
}

export function genderLabel(gender: 'male' | 'female'): string {
  return gender === 'male' ? '男' : '女';
}

/** e.g. "2026年3月10日" */
export function formatLongDate(iso: string): string {
  return dayjs(iso).utcOffset(BEIJING_OFFSET_MINUTES).format('YYYY年M月D日');
}

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
