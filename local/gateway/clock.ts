/**
 * POST /local/clock {"now": "<ISO time>"}: moves the local clock and fires every timer trigger that fell due on
 * the way, in order; answers {now, fired}. GET answers {now}. Tests drive time this way instead of sleeping.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { localClock } from '../clock';
import type { TriggerRunner } from '../runtime/triggers';
import { readBody, sendJson } from './http';

const LIMIT = 1024;

export async function handleClock(req: IncomingMessage, res: ServerResponse, triggers: TriggerRunner): Promise<void> {
  if (req.method === 'GET') return sendJson(res, 200, { now: localClock.now().toISOString() });
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'GET or POST' });
  let to: Date;
  try {
    const body = JSON.parse((await readBody(req, LIMIT)).toString('utf8')) as { now?: unknown };
    if (typeof body.now !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(body.now)) throw new Error('now');
    to = new Date(body.now);
    if (Number.isNaN(to.getTime())) throw new Error('now');
  } catch {
    return sendJson(res, 400, { error: 'body must be {"now": "<ISO 8601 time>"}' });
  }
  try {
    const fired = await triggers.moveClock(to);
    sendJson(res, 200, { now: localClock.now().toISOString(), fired });
  } catch (error) {
    sendJson(res, 400, { error: (error as Error).message });
  }
}
