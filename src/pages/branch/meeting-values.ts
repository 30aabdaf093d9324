/** What the 党支部 screens say about a meeting and a 送学上门 entry. */
import { formatDateTime, formatTime } from '../../services/format';
import type { DeliveryRow, MeetingRow } from '../../shared/contracts-branch';

/** 11月28日 周六 上午9:00 至 上午11:00 */
export const meetingWhen = (m: Pick<MeetingRow, 'startAt' | 'endAt'>): string => `${formatDateTime(m.startAt)} 至 ${formatTime(m.endAt)}`;

export function meetingLines(m: MeetingRow): string[] {
  return [
    `${m.kindLabel} · ${meetingWhen(m)}`,
    `地点：${m.place}`,
    m.status === 'cancelled' ? '这次会议已取消' : `已签到${m.attended}人${m.hasMinutes ? ' · 已有会议记录' : ''}`,
  ];
}

export const HOW_LABELS: Record<'visit' | 'call', string> = { visit: '已上门送学', call: '已电话送学' };

export function deliveryLines(row: DeliveryRow): string[] {
  return [
    [row.town, row.community].filter(Boolean).join(' '),
    `电话：${row.phone}`,
    row.done ? `${HOW_LABELS[row.done.how]}（${row.done.byName}，${formatDateTime(row.done.at)}）${row.done.note ? `：${row.done.note}` : ''}` : null,
  ].filter((line): line is string => Boolean(line));
}
