/**
 * Property-based concurrency (fast-check): random interleavings of sign-up, cancel, approval, promotion (a cancel
 * in front of a waitlist), lottery draw and walk-up check-in, from a few members — the same member often twice at
 * once — run through the real functions into the emulator. After every wave of concurrent calls the seats tell
 * one story (seats-kit.ts), and nobody is checked in twice.
 */
import fc from 'fast-check';
import type { CheckinDoc } from '../../src/shared/documents';
import { account, activity, course, daysFromNow } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { memberIdOf, members } from './enrollment-kit';
import { boardToken, minutesFromNow } from './checkin-kit';
import { seatViolations } from './seats-kit';

let cloud: CloudHarness;
let people: string[];
const STAFF = 'prop-staff';
const TERM = '2026-autumn';

beforeAll(async () => {
  cloud = await startCloud();
  people = await members(cloud, 'prop', 4);
  await insert(cloud.db, 'accounts', [account(STAFF, { role: 'staff', name: '张丽' })]);
});
afterAll(() => cloud?.stop());

type Op =
  | { type: 'signUp'; who: number; on: 'course' | 'assoc' | 'team'; post: 'p1' | 'p2' }
  | { type: 'cancel'; who: number; on: 'course' | 'assoc' | 'team' | 'lottery' }
  | { type: 'approve'; who: number }
  | { type: 'draw' };

