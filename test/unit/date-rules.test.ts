import { beijingDay, eventWindow, isCalendarDay, isIsoTime, pastWindow, periodWindow, RECORDS_BEGIN } from '../../src/shared/date-rules';
import { parsePayload, schemas } from '../../src/shared/schemas';

const DAY = 24 * 3600_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().replace(/\.\d+Z$/, '+00:00');
const today = beijingDay(new Date());

describe('dates within reason', () => {
  it('accepts only days and times that exist on the calendar (no rollover)', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '0000-00-00', '2026-2-1', '2026-02-28x']) expect([bad, isCalendarDay(bad)]).toEqual([bad, false]);
    expect(isIsoTime('2026-05-03T09:00:00+08:00')).toBe(true);
    expect(isIsoTime('2026-05-03T09:00Z')).toBe(true);
    for (const bad of ['2026-02-30T09:00:00+08:00', '2026-05-03T24:30:00+08:00', '2026-05-03T09:61:00Z', '2026-05-03T09:00:60Z', '2026-05-03T09:00:00+25:00', '2026-05-03 09:00']) {
      expect([bad, isIsoTime(bad)]).toEqual([bad, false]);
    }
  });

  it('gives each kind of date its window around today', () => {
    const now = new Date('2026-12-06T02:00:00Z');
    expect(eventWindow(now)).toEqual({ from: '2025-12-05', to: '2028-12-07' });
    expect(pastWindow(now)).toEqual({ from: RECORDS_BEGIN, to: '2026-12-06' });
    expect(periodWindow(now)).toEqual({ from: RECORDS_BEGIN, to: '2026-12-31' });
    expect(beijingDay(new Date('2026-12-06T17:00:00Z'))).toBe('2026-12-07');
  });

  const activity = (over: object) => ({
    title: '门球赛', kind: '文体', place: '老年活动中心', seats: 20, walkUpAllowed: false,
    startAt: iso(10), endAt: iso(10.1), signupDeadline: iso(9), ...over,
  });

  it('refuses an activity published for 1970, 0000, 2206 or 9999, naming the field and the allowed range', () => {
    expect(parsePayload(schemas.staff.saveActivity, activity({})).ok).toBe(true);
    for (const year of ['1970', '2206', '9999']) {
      const answer = parsePayload(schemas.staff.saveActivity, activity({ startAt: `${year}-05-03T09:00:00+08:00` }));
      expect(answer).toMatchObject({ ok: false, code: 'INPUT.DATE_RANGE', field: 'startAt' });
      expect(answer.ok || answer.message).toMatch(/^开始时间要在\d{4}年\d+月\d+日到\d{4}年\d+月\d+日之间$/);
    }
    expect(parsePayload(schemas.staff.saveActivity, activity({ startAt: '0000-05-03T09:00:00+08:00' }))).toMatchObject({ ok: false, field: 'startAt' });
    expect(parsePayload(schemas.staff.saveActivity, activity({ signupDeadline: '2026-02-30T09:00:00+08:00' }))).toMatchObject({ ok: false, code: 'INPUT.BAD_DATE', field: 'signupDeadline' });
    expect(parsePayload(schemas.checkin.saveSession, { teamId: 't1', title: '值守', place: '门口', startAt: iso(800), endAt: iso(800.05) })).toMatchObject({ ok: false, code: 'INPUT.DATE_RANGE', field: 'startAt' });
  });

  it('refuses a care visit dated 0001-01-01 or in the future, and a period from year 1 to 9999', () => {
    const visit = (visitedOn: string) => parsePayload(schemas.staff.recordVisit, { memberId: 'm1', reason: 'festival', visitedOn, visitors: '刘干事' });
    expect(visit(today)).toMatchObject({ ok: true });
    expect(visit('0001-01-01')).toMatchObject({ ok: false, code: 'INPUT.DATE_RANGE', field: 'visitedOn', message: expect.stringContaining('走访日期要在2000年1月1日到') });
    expect(visit(beijingDay(new Date(Date.now() + 2 * DAY)))).toMatchObject({ ok: false, code: 'INPUT.DATE_RANGE', field: 'visitedOn' });
    expect(visit('2026-02-30')).toMatchObject({ ok: false, code: 'INPUT.BAD_DATE', field: 'visitedOn' });
    expect(parsePayload(schemas.figures.figures, { from: '0001-01-01', to: '9999-12-31' })).toMatchObject({ ok: false, code: 'INPUT.DATE_RANGE', field: 'from' });
    expect(parsePayload(schemas.suggestion.rates, { from: '2026-01-01', to: '9999-12-31' })).toMatchObject({ ok: false, code: 'INPUT.DATE_RANGE', field: 'to' });
    expect(parsePayload(schemas.figures.figures, { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` })).toMatchObject({ ok: true });
  });
});
