/** Plain words of one time-bank ledger entry: what it is, how it was recorded, and why a reversal was made. */
import { formatDate, formatDateTime } from '../../services/format';
import type { AttendanceItem, LedgerEntryView } from '../../shared/contracts-checkin';

export function entryHeading(entry: LedgerEntryView): string {
  return entry.kind === 'reversal' ? `更正扣减：${entry.title}` : entry.title;
}

export function entryLines(entry: LedgerEntryView): string[] {
  const how =
    entry.kind === 'reversal' ? `${entry.byName}更正` : entry.source === 'scan' ? '本人扫码签到、签退' : entry.source === 'staff' ? `${entry.byName}确认` : `${entry.byName}按更正后的时长记入`;
  return [
    `服务日期：${formatDate(entry.serviceDate)}`,
    entry.minutes !== null ? `在岗${entry.minutes}分钟` : '',
    `记录方式：${how}`,
    entry.reason ? `更正原因：${entry.reason}` : '',
    entry.reversed ? '这一笔后来更正了，见下面的更正记录' : '',
  ].filter(Boolean);
}

const METHOD_TEXT: Record<AttendanceItem['method'], string> = { scan: '扫码签到', walkUp: '现场报名并签到', staff: '工作人员代签到' };

export function attendanceLines(item: AttendanceItem): string[] {
  return [`签到时间：${formatDateTime(item.at)}`, METHOD_TEXT[item.method]];
}
