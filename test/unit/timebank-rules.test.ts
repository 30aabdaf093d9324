/** The time-bank rules: rounding (table-driven, boundaries), the presence rule, windows and the token format. */
import {
  checkinWindow,
  creditFor,
  creditId,
  formatToken,
  meetsPresence,
  parseCreditId,
  parseToken,
  phaseOf,
  presentMinutes,
  reversalId,
  roundServiceMinutes,
  SCENE_MAX,
  slotFreshness,
  slotOf,
  type RoundingRule,
} from '../../src/shared/timebank-rules';

describe('rounding: under 15 min nothing, 15–45 half an hour, 45–60 an hour, per started hour', () => {
  it.each([
    [0, 0], [14, 0], [15, 0.5], [30, 0.5], [44, 0.5], [45, 1], [59, 1], [60, 1], [61, 1],
    [74, 1], [75, 1.5], [104, 1.5], [105, 2], [120, 2], [134, 2], [135, 2.5], [240, 4], [14.9, 0], [-5, 0],
  ])('%d minutes -> %d hours', (minutes, hours) => {
    expect(roundServiceMinutes(minutes)).toBe(hours);
  });

  it('is configurable: quarter hours', () => {
    const quarters: RoundingRule = { steps: [{ fromMinute: 10, hours: 0.25 }, { fromMinute: 25, hours: 0.5 }, { fromMinute: 40, hours: 0.75 }, { fromMinute: 55, hours: 1 }] };
    expect([9, 10, 24, 25, 39, 40, 54, 55, 69, 70].map((m) => roundServiceMinutes(m, quarters))).toEqual([0, 0.25, 0.25, 0.5, 0.5, 0.75, 0.75, 1, 1, 1.25]);
  });
});

describe('presence: at least 60% of the scheduled time', () => {
  it.each([
    [72, 120, true], [71, 120, false], [54, 90, true], [53, 90, false], [0, 0, true], [180, 180, true],
  ])('%d of %d minutes -> %s', (present, scheduled, ok) => {
    expect(meetsPresence(present, scheduled)).toBe(ok);
  });

  it('counts only the overlap with the scheduled time', () => {
    const at = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00+08:00`);
    expect(presentMinutes(at('08:30'), at('12:30'), at('09:00'), at('12:00'))).toBe(180);
    expect(presentMinutes(at('09:40'), at('11:00'), at('09:00'), at('12:00'))).toBe(80);
    expect(presentMinutes(at('12:10'), at('12:30'), at('09:00'), at('12:00'))).toBe(0);
  });

  it('credits by the rounding rule only with enough presence, and says why not', () => {
    expect(creditFor(75, 120)).toEqual({ credited: true, hours: 1.5, reason: null });
    const short = creditFor(60, 120);
    expect(short).toMatchObject({ credited: false, hours: 0 });
    expect(short.reason).toContain('60%');
    expect(creditFor(10, 15)).toMatchObject({ credited: false, hours: 0 });
    expect(creditFor(50, 120, { rounding: { steps: [] }, presencePercent: 40, issuer: 'x' })).toMatchObject({ credited: false });
  });
});

describe('check-in window', () => {
  const startAt = new Date('2026-03-10T01:00:00Z');
  const endAt = new Date('2026-03-10T03:00:00Z');
  it('defaults to 30 minutes before the start until the end, inclusive', () => {
    const w = checkinWindow({ startAt, endAt });
    expect(phaseOf(w, new Date('2026-03-10T00:29:59Z'))).toBe('notYet');
    expect(phaseOf(w, new Date('2026-03-10T00:30:00Z'))).toBe('open');
    expect(phaseOf(w, endAt)).toBe('open');
    expect(phaseOf(w, new Date(endAt.getTime() + 1))).toBe('closed');
  });
  it('takes the activity’s own window when stored', () => {
    const w = checkinWindow({ startAt, endAt, checkinOpensAt: new Date('2026-03-09T23:00:00Z'), checkinClosesAt: startAt });
    expect(phaseOf(w, new Date('2026-03-09T23:30:00Z'))).toBe('open');
    expect(phaseOf(w, new Date('2026-03-10T02:00:00Z'))).toBe('closed');
  });
});

describe('token format', () => {
  const parts = { key: 'aAbC_-12', slot: slotOf(Date.parse('2030-01-01T00:00:00Z')), mac: 'abcdefghij_-XY' };
  it('fits a wxacode scene and reads back', () => {
    const token = formatToken(parts);
    expect(token.length).toBeLessThanOrEqual(SCENE_MAX);
    expect(token).toMatch(/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/);
    expect(parseToken(token)).toEqual(parts);
  });
  it.each(['', 'a.b.c', `${'x'.repeat(8)}.1.${'y'.repeat(13)}`, `aAbC_-12.ZZ.${'y'.repeat(14)}`, `aAbC_-1!.1.${'y'.repeat(14)}`, `aAbC_-12.1.${'y'.repeat(14)}.x`])(
    'refuses %p',
    (token) => expect(parseToken(token)).toBeNull(),
  );
  it('accepts the current and the previous 30-second slot only', () => {
    const now = Date.parse('2030-01-01T00:00:10Z');
    const slot = slotOf(now);
    expect(slotFreshness(slot, now)).toBe('fresh');
    expect(slotFreshness(slot - 1, now)).toBe('fresh');
    expect(slotFreshness(slot - 2, now)).toBe('expired');
    expect(slotFreshness(slot + 1, now)).toBe('future');
    expect(slotOf(now + 30_000)).toBe(slot + 1);
  });
});

describe('deterministic ledger ids', () => {
  it('names a credit per session, member and revision, and its one reversal', () => {
    const id = creditId('sess-1', 'member-0001', 2);
    expect(parseCreditId(id)).toEqual({ sessionId: 'sess-1', memberId: 'member-0001', revision: 2 });
    expect(parseCreditId(reversalId(id))).toBeNull();
    expect(parseCreditId('credit~a~b')).toBeNull();
  });
});
