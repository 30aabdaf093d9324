/** Plain words of the check-in screens: one roster row's state, and the counts' labels. */
import { formatTime } from '../../services/format';
import type { BoardData, CheckinKind, RosterRow } from '../../shared/contracts-checkin';

/** e.g. '已签到 上午9:02（张丽代签）', '还没签到' */
export function rowStateText(row: RosterRow): string {
  if (!row.checkedIn || !row.at) return '还没签到';
  const how =
    row.method === 'staff' ? `（${row.byName ?? '工作人员'}代签）` : row.method === 'walkUp' ? '（现场报名）' : row.byName ? `（${row.byName}代扫码）` : '（本人扫码）';
  const out = row.checkedOutAt ? `，${formatTime(row.checkedOutAt)}签退，在岗${row.presentMinutes ?? 0}分钟` : '';
  return `已签到 ${formatTime(row.at)}${how}${out}`;
}

export function countItems(kind: CheckinKind, counts: BoardData['counts']): Array<{ label: string; value: number }> {
  const last =
    kind === 'session' ? { label: '已签退', value: counts.checkedOut }
    : kind === 'meeting' ? { label: '未到', value: Math.max(0, counts.expected - counts.checkedIn) }
    : { label: '现场报名', value: counts.walkUps };
  return [{ label: '应到', value: counts.expected }, { label: '已签到', value: counts.checkedIn }, last];
}
