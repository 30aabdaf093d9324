/**
 * Ghost places (issue 17): 20 members each fire sign-up, a second sign-up (a double tap) and cancel at the same
 * moment, six rounds, through the real enrollment function into the emulator. After every round the target's
 * line, its counter and the enrollments must tell one story (seats-kit.ts).
 */
import { course } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { memberIdOf, members } from './enrollment-kit';
import { seatViolations } from './seats-kit';

let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await startCloud();
});
afterAll(() => cloud?.stop());

const ROUNDS = 6;
const MEMBERS = 20;

it('20 members × (sign-up, sign-up, cancel) at once, 6 rounds: no ghost places, no lost ones', async () => {
  const ids = await members(cloud, 'race', MEMBERS);
  await insert(cloud.db, 'courses', [course('c-race', '2026-autumn', { seats: 8, taken: 0, line: [] })]);
  const signUp = (openid: string) => cloud.call('enrollment', 'signUp', { kind: 'course', targetId: 'c-race' }, openid);
  const cancel = (openid: string) => cloud.call('enrollment', 'cancel', { enrollmentId: `course~c-race~${memberIdOf(openid)}` }, openid);
  const found: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // the cancel starts 0, 3, 6 ... ms after the sign-ups, so it meets them at a different step each round
    const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await Promise.all(ids.flatMap((id) => [signUp(id), later(round * 3).then(() => cancel(id)), signUp(id)]));
    const violations = await seatViolations(cloud, 'course', 'c-race');
    found.push(...violations.map((v) => `round ${round + 1}: ${v}`));
  }
  if (found.length) console.log(`seats race: ${found.length} violations\n${found.join('\n')}`);
  expect(found).toEqual([]);
});

it('the worst interleaving, step by step: a sign-up whose enrollment write arrives after a cancel never lands', async () => {
  // The emulator rarely delays one request behind two others; drive the steps of the seats module by hand.
  const { openDb } = await import('../../cloudfunctions/_lib/db');
  const { follow, outOfLine, pullFrom, pushOnto } = await import('../../cloudfunctions/_domain/seats/place');
  const { loadTarget, seatRevOf, SIGN_UP } = await import('../../cloudfunctions/_domain/seats/targets');
  const { connectSdk } = await import('../helpers/sdk');
  const db = openDb(connectSdk(cloud.emulator.adminUrl).cloud);
  const [who] = await members(cloud, 'step', 1);
  const memberId = memberIdOf(who!);
  const id = `course~c-step~${memberId}`;
  await insert(cloud.db, 'courses', [course('c-step', '2026-step', { seats: 1, taken: 0, line: [] })]);
  await insert(cloud.db, 'enrollments', [{
    _id: id, kind: 'course', targetId: 'c-step', postId: null, memberId, termId: '2026-step', termSlot: id, status: 'cancelled',
    title: '课程', createdAt: new Date(), updatedAt: new Date(), byOpenid: who!, seatRev: 0,
  }]);
  const now = new Date();
  const start = (await loadTarget(db, 'course', 'c-step'))!;
  const signedUp = await pushOnto(db, start, null, memberId, SIGN_UP, now); // sign-up: in the line (version 1)
  const cancelled = await pullFrom(db, (await loadTarget(db, 'course', 'c-step'))!, null, memberId); // cancel: out (version 2)
  expect(await follow(db, id, seatRevOf(cancelled.target), outOfLine(id, now, who!))).toBe(true);
  // the sign-up's enrollment write, late: version 1 < 2, so it must not land
  expect(await follow(db, id, seatRevOf(signedUp), { status: 'active' })).toBe(false);
  expect(await seatViolations(cloud, 'course', 'c-step')).toEqual([]);

  // a sign-up that dies after taking its place (before its enrollment follows) shows 报名未完成; tapping again finishes it
  await pushOnto(db, (await loadTarget(db, 'course', 'c-step'))!, null, memberId, SIGN_UP, now);
  const screen = dataOf(await cloud.call('enrollment', 'course', { courseId: 'c-step' }, who!));
  expect(screen.course.me).toMatchObject({ state: 'incomplete', label: '报名未完成', canSignUp: true });
  const again = dataOf(await cloud.call('enrollment', 'signUp', { kind: 'course', targetId: 'c-step' }, who!));
  expect(again.me.state).toBe('enrolled');
  expect(await seatViolations(cloud, 'course', 'c-step')).toEqual([]);
});

it('one round trip per tap: the sign-up and cancel answers carry the places the screen would show on a reload', async () => {
  const [a, b] = await members(cloud, 'trip', 2);
  await insert(cloud.db, 'courses', [course('c-trip', '2026-trip', { seats: 1, taken: 0, line: [] })]);
  const screen = async (openid: string) => (await cloud.call('enrollment', 'course', { courseId: 'c-trip' }, openid));
  for (const [openid, action, payload] of [
    [a!, 'signUp', { kind: 'course', targetId: 'c-trip' }],
    [b!, 'signUp', { kind: 'course', targetId: 'c-trip' }],
    [a!, 'cancel', { enrollmentId: `course~c-trip~${memberIdOf(a!)}` }],
  ] as const) {
    const tap = await cloud.call('enrollment', action, payload, openid);
    const reload = await screen(openid);
    if (!tap.ok || !reload.ok) throw new Error('expected ok');
    const { seatsLeft, waitlist, entrants, me } = reload.data.course;
    expect(tap.data.places).toMatchObject({ targetId: 'c-trip', seatsLeft, waitlist, entrants });
    expect(tap.data.me).toMatchObject({ state: me.state, label: me.label, waitlistPosition: me.waitlistPosition, signUpIntent: me.signUpIntent });
  }
});
