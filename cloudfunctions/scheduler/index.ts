/**
 * scheduler: the timed work, on one timer trigger (config.json: every 10 minutes, UTC+8; WeChat allows one
 * trigger per function). Each tick runs every job in turn within the time limit; each job keeps its progress
 * in `jobs` and resumes there. Only the timer may run it: a call from the mini-program (which always carries
 * a WeChat identity) is refused.
 */
import * as cloud from 'wx-server-sdk';
import { now } from '../_lib/clock';
import { initCloud, openDb } from '../_lib/db';
import { runEscalations } from './escalations';
import { runLotteries } from './lotteries';
import { runReminders } from './reminders';
import { runVisitsDigest } from './visits';
import type { Budget } from './state';

/** leave this much of the 60-second limit for the last job's bookkeeping */
const SAFETY_MS = 15_000;

initCloud(cloud);
const db = openDb(cloud);

function isTimer(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
}

export async function main(event: unknown, context?: { time_limit_in_ms?: number }): Promise<unknown> {
  const wx = cloud.getWXContext();
  if (!isTimer(event) || (typeof wx.OPENID === 'string' && wx.OPENID !== '')) {
    return { ok: false, error: { code: 'AUTH.FORBIDDEN', message: '只由定时触发器运行' } };
  }
  const limit = context?.time_limit_in_ms ?? 60_000;
  const budget: Budget = { now: now(), deadline: Date.now() + Math.max(1000, limit - SAFETY_MS) };
  const results: Record<string, unknown> = {};
  results.lotteries = await runLotteries(db, cloud, budget);
  results.remindDay = await runReminders(db, cloud, 'day', budget);
  results.remindSoon = await runReminders(db, cloud, 'soon', budget);
  results.escalations = await runEscalations(db, budget);
  results.visits = await runVisitsDigest(db, cloud, budget);
  return { ok: true, data: results };
}
