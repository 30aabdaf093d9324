/**
 * Cancelling an activity: one conditional update (published -> cancelled, with the reason), then everyone in its
 * line — places and waitlist — is told (their 消息, and WeChat for them and their helpers where allowed). A repeat
 * finds it cancelled already and tells nobody again. Their sign-ups stay as they were, for the record.
 */
import { type CancelActivityData, type CancelActivityRequest } from '../../src/shared/contracts-staff';
import type { AccountDoc, ActivityDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { beijingDateTime } from '../../src/shared/suggestion-rules';
import type { Cloud, Db } from '../_lib/db';
import { updateWhere } from '../_lib/writes';
import { deliver } from '../_lib/messages';
import { activityRow } from './rows';

export const MINE_PAGE = 'pages/enroll/mine/index';

/** Everyone in the line hears, in their 消息 and by WeChat where allowed; one message per member and activity. */
async function tellAll(db: Db, cloud: Cloud, line: readonly string[], doc: ActivityDoc, reason: string, now: Date): Promise<number> {
  const when = beijingDateTime(new Date(doc.startAt));
  const report = await deliver(
    db,
    cloud,
    line.map((memberId) => ({
      key: `activity-cancelled:${doc._id}:${memberId}`,
      memberId,
      kind: 'activity' as const,
      template: 'cancelled' as const,
      page: MINE_PAGE,
      title: `活动取消：${doc.title}`,
      body: `原定${when}的活动已取消。原因：${reason}`,
      data: { thing1: doc.title, time2: when, thing3: `已取消：${reason}` },
    })),
    now,
  );
  return report.sends;
}

export async function cancelActivity(db: Db, cloud: Cloud, account: AccountDoc, input: CancelActivityRequest, now: Date): Promise<CancelActivityData> {
  const cancelled = await updateWhere(db, 'activities', { _id: input.activityId, status: 'published' }, {
    status: 'cancelled',
    cancelReason: input.reason,
    cancelledAt: now,
    cancelledBy: account.name,
    updatedAt: now,
  });
  const doc = await db.byId<ActivityDoc>('activities', input.activityId);
  if (!doc) throw new CodedError('DATA.NOT_FOUND');
  const line = doc.line ?? [];
  if (!cancelled) return { activity: activityRow(doc), members: line.length, notified: 0, already: true };
  const notified = await tellAll(db, cloud, line, doc, input.reason, now);
  return { activity: activityRow(doc), members: line.length, notified, already: false };
}
