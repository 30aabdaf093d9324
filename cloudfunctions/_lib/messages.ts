/**
 * The one way a message reaches a member. For each message (deterministic _id):
 * 1. if a `messages` document with that _id exists, it was sent before: nothing happens (idempotent);
 * 2. the document is written first (the member's 消息 holds it whatever WeChat does);
 * 3. WeChat is asked to deliver it to the member's WeChat and their helpers' where a permission is left
 *    (`subscriptions`; none recorded = let WeChat decide), and the permissions used are counted down;
 * 4. its delivery becomes 'wechat', or 'inbox' when nobody could be reached: staff then phone (需电话通知).
 * Database requests are per batch, not per message (about 7 per batch of up to 100).
 */
import type { AccountDoc } from '../../src/shared/documents';
import { fitFields } from '../../src/shared/message-fields';
import { subscriptionId, type MessageDoc, type MessageKind, type SubscriptionDoc, type TemplateKey } from '../../src/shared/messages';
import type { Cloud, Db } from './db';
import { insertMany, insertOne } from './writes';
import { templateIds } from './templates';
import { subscribeErrcode } from './wxapi';

export interface Outgoing {
  /** deterministic: the same message always has the same key, e.g. 'remind:day:activity:<id>:<memberId>' */
  key: string;
  memberId: string;
  kind: MessageKind;
  template: TemplateKey;
  page: string;
  title: string;
  body: string;
  /** template keyword values; fitted to WeChat's limits here */
  data: Record<string, string>;
}

export interface DeliveryReport {
  /** new messages written to inboxes */
  written: number;
  /** of them, taken by WeChat for at least one WeChat */
  delivered: number;
  /** WeChat sends that were taken */
  sends: number;
  /** already sent before (same key) */
  skipped: number;
}

const BATCH = 100;
const SEND_CONCURRENCY = 10;
const REFUSED = 43101;

/** memberId -> the openids that hear about their affairs (own WeChat, helpers not revoked), one query per batch. */
export async function recipientsOf(db: Db, memberIds: readonly string[]): Promise<Map<string, string[]>> {
  const _ = db.command;
  const map = new Map<string, string[]>(memberIds.map((id) => [id, []]));
  for (let from = 0; from < memberIds.length; from += BATCH) {
    const ids = memberIds.slice(from, from + BATCH);
    const where = _.or([{ memberId: _.in(ids), role: _.in(['member', 'leader']) }, { actsFor: _.in(ids), role: 'helper' }]);
    const accounts = await db.find<Pick<AccountDoc, 'openid' | 'memberId' | 'actsFor' | 'role' | 'revokedAt'>>('accounts', {
      where,
      limit: 1000,
      fields: { openid: true, memberId: true, actsFor: true, role: true, revokedAt: true },
    });
    for (const account of accounts) {
      if (account.revokedAt) continue;
      const memberId = account.role === 'helper' ? account.actsFor : account.memberId;
      if (memberId) map.get(memberId)?.push(account.openid);
    }
  }
  return map;
}

async function insertAll(db: Db, docs: MessageDoc[]): Promise<MessageDoc[]> {
  if (docs.length === 0) return [];
  try {
    await insertMany(db, 'messages', docs);
    return docs;
  } catch {
    // another run wrote some of them meanwhile: write one by one, keeping only those this run wrote
    const written: MessageDoc[] = [];
    for (const doc of docs) {
      try {
        await insertOne(db, 'messages', doc);
        written.push(doc);
      } catch {
        // exists: sent by the other run
      }
    }
    return written;
  }
}

async function runPool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, items.length) }, worker));
}

