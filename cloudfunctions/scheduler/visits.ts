/**
 * 五必访 each morning: from 08:00 Beijing, once a day, every staff account gets the care visits falling due
 * (birthdays this week not yet visited, members in hospital not visited within 7 days; _domain/visits/due.ts), in
 * their 消息 and by WeChat where allowed. Nothing when nothing is due.
 */
import type { AccountDoc } from '../../src/shared/documents';
import { inboxOwner } from '../../src/shared/messages';
import { beijingClock, beijingDay } from '../../src/shared/date-rules';
import type { Cloud, Db } from '../_lib/db';
import { deliver } from '../_lib/messages';
import { visitsDue } from '../_domain/visits/due';
import { readState, saveState, type Budget } from './state';

const MORNING_HOUR = 8;
const JOB = 'visits-digest';
const VISITS_PAGE = 'pages/staff/visits';

export async function runVisitsDigest(db: Db, cloud: Cloud, budget: Budget): Promise<{ day: string | null; staff: number; due: number }> {
  const { now } = budget;
  const day = beijingDay(now);
  const hour = beijingClock(now).getUTCHours();
  const state = await readState(db, JOB);
  if (hour < MORNING_HOUR || state.day === day) return { day: null, staff: 0, due: 0 };
  const due = await visitsDue(db, now);
  const birthdays = due.birthdays.filter((b) => !b.visited);
  const count = birthdays.length + due.hospital.length;
  let staffCount = 0;
  if (count > 0) {
    const staff = await db.find<AccountDoc>('accounts', { where: { role: db.command.in(['staff', 'admin']) }, limit: 100 });
    const active = staff.filter((a) => !a.revokedAt);
    staffCount = active.length;
    const names = [...due.hospital.map((h) => `${h.name}（住院）`), ...birthdays.map((b) => `${b.name}（${b.day.slice(5)}生日）`)];
    const body = `今天该走访${count}位老同志：${names.join('、')}`;
    const recipients = new Map(active.map((a) => [inboxOwner(a) as string, [a.openid]]));
    await deliver(
      db,
      cloud,
      active.map((a) => ({
        key: `visits:${day}:${a._id}`,
        memberId: inboxOwner(a) as string,
        kind: 'visits' as const,
        template: 'visits' as const,
        page: VISITS_PAGE,
        title: `走访提醒：${count}位老同志该走访了`,
        body,
        data: { thing1: '五必访走访提醒', number2: String(count), thing3: names.join('、') },
      })),
      now,
      recipients,
    );
  }
  await saveState(db, { ...state, day }, now);
  return { day, staff: staffCount, due: count };
}
