/** One vocabulary for time and state (issue 19 item 6): day parts, times kept whole, and state words per phase. */
import { badgeWords, clockWords, dateTimeWords, dayPart, friendlyClock, moreWords, phaseOf, PHASE_WORDS, plain, wallClock, type Timeline } from '../../src/shared/time-words';
import { formatDate, formatDateTime, formatLongDate, formatTime } from '../../src/services/format';

const at = (text: string) => new Date(`${text}+08:00`);

describe('day-part words', () => {
  it('are one set, the same on the detail and in 我的报名', () => {
    expect([0, 5, 6, 8, 11, 12, 13, 17, 18, 23].map(dayPart)).toEqual(['凌晨', '凌晨', '上午', '上午', '上午', '中午', '下午', '下午', '晚上', '晚上']);
    // 8:30 read 早上 on the detail (dayjs' zh-cn meridiem) and 上午 in 我的报名 (friendlyClock) before
    expect(plain(formatDateTime('2026-12-08T08:30:00+08:00'))).toBe('12月8日 周二 上午8:30');
    expect(plain(friendlyClock('08:30'))).toBe('上午8:30');
    expect(plain(formatTime('2026-12-08T17:00:00+08:00'))).toBe('下午5:00');
    expect(plain(friendlyClock('09:00-10:30'))).toBe('上午9:00-10:30');
    expect(plain(friendlyClock('11:00-14:00'))).toBe('上午11:00-下午2:00');
  });

  it('keep a time whole on one line: no break between the day part and the digits', () => {
    const words = clockWords(17, 0);
    expect(words).toBe('下\u2060午\u20605:00');
    expect(dateTimeWords(at('2026-12-08T17:00:00'))).toContain('下\u2060午\u20605:00');
  });
});

describe('dates on the Beijing calendar, whatever the offset they were written with', () => {
  it('an evening in UTC is the next morning in Beijing, across the year end', () => {
    expect(wallClock('2026-12-31T16:30:00Z')).toEqual({ year: 2027, month: 1, day: 1, weekday: 5, hour: 0, minute: 30 });
    expect(formatDate('2026-12-31T16:30:00Z')).toBe('1月1日');
    expect(formatLongDate('2026-12-31T16:30:00Z')).toBe('2027年1月1日');
    expect(plain(formatDateTime('2026-12-31T16:30:00.000Z'))).toBe('1月1日 周五 凌晨0:30');
  });

  it('a time written in +08:00 or as a Date reads the same', () => {
    expect(formatDate('2026-03-10T23:59:00+08:00')).toBe('3月10日');
    expect(formatLongDate('2026-03-10T00:00:00+08:00')).toBe('2026年3月10日');
    expect(plain(dateTimeWords(at('2024-02-29T13:05:00')))).toBe('2月29日 周四 下午1:05');
  });
});

describe('state words, derived from the facts and the clock', () => {
  const activity: Timeline = { signupClosesAt: at('2026-12-09T17:00:00'), startAt: at('2026-12-10T09:00:00'), endAt: at('2026-12-10T11:00:00') };
  const course: Timeline = { signupOpensAt: at('2026-12-08T09:00:00'), signupClosesAt: at('2026-12-20T17:00:00') };

  it.each([
    ['2026-12-07T10:00:00', course, 'signupNotOpen', '报名还没开始'],
    ['2026-12-08T10:00:00', course, 'signupOpen', '正在报名'],
    ['2026-12-21T10:00:00', course, 'signupClosed', '报名已截止'],
    ['2026-12-09T10:00:00', activity, 'signupOpen', '正在报名'],
    ['2026-12-09T18:00:00', activity, 'notStarted', '还没开始，报名已截止'],
    ['2026-12-10T10:00:00', activity, 'underway', '正在进行'],
    ['2026-12-10T11:00:00', activity, 'ended', '已结束'],
  ] as const)('at %s: %s', (now, timeline, phase, words) => {
    expect(phaseOf(at(now), timeline)).toBe(phase);
    expect(PHASE_WORDS[phaseOf(at(now), timeline)]).toBe(words);
  });

  it('a cancelled one is cancelled whatever the clock', () => {
    expect(phaseOf(at('2026-12-09T10:00:00'), { ...activity, cancelled: true })).toBe('cancelled');
  });

  it('offers places and sign-up only while sign-up is open (not 剩余60个名额 for a course that opens later)', () => {
    const before = phaseOf(at('2026-12-07T10:00:00'), course);
    expect(plain(badgeWords(before, course, 60))).toBe('12月8日 周二 上午9:00开始报名');
    expect(moreWords(before)).toBe('查看详情');
    const open = phaseOf(at('2026-12-08T10:00:00'), course);
    expect(badgeWords(open, course, 60)).toBe('剩余60个名额');
    expect(moreWords(open)).toBe('查看详情和报名');
    expect(badgeWords(open, course, 0)).toBe('名额已满，可以排队候补');
  });
});
