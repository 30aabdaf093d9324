/**
 * Check-in at activities through the real SDK and emulator: the rotating code, windows, sign-ups and walk-ups,
 * idempotency under concurrency, staff-assisted check-in, helpers, and bad input.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { ActivityDoc, AuditLogDoc, CheckinDoc, EnrollmentDoc } from '../../src/shared/documents';
import { account, activity } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { memberIdOf, members } from './enrollment-kit';
import { boardToken, codeOf, minutesFromNow, oldToken } from './checkin-kit';

let cloud: CloudHarness;
let signedUp: string[];
let waitlisted: string;
let outsider: string;

const STAFF = 'ck-staff';
const open = (id: string, over: Partial<ActivityDoc> = {}) =>
  activity(id, 0, { startAt: minutesFromNow(10), endAt: minutesFromNow(120), signupDeadline: minutesFromNow(5), ...over });

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'activities', [
    open('act-now', { seats: 4 }),
    open('act-other'),
    open('act-walk', { walkUpAllowed: true, seats: 3, taken: 1, signupDeadline: minutesFromNow(-60) }),
    open('act-later', { startAt: minutesFromNow(24 * 60), endAt: minutesFromNow(26 * 60), signupDeadline: minutesFromNow(60) }),
    open('act-over', { startAt: minutesFromNow(-180), endAt: minutesFromNow(-60), signupDeadline: minutesFromNow(-240) }),
  ]);
  await insert(cloud.db, 'accounts', [
    account(STAFF, { role: 'staff', name: '张丽' }),
    account('ck-leader', { role: 'leader', name: '陈志刚', memberId: 'm-ck-leader', leads: [{ kind: 'activity', id: 'act-other' }] }),
  ]);
  const people = await members(cloud, 'ck', 7);
  signedUp = people.slice(0, 4);
  waitlisted = people[4]!;
  outsider = people[5]!;
  await insert(cloud.db, 'accounts', [account('ck-helper', { role: 'helper', name: '王晓梅', actsFor: memberIdOf(people[6]!) })]);
  // sign-ups through the enrollment function: four places, the fifth waits
  for (const who of [...signedUp, waitlisted, people[6]!]) {
    const id = who === people[6] ? 'act-other' : 'act-now';
    dataOf(await cloud.call('enrollment', 'signUp', { kind: 'activity', targetId: id }, who));
  }
  for (const who of signedUp.slice(0, 2)) dataOf(await cloud.call('enrollment', 'signUp', { kind: 'activity', targetId: 'act-later' }, who));
});
afterAll(() => cloud?.stop());

const scan = (token: unknown, openid: string) => cloud.call('checkin', 'scan', { token }, openid);
const checkinsOf = async (targetId: string): Promise<CheckinDoc[]> =>
  (await cloud.db.collection('checkins').where({ targetId }).limit(1000).get()).data as CheckinDoc[];

describe('the staff board', () => {
  it('shows a fresh code whose QR image carries it, the counts and the roster; only staff or the leader open it', async () => {
    const board = dataOf(await cloud.call('checkin', 'board', { kind: 'activity', id: 'act-now' }, STAFF));
    expect(board.code.token.length).toBeLessThanOrEqual(32);
    expect(board.code.page).toBe('pages/checkin/scan/index');
    expect(board.code.refreshInSeconds).toBeGreaterThan(0);
    expect(board.code.refreshInSeconds).toBeLessThanOrEqual(30);
    const png = PNG.sync.read(Buffer.from(board.code.qrImage.replace(/^data:image\/png;base64,/, ''), 'base64'));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(board.code.token);
    expect(board.counts).toMatchObject({ expected: 4, checkedIn: 0 });
    expect(board.roster.map((r) => r.memberId).sort()).toEqual(signedUp.map(memberIdOf).sort());
    expect(board.target.window.phase).toBe('open');

    expect(codeOf(await cloud.call('checkin', 'board', { kind: 'activity', id: 'act-now' }, signedUp[0]!))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('checkin', 'board', { kind: 'activity', id: 'act-now' }, 'ck-leader'))).toBe('AUTH.FORBIDDEN');
    expect(dataOf(await cloud.call('checkin', 'board', { kind: 'activity', id: 'act-other' }, 'ck-leader')).counts.expected).toBe(1);
    // the secret never travels
    expect(JSON.stringify(board)).not.toMatch(/secret/i);
  });
});

describe('scanning the venue code', () => {
  it('checks a signed-up member in once; a second scan answers 已签到 with the same time', async () => {
    const token = await boardToken(cloud, STAFF, 'activity', 'act-now');
    const first = dataOf(await scan(token, signedUp[0]!));
    expect(first).toMatchObject({ outcome: 'checkedIn', headline: '签到成功', walkUp: false, target: { id: 'act-now' } });
    const again = dataOf(await scan(token, signedUp[0]!));
    expect(again).toMatchObject({ outcome: 'already', headline: '您已签到', at: first.at });
    expect(again.detail).toContain('签到时间');
    expect(await checkinsOf('act-now')).toHaveLength(1);
  });

  it('20 concurrent identical scans make one check-in', async () => {
    const token = await boardToken(cloud, STAFF, 'activity', 'act-now');
    const answers = await Promise.all(Array.from({ length: 20 }, () => scan(token, signedUp[1]!)));
    expect(answers.map(codeOf)).toEqual(Array(20).fill('ok'));
    const outcomes = answers.map((a) => dataOf(a).outcome);
    expect(outcomes.filter((o) => o === 'checkedIn')).toHaveLength(1);
    expect(new Set(answers.map((a) => dataOf(a).at)).size).toBe(1);
    expect((await checkinsOf('act-now')).filter((c) => c.memberId === memberIdOf(signedUp[1]!))).toHaveLength(1);
  });

  it('takes the previous slot’s code but refuses an expired one (a forwarded photo)', async () => {
    await boardToken(cloud, STAFF, 'activity', 'act-now');
    expect(codeOf(await scan(await oldToken(cloud, 'activity', 'act-now', 2), signedUp[2]!))).toBe('CHECKIN.CODE_EXPIRED');
    expect(codeOf(await scan(await oldToken(cloud, 'activity', 'act-now', 20), signedUp[2]!))).toBe('CHECKIN.CODE_EXPIRED');
    expect(codeOf(await scan(await oldToken(cloud, 'activity', 'act-now', -2), signedUp[2]!))).toBe('CHECKIN.BAD_CODE');
    expect(dataOf(await scan(await oldToken(cloud, 'activity', 'act-now', 1), signedUp[2]!)).outcome).toBe('checkedIn');
  });

  it('binds a code to its activity alone: another activity’s code never checks in here, a spliced one is refused', async () => {
    const other = await boardToken(cloud, STAFF, 'activity', 'act-other');
    const here = await boardToken(cloud, STAFF, 'activity', 'act-now');
    // signed up for act-now only: act-other's code does not check them in anywhere
    expect(codeOf(await scan(other, signedUp[3]!))).toBe('CHECKIN.NOT_SIGNED_UP');
    const [hereKey] = here.split('.');
    const [, slot, otherMac] = other.split('.');
    expect(codeOf(await scan(`${hereKey}.${slot}.${otherMac}`, signedUp[3]!))).toBe('CHECKIN.BAD_CODE');
    expect(codeOf(await scan(`${hereKey}.${slot}.${'A'.repeat(14)}`, signedUp[3]!))).toBe('CHECKIN.BAD_CODE');
    expect(codeOf(await scan(`aZZZZZZZ.${slot}.${otherMac}`, signedUp[3]!))).toBe('CHECKIN.BAD_CODE');
    expect((await checkinsOf('act-now')).some((c) => c.memberId === memberIdOf(signedUp[3]!))).toBe(false);
    expect(await checkinsOf('act-other')).toHaveLength(0);
  });

  it('only inside the check-in window', async () => {
    const later = await boardToken(cloud, STAFF, 'activity', 'act-later');
    const notYet = await scan(later, signedUp[0]!);
    expect(codeOf(notYet)).toBe('CHECKIN.NOT_OPEN');
    expect(notYet.ok || notYet.error.message).toMatch(/开始签到/);
    expect(codeOf(await scan(await boardToken(cloud, STAFF, 'activity', 'act-over'), signedUp[0]!))).toBe('CHECKIN.CLOSED');
  });

  it('refuses those not signed up or only waitlisted', async () => {
    const token = await boardToken(cloud, STAFF, 'activity', 'act-now');
    expect(codeOf(await scan(token, outsider))).toBe('CHECKIN.NOT_SIGNED_UP');
    expect(codeOf(await scan(token, waitlisted))).toBe('CHECKIN.WAITLISTED');
    expect(codeOf(await scan(token, 'nobody-bound'))).toBe('AUTH.NOT_MEMBER');
  });

  it('records a walk-up’s sign-up through the seat rule, until the seats run out', async () => {
    const token = await boardToken(cloud, STAFF, 'activity', 'act-walk');
    const walkers = await members(cloud, 'wk', 3);
    const first = dataOf(await scan(token, walkers[0]!));
    expect(first).toMatchObject({ outcome: 'checkedIn', walkUp: true });
    const enrollment = (await cloud.db.collection('enrollments').doc(`activity~act-walk~${memberIdOf(walkers[0]!)}`).get()).data as EnrollmentDoc;
    expect(enrollment.status).toBe('active');
    dataOf(await scan(token, walkers[1]!));
    const doc = (await cloud.db.collection('activities').doc('act-walk').get()).data as ActivityDoc;
    expect(doc).toMatchObject({ taken: 3, line: [memberIdOf(walkers[0]!), memberIdOf(walkers[1]!)] });
    expect(codeOf(await scan(token, walkers[2]!))).toBe('CHECKIN.FULL');
    const after = (await cloud.db.collection('activities').doc('act-walk').get()).data as ActivityDoc;
    expect(after.taken).toBe(3);
    expect(dataOf(await scan(token, walkers[0]!)).outcome).toBe('already');
  });

  it('lets a helper scan for their member at an activity, and tells the member', async () => {
    const token = await boardToken(cloud, STAFF, 'activity', 'act-other');
    const answer = dataOf(await scan(token, 'ck-helper'));
    expect(answer.outcome).toBe('checkedIn');
    const [doc] = await checkinsOf('act-other');
    expect(doc).toMatchObject({ byRole: 'helper', byName: '王晓梅', method: 'scan' });
    const { data } = await cloud.db.collection('auditLog').where({ memberId: doc!.memberId, action: 'checkin.scan' }).get();
    expect((data as AuditLogDoc[])[0]?.detail).toContain('替您签到');
    const board = dataOf(await cloud.call('checkin', 'board', { kind: 'activity', id: 'act-other' }, STAFF));
    expect(board.roster[0]).toMatchObject({ checkedIn: true, byName: '王晓梅' });
  });
});

describe('staff-assisted check-in', () => {
  it('finds the member by name and checks them in as done by that staff member, once', async () => {
    const [who] = await members(cloud, 'as', 1, { name: '赵德福' });
    dataOf(await cloud.call('enrollment', 'signUp', { kind: 'activity', targetId: 'act-other' }, who!));
    const found = dataOf(await cloud.call('checkin', 'board', { kind: 'activity', id: 'act-other', name: '德福' }, STAFF)).roster;
    expect(found.map((r) => r.name)).toEqual(['赵德福']);
    const assisted = dataOf(await cloud.call('checkin', 'assist', { kind: 'activity', id: 'act-other', memberId: found[0]!.memberId }, STAFF));
    expect(assisted).toMatchObject({ outcome: 'checkedIn', row: { checkedIn: true, method: 'staff', byName: '张丽' } });
    expect(assisted.counts.checkedIn).toBe(2);
    const again = dataOf(await cloud.call('checkin', 'assist', { kind: 'activity', id: 'act-other', memberId: found[0]!.memberId }, 'ck-leader'));
    expect(again.outcome).toBe('already');
    const { data } = await cloud.db.collection('auditLog').where({ memberId: found[0]!.memberId, action: 'checkin.assist' }).get();
    expect((data as AuditLogDoc[]).map((a) => a.detail)).toEqual(['张丽为您签到：活动act-other']);
    // a member cannot check others in; a leader only where they lead
    expect(codeOf(await cloud.call('checkin', 'assist', { kind: 'activity', id: 'act-now', memberId: memberIdOf(signedUp[3]!) }, signedUp[0]!))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('checkin', 'assist', { kind: 'activity', id: 'act-now', memberId: memberIdOf(signedUp[3]!) }, 'ck-leader'))).toBe('AUTH.FORBIDDEN');
  });

  it('the member sees the check-in in their records', async () => {
    const mine = dataOf(await cloud.call('checkin', 'mine', {}, signedUp[0]!));
    expect(mine.attendance.map((a) => [a.targetId, a.method])).toEqual([['act-now', 'scan']]);
  });
});

describe('bad input', () => {
  it.each([
    ['operator object', 'scan', { token: { $gt: '' } }],
    ['number', 'scan', { token: 12345 }],
    ['garbage token', 'scan', { token: 'not-a-code' }],
    ['extra key', 'scan', { token: 'aAAAAAAA.1.AAAAAAAAAAAAAA', openid: 'ck-0' }],
    ['operator id', 'board', { kind: 'activity', id: { $ne: null } }],
    ['unknown kind', 'board', { kind: 'course', id: 'act-now' }],
    ['someone else in mine', 'mine', { memberId: 'm-ck-1' }],
    ['minutes as text', 'confirmHours', { sessionId: 's', memberId: 'm', minutes: '90' }],
    ['not a credit id', 'correct', { entryId: 'reverse~credit~a~b~0', reason: '错了' }],
  ])('%s -> INPUT.INVALID', async (_label, action, payload) => {
    const answer = await cloud.call('checkin', action as 'scan', payload, STAFF);
    expect(codeOf(answer)).toBe('INPUT.INVALID');
  });

  it('a forged key or an unknown activity id is not found, never a crash', async () => {
    expect(codeOf(await scan('aAAAAAAA.1.AAAAAAAAAAAAAA', signedUp[0]!))).toBe('CHECKIN.BAD_CODE');
    expect(codeOf(await cloud.call('checkin', 'assist', { kind: 'activity', id: 'act-now', memberId: 'm-nobody' }, STAFF))).toBe('DATA.NOT_FOUND');
    expect(codeOf(await cloud.call('checkin', 'board', { kind: 'activity', id: 'no-such' }, STAFF))).toBe('DATA.NOT_FOUND');
  });
});