const who = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('signUp' as const), who, on: fc.constantFrom('course' as const, 'assoc' as const, 'team' as const), post: fc.constantFrom('p1' as const, 'p2' as const) }), weight: 4 },
  { arbitrary: fc.record({ type: fc.constant('cancel' as const), who, on: fc.constantFrom('course' as const, 'assoc' as const, 'team' as const, 'lottery' as const) }), weight: 3 },
  { arbitrary: fc.record({ type: fc.constant('approve' as const), who }), weight: 1 },
  { arbitrary: fc.record({ type: fc.constant('draw' as const) }), weight: 1 },
);
/** an op starts 0-12 ms into its wave, so the steps inside the functions interleave differently each time */
const timed = fc.record({ op, at: fc.integer({ min: 0, max: 12 }) });
/** waves run one after another; the calls of a wave all at once (a member's double tap: the first op twice) */
const waves = fc.array(fc.array(timed, { minLength: 2, maxLength: 7 }).map((ops) => [...ops, ...ops.slice(0, 1)]), { minLength: 2, maxLength: 4 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let run = 0;
let interleavings = 0;

it('sign-up, cancel, approval, promotion and lottery in any interleaving keep one truth of every place', async () => {
  await fc.assert(
    fc.asyncProperty(waves, async (plan) => {
      run += 1;
      const ids = { course: `pc-${run}`, assoc: `pa-${run}`, team: `pt-${run}`, lottery: `pl-${run}` };
      // a lottery course whose window closed, with everyone entered, waiting for its draw
      const entrants = people.map(memberIdOf);
      await Promise.all([
        insert(cloud.db, 'courses', [
          course(ids.course, `${TERM}-c${run}`, { seats: 2, taken: 0, line: [] }),
          course(ids.lottery, `${TERM}-${run}`, { seats: 2, taken: 4, line: entrants, mode: 'lottery', enrollOpensAt: daysFromNow(-5), enrollClosesAt: daysFromNow(-1) }),
        ]),
        insert(cloud.db, 'associations', [{ _id: ids.assoc, name: '书画研究会', purpose: '', leaderName: '', meetingSchedule: '', joinMode: 'approval', memberCount: 0, line: [] }]),
        insert(cloud.db, 'volunteerTeams', [{
          _id: ids.team, name: '法律服务队', category: '送法律', description: '', skills: [], leaderMemberId: null,
          posts: [{ id: 'p1', name: '调解员', duties: '', capacity: 1, taken: 0, line: [] }, { id: 'p2', name: '咨询员', duties: '', capacity: 1, taken: 0, line: [] }],
        }]),
        insert(cloud.db, 'enrollments', entrants.map((memberId) => ({
          _id: `course~${ids.lottery}~${memberId}`, kind: 'course', targetId: ids.lottery, postId: null, memberId, termId: `${TERM}-${run}`,
          termSlot: `${memberId}~${TERM}-${run}~1`, status: 'active', title: '摇号课', createdAt: new Date(), updatedAt: new Date(), byOpenid: 'seed',
        }))),
      ]);
      const perform = (o: Op): Promise<{ ok: boolean; error?: { code: string } }> => {
        switch (o.type) {
          case 'signUp':
            return cloud.call('enrollment', 'signUp', { kind: o.on === 'assoc' ? 'association' : o.on, targetId: ids[o.on], ...(o.on === 'team' ? { postId: o.post } : {}) }, people[o.who]!);
          case 'cancel': {
            const kind = o.on === 'assoc' ? 'association' : o.on === 'lottery' ? 'course' : o.on;
            return cloud.call('enrollment', 'cancel', { enrollmentId: `${kind}~${ids[o.on]}~${memberIdOf(people[o.who]!)}` }, people[o.who]!);
          }
          case 'approve':
            return cloud.call('enrollment', 'approve', { enrollmentId: `association~${ids.assoc}~${memberIdOf(people[o.who]!)}` }, STAFF);
          case 'draw':
            return cloud.call('enrollment', 'drawLottery', { courseId: ids.lottery }, STAFF);
        }
      };
      for (const wave of plan) {
        const answers = await Promise.all(wave.map(async ({ op: o, at }) => {
          if (at) await sleep(at);
          return perform(o);
        }));
        interleavings += 1;
        for (const answer of answers) expect(answer.error?.code).not.toBe('SYSTEM.ERROR');
        const violations = [
          ...(await seatViolations(cloud, 'course', ids.course)),
          ...(await seatViolations(cloud, 'course', ids.lottery)),
          ...(await seatViolations(cloud, 'association', ids.assoc)),
          ...(await seatViolations(cloud, 'team', ids.team, 'p1')),
          ...(await seatViolations(cloud, 'team', ids.team, 'p2')),
        ];
        expect(violations).toEqual([]);
      }
    }),
    { numRuns: 12, endOnFailure: true },
  );
  console.log(`seats property: ${run} runs, ${interleavings} concurrent waves`);
});

it('walk-ups and double scans at the door: one check-in per member, seats never oversold, one truth of the place', async () => {
  let round = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.record({ who, assisted: fc.boolean() }), { minLength: 3, maxLength: 10 }), async (taps) => {
      round += 1;
      const id = `pw-${round}`;
      await insert(cloud.db, 'activities', [
        activity(id, 0, { startAt: minutesFromNow(10), endAt: minutesFromNow(120), signupDeadline: minutesFromNow(-5), walkUpAllowed: true, seats: 2, taken: 0, line: [] }),
      ]);
      const token = await boardToken(cloud, STAFF, 'activity', id);
      // every tap twice at once: a double scan, or staff tapping the name while the member scans
      const calls = taps.flatMap((t) => [t, t]).map((t) =>
        t.assisted
          ? cloud.call('checkin', 'assist', { kind: 'activity', id, memberId: memberIdOf(people[t.who]!) }, STAFF)
          : cloud.call('checkin', 'scan', { token }, people[t.who]!),
      );
      const answers = await Promise.all(calls);
      for (const answer of answers) if (!answer.ok) expect(['CHECKIN.FULL', 'CHECKIN.WAITLISTED', 'ENROLL.BUSY']).toContain(answer.error.code);
      const checkins = (await cloud.db.collection('checkins').where({ targetId: id }).limit(100).get()).data as CheckinDoc[];
      const once = new Set(checkins.map((c) => c.memberId));
      expect(once.size).toBe(checkins.length);
      expect(checkins.length).toBeLessThanOrEqual(2);
      const board = dataOf(await cloud.call('checkin', 'board', { kind: 'activity', id }, STAFF));
      expect(board.counts.checkedIn).toBe(checkins.length);
      expect(await seatViolations(cloud, 'activity', id)).toEqual([]);
    }),
    { numRuns: 10, endOnFailure: true },
  );
});
