/**
 * Suggestions left open with no change for escalateAfterDays (settings 'suggestion', default in
 * suggestion-rules.ts) escalate: marked escalatedAt (the staff workbench flags them 久未办理，已上报) and recorded in
 * the staff audit log. One query and one update per run; each escalates once.
 */
import type { AccountDoc, SuggestionDoc, SuggestionSettingsDoc } from '../../src/shared/documents';
import { DEFAULT_ESCALATE_AFTER_DAYS } from '../../src/shared/suggestion-rules';
import type { Db } from '../_lib/db';
import { insertOne, updateWhere } from '../_lib/writes';
import type { Budget } from './state';

const DAY_MS = 24 * 3600 * 1000;
const LIMIT = 100;

export async function runEscalations(db: Db, budget: Budget): Promise<{ escalated: number }> {
  const { now } = budget;
  const _ = db.command;
  const settings = await db.byId<Partial<SuggestionSettingsDoc>>('settings', 'suggestion');
  const configured = settings?.escalateAfterDays;
  const days = typeof configured === 'number' && configured >= 1 ? configured : DEFAULT_ESCALATE_AFTER_DAYS;
  const stale = await db.find<Pick<SuggestionDoc, '_id' | 'trackingNo' | 'status'>>('suggestions', {
    where: { status: _.in(['submitted', 'accepted', 'inProgress']), updatedAt: _.lt(new Date(now.getTime() - days * DAY_MS)), escalatedAt: _.exists(false) },
    limit: LIMIT,
    fields: { trackingNo: true, status: true },
  });
  if (stale.length === 0) return { escalated: 0 };
  const ids = stale.map((doc) => doc._id);
  await updateWhere(db, 'suggestions', { _id: _.in(ids), escalatedAt: _.exists(false) }, { escalatedAt: now });
  const system: Pick<AccountDoc, 'openid' | 'name' | 'role'> = { openid: 'system:scheduler', name: '系统（定时任务）', role: 'staff' };
  await insertOne(db, 'staffAudit', {
    action: 'scheduler.escalateSuggestions',
    actorOpenid: system.openid,
    actorName: system.name,
    actorRole: system.role,
    at: now,
    changes: [],
    summary: { days, trackingNos: stale.map((doc) => doc.trackingNo) },
  });
  return { escalated: stale.length };
}