async function deliverBatch(db: Db, cloud: Cloud, batch: Outgoing[], now: Date, known?: Map<string, string[]>): Promise<DeliveryReport> {
  const _ = db.command;
  const existing = await db.find<{ _id: string }>('messages', { where: { _id: _.in(batch.map((m) => m.key)) }, limit: batch.length, fields: { _id: true } });
  const seen = new Set(existing.map((doc) => doc._id));
  const fresh = batch.filter((m, i) => !seen.has(m.key) && batch.findIndex((o) => o.key === m.key) === i);
  const report: DeliveryReport = { written: 0, delivered: 0, sends: 0, skipped: batch.length - fresh.length };
  if (fresh.length === 0) return report;

  const memberIds = [...new Set(fresh.map((m) => m.memberId))];
  const missing = memberIds.filter((id) => !known?.has(id));
  const recipients = new Map(known ?? []);
  if (missing.length) for (const [id, openids] of await recipientsOf(db, missing)) recipients.set(id, openids);

  const ids = await templateIds(db);
  // a template the bureau has not set (production) sends nothing by WeChat: the message waits in 消息, staff phone
  const sends = fresh.flatMap((m) => {
    const templateId = ids[m.template];
    return templateId ? (recipients.get(m.memberId) ?? []).map((openid) => ({ message: m, openid, templateId })) : [];
  });
  const permissionIds = [...new Set(sends.map((s) => subscriptionId(s.openid, s.templateId)))];
  const permissions = new Map<string, SubscriptionDoc>();
  for (let from = 0; from < permissionIds.length; from += BATCH) {
    const ids = permissionIds.slice(from, from + BATCH);
    for (const doc of await db.find<SubscriptionDoc>('subscriptions', { where: { _id: _.in(ids) }, limit: ids.length })) permissions.set(doc._id, doc);
  }

  const docs = fresh.map((m): MessageDoc => ({
    _id: m.key,
    memberId: m.memberId,
    kind: m.kind,
    title: m.title,
    body: m.body,
    page: m.page,
    template: m.template,
    data: fitFields(m.data),
    createdAt: now,
    readAt: null,
    delivery: 'pending',
  }));
  const written = new Set((await insertAll(db, docs)).map((doc) => doc._id));
  report.written = written.size;

  const deliveredTo = new Map<string, string[]>();
  const used: string[] = [];
  const refused: string[] = [];
  await runPool(
    sends.filter((s) => written.has(s.message.key)),
    async ({ message, openid, templateId: tpl }) => {
      const permissionKey = subscriptionId(openid, tpl);
      const permission = permissions.get(permissionKey);
      if (permission && !permission.longTerm && (permission.left <= 0 || permission.blocked)) return;
      const errcode = await subscribeErrcode(cloud, { touser: openid, templateId: tpl, page: message.page, data: message.data });
      if (errcode === 0) {
        report.sends++;
        deliveredTo.set(message.key, [...(deliveredTo.get(message.key) ?? []), openid]);
        if (permission && !permission.longTerm) used.push(permissionKey);
      } else if (errcode === REFUSED && permission) refused.push(permissionKey);
    },
  );

  const reached = [...written].filter((key) => deliveredTo.has(key));
  const unreached = [...written].filter((key) => !deliveredTo.has(key));
  report.delivered = reached.length;
  const messages = db.raw.collection('messages');
  if (reached.length) await messages.where({ _id: _.in(reached) }).update({ data: { delivery: 'wechat' } });
  if (unreached.length) await messages.where({ _id: _.in(unreached) }).update({ data: { delivery: 'inbox' } });
  const subscriptions = db.raw.collection('subscriptions');
  // a permission used twice in one batch (two messages of the same template) is counted down once per use
  const counts = new Map<string, number>();
  for (const id of used) counts.set(id, (counts.get(id) ?? 0) + 1);
  const byCount = new Map<number, string[]>();
  for (const [id, n] of counts) byCount.set(n, [...(byCount.get(n) ?? []), id]);
  for (const [n, ids] of byCount) await subscriptions.where({ _id: _.in(ids) }).update({ data: { left: _.inc(-n), updatedAt: now } });
  if (refused.length) await subscriptions.where({ _id: _.in(refused) }).update({ data: { left: 0, updatedAt: now } });
  return report;
}

/**
 * Delivers messages (see the module comment). `recipients` may pass memberId -> openids already loaded.
 * Answers what happened; never throws for a WeChat refusal.
 */
export async function deliver(db: Db, cloud: Cloud, outgoing: readonly Outgoing[], now: Date, recipients?: Map<string, string[]>): Promise<DeliveryReport> {
  const total: DeliveryReport = { written: 0, delivered: 0, sends: 0, skipped: 0 };
  for (let from = 0; from < outgoing.length; from += BATCH) {
    const report = await deliverBatch(db, cloud, outgoing.slice(from, from + BATCH), now, recipients);
    total.written += report.written;
    total.delivered += report.delivered;
    total.sends += report.sends;
    total.skipped += report.skipped;
  }
  return total;
}

/** Unread messages in a member's 消息 (the home page shows the number). */
export async function unreadMessageCount(db: Db, memberId: string): Promise<number> {
  return db.count('messages', { memberId, readAt: null });
}

/** Whether WeChat can still reach this WeChat with this template: a permission left (or long-term), notifications not blocked. */
/** Whether WeChat may still deliver this template (its id as the settings give it; null = not set) to this WeChat. */
export async function canReach(db: Db, openid: string, templateId: string | null): Promise<boolean> {
  if (!templateId) return false;
  const doc = await db.byId<SubscriptionDoc>('subscriptions', subscriptionId(openid, templateId));
  return Boolean(doc && !doc.blocked && (doc.longTerm || doc.left > 0));
}
