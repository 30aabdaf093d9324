/**
 * What a WeChat allowed in the subscribe sheet: each accepted template gives one more one-time permission
 * (sending uses one, _lib/messages.ts); a refusal or a phone that blocks notifications leaves the member to
 * be phoned. One write per template (at most three a tap).
 */
import type { PermissionReport } from '../../src/shared/contracts-messages';
import type { AccountDoc } from '../../src/shared/documents';
import { subscriptionId, type SubscriptionDoc } from '../../src/shared/messages';
import type { Db } from '../_lib/db';
import { readerMemberId } from '../_lib/audience';
import { updateWhere } from '../_lib/writes';

export async function recordPermissions(db: Db, account: AccountDoc, report: PermissionReport, now: Date): Promise<{ recorded: number }> {
  const _ = db.command;
  const memberId = readerMemberId(account);
  const blocked = !report.notificationAuthorized;
  const longTerm = new Set(report.longTerm ?? []);
  const subscriptions = db.raw.collection('subscriptions');
  let recorded = 0;
  const upsert = async (templateId: string, change: { left?: unknown; longTerm?: boolean }) => {
    const _id = subscriptionId(account.openid, templateId);
    const fields = { openid: account.openid, memberId, templateId, blocked, updatedAt: now };
    const updated = await updateWhere(db, 'subscriptions', { _id }, { ...fields, ...change });
    if (!updated) {
      const initial: Omit<SubscriptionDoc, '_id'> = { ...fields, left: change.left === 0 ? 0 : 1, longTerm: change.longTerm ?? false };
      try {
        await subscriptions.doc(_id).set({ data: initial });
      } catch {
        await subscriptions.where({ _id }).update({ data: { ...fields, ...change } });
      }
    }
    recorded++;
  };
  for (const templateId of new Set([...report.accepted, ...longTerm])) {
    await upsert(templateId, longTerm.has(templateId) ? { longTerm: true } : { left: _.inc(1) });
  }
  for (const templateId of new Set(report.rejected)) await upsert(templateId, { left: 0, longTerm: false });
  return { recorded };
}
