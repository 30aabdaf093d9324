/** Subscribe-message values within WeChat's limits, and when reminders fall due (pure rules in src/shared). */
import { codePointLength, fitField, truncateChars } from '../../src/shared/message-fields';
import { reminderWindow, weeklyStarts } from '../../src/shared/reminder-rules';
import { dueBetween, parseTriggers } from '../../local/runtime/triggers';

const beijing = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);

describe('fitting values to WeChat limits', () => {
  test('thing is at most 20 code points, cut on a whole character with …', () => {
    const long = '“银龄杯”门球友谊赛暨全县老年人体育健身展示活动';
    const fitted = fitField('thing1', long);
    expect(codePointLength(fitted)).toBe(20);
    expect(fitted.endsWith('…')).toBe(true);
    expect(long.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(fitField('thing1', '门球赛')).toBe('门球赛');
  });

  test('never splits a surrogate pair or an emoji sequence', () => {
    const text = `${'字'.repeat(18)}👨‍👩‍👧😀😀`;
    const cut = truncateChars(text, 20);
    expect(codePointLength(cut)).toBeLessThanOrEqual(20);
    expect(cut).toBe(`${'字'.repeat(18)}…`);
    expect(/[\uD800-\uDBFF]$/.test(cut.slice(0, -1))).toBe(false);
  });

  test('phrase keeps Chinese characters only, at most 5; an empty value becomes 无', () => {
    expect(fitField('phrase2', '候补成功了！OK')).toBe('候补成功了');
    expect(fitField('phrase2', 'OK')).toBe('无');
    expect(fitField('thing3', '   ')).toBe('无');
  });
});

describe('when reminders fall due', () => {
  test('the day-before job covers tomorrow only from 18:00 Beijing', () => {
    const before = reminderWindow('day', beijing('2030-03-04 17:59'));
    expect(before.horizon.getTime()).toBe(before.lowest.getTime());
    const evening = reminderWindow('day', beijing('2030-03-04 18:00'));
    expect(evening.lowest).toEqual(beijing('2030-03-05 00:00'));
    expect(evening.horizon).toEqual(beijing('2030-03-06 00:00'));
  });

  test('weekly class times in a window, by Beijing weekday', () => {
    // 2030-03-04 is a Monday
    expect(weeklyStarts(1, '09:00-10:30', beijing('2030-03-03 00:00'), beijing('2030-03-11 08:00'))).toEqual([beijing('2030-03-04 09:00')]);
    expect(weeklyStarts(7, '14:30-16:00', beijing('2030-03-04 00:00'), beijing('2030-03-11 00:00'))).toEqual([beijing('2030-03-10 14:30')]);
  });
});

describe('timer triggers', () => {
  test('7-field cron in UTC+8, one trigger per function, fired in order', () => {
    const [daily] = parseTriggers('f', { triggers: [{ name: 'daily', type: 'timer', config: '0 0 2 * * * *' }] });
    if (!daily) throw new Error('no trigger');
    const due = dueBetween([daily], new Date('2030-03-04T00:00:00Z'), new Date('2030-03-06T00:00:00Z'));
    expect(due.map((d) => d.at.toISOString())).toEqual(['2030-03-04T18:00:00.000Z', '2030-03-05T18:00:00.000Z']);
    expect(() => parseTriggers('f', { triggers: [{ name: 'a', type: 'timer', config: '0 0 2 * * * *' }, { name: 'b', type: 'timer', config: '0 0 3 * * * *' }] })).toThrow(/at most one/);
    expect(() => parseTriggers('f', { triggers: [{ name: 'a', type: 'timer', config: '0 2 * * *' }] })).toThrow(/7 fields/);
    const [yearly] = parseTriggers('f', { triggers: [{ name: 'once', type: 'timer', config: '0 0 9 1 1 * 2031' }] });
    if (!yearly) throw new Error('no trigger');
    expect(dueBetween([yearly], new Date('2030-01-01T00:00:00Z'), new Date('2032-12-31T00:00:00Z')).map((d) => d.at.toISOString())).toEqual(['2031-01-01T01:00:00.000Z']);
  });
});
