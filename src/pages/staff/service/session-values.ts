/**
 * What the 志愿服务时段 screens show of a session and its credits, and the hours a confirmation or a correction will
 * credit — computed by the same shared rules the checkin function credits by (timebank-rules.ts).
 */
import { formatDateTime, formatTime } from '../../../services/format';
import type { LedgerEntryView, SessionDetailData, SessionRow } from '../../../shared/contracts-checkin';
import { creditFor, hoursText, presentMinutes, roundServiceMinutes } from '../../../shared/timebank-rules';
import { fieldProblem, type FormProblem } from '../../../services/useSave';
import { instantOf, partsOf, wholeOf } from '../form-values';

export const MODE_TEXT: Record<SessionRow['mode'], string> = {
  scan: '扫码签到、签退记时长',
  confirm: '由队长或工作人员确认时长',
};

/** 11月28日 周六 上午8:30 至 上午11:30 */
export const whenText = (s: Pick<SessionRow, 'startAt' | 'endAt'>): string => `${formatDateTime(s.startAt)} 至 ${formatTime(s.endAt)}`;

export function sessionLines(s: SessionRow): string[] {
  return [
    whenText(s),
    `地点：${s.place}`,
    `岗位：${s.postName ?? '服务队所有岗位'}`,
    MODE_TEXT[s.mode],
    s.status === 'cancelled' ? '这个时段已取消' : '',
    s.notes ? `说明：${s.notes}` : '',
  ].filter(Boolean);
}

export type Rules = SessionDetailData['rules'];

export interface HoursPreview {
  minutes: number;
  hours: number;
  /** what the screen says before saving */
  text: string;
  credited: boolean;
}

/** The credit a confirmation of `minutes` will make (capped at the scheduled time, with the presence rule). */
export function confirmPreview(minutes: number, session: SessionRow, rules: Rules): HoursPreview {
  const scheduled = session.scheduledMinutes;
  const counted = Math.min(minutes, scheduled);
  const decision = creditFor(counted, scheduled, { ...rules, issuer: '' });
  const capped = counted < minutes ? `（超过计划时长，按计划的${scheduled}分钟算）` : '';
  return decision.credited
    ? { minutes: counted, hours: decision.hours, credited: true, text: `在岗${counted}分钟${capped}，按规则记入${hoursText(decision.hours)}` }
    : { minutes: counted, hours: 0, credited: false, text: decision.reason ?? '本次不计时长' };
}

/** The credit a correction to `minutes` will make (no presence rule: staff decide). */
export function correctionPreview(minutes: number, session: SessionRow, rules: Rules): HoursPreview {
  const counted = Math.min(minutes, session.scheduledMinutes);
  const hours = roundServiceMinutes(counted, rules.rounding);
  return { minutes: counted, hours, credited: hours > 0, text: hours > 0 ? `改记为${hoursText(hours)}（在岗${counted}分钟）` : `在岗${counted}分钟不满一个计时单位，只撤销不再记入` };
}

/**
 * Minutes typed as a number, or as the clock times someone came and left on the session's day (inside its time);
 * or what is wrong, by the field it concerns (minutes, from, to).
 */
export function minutesOf(how: 'minutes' | 'times', typed: { minutes: string; from: string; to: string }, session: SessionRow): number | FormProblem {
  if (how === 'minutes') {
    const m = wholeOf(typed.minutes, 1, 24 * 60);
    return m === null ? fieldProblem('minutes', '服务了多少分钟：请填1到1440之间的整数') : m;
  }
  const day = partsOf(session.startAt).day;
  const from = instantOf(day, typed.from);
  const to = instantOf(day, typed.to);
  if (!from) return fieldProblem('from', '到达时间：请选一个时间');
  if (!to) return fieldProblem('to', '离开时间：请选一个时间');
  if (Date.parse(to) <= Date.parse(from)) return fieldProblem('to', '离开时间：要晚于到达时间');
  return presentMinutes(new Date(from), new Date(to), new Date(session.startAt), new Date(session.endAt));
}

export function entryLine(e: LedgerEntryView): string {
  const how = e.kind === 'reversal' ? `${e.byName}更正扣减` : e.source === 'scan' ? '扫码签到、签退' : e.source === 'staff' ? `${e.byName}确认` : `${e.byName}更正后记入`;
  return [how, e.minutes !== null ? `在岗${e.minutes}分钟` : '', e.reversed ? '已更正' : ''].filter(Boolean).join(' · ');
}
