/**
 * Cancelling an activity: one conditional update (published -> cancelled, with the reason), then everyone in its
 * line — places and waitlist — is told by subscribe message (their own WeChat and their helpers'). A repeat finds
 * it cancelled already and tells nobody again. Their sign-ups stay as they were, for the record.
 */
import type { CancelActivityData, CancelActivityRequest } from '../../src/shared/contracts-staff';
import type { AccountDoc, ActivityDoc } from '../../src/shared/documents';
import { CodedError } from '../../src/shared/errors';
import { beijingDateTime } from '../../src/shared/suggestion-rules';
import type { Cloud, Db } from '../_lib/db';
import { templateId } from '../_lib/settings';
import { updateWhere } from '../_lib/writes';
import { sendSubscribe } from '../_lib/wxapi';
import { activityRow } from './rows';

const BATCH = 500;
const SEND_CONCURRENCY = 10;
export const MINE_PAGE = 'pages/enroll/mine/index';

/** The WeChats that hear about these members' affairs: their own (member, leader) and their helpers' not revoked. */
async function openidsOf(db: Db, memberIds: readonly string[]): Promise<string[]> {
  const _ = db.command;
  const openids: string[] = [];
  for (let from = 0; from < memberIds.length; from += BATCH) {
    const ids = memberIds.slice(from, from + BATCH);
    const where = _.or([{ memberId: _.in(ids), role: _.in(['member', 'leader']) }, { actsFor: _.in(ids), role: 'helper' }]);
    for (let skip = 0; ; skip += 1000) {
      const page = await db.find<AccountDoc>('accounts', { where: where as unknown as Record<string, unknown>, skip, limit: 1000, fields: { openid: true, revokedAt: true } });
      openids.push(...page.filter((a) => !a.revokedAt).map((a) => a.openid));
      if (page.length < 1000) break;
    }
  }
  return openids;
}

async function sendAll(cloud: Cloud, template: string | null, openids: string[], doc: ActivityDoc, reason: string): Promise<number> {
  if (!template) return 0;
  let sent = 0;
  let next = 0;
  const worker = async () => {
    while (next < openids.length) {
      const touser = openids[next++] as string;
      const ok = await sendSubscribe(cloud, {
        touser,
        templateId: template,
        page: MINE_PAGE,
        data: { thing1: doc.title, time2: beijingDateTime(new Date(doc.startAt)), thing3: `已取消：${reason}` },
      });
      if (ok) sent++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, openids.length) }, worker));
  return sent;
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
  const notified = await sendAll(cloud, await templateId(db, 'tplActivityCancelled'), await openidsOf(db, line), doc, input.reason);
  return { activity: activityRow(doc), members: line.length, notified, already: false };
}
