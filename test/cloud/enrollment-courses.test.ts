/** Course sign-ups through the real SDK and the emulator: windows, limits, duplicates, waitlist, lottery. */
import { drawLottery, termSlot } from '../../src/shared/enrollment-rules';
import type { CourseDoc } from '../../src/shared/documents';
import { course, daysFromNow } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { clearOutbox, dbStats, memberIdOf, members, outbox, resetStats } from './enrollment-kit';

let cloud: CloudHarness;
const TERM = '2026-autumn';

beforeAll(async () => {
  cloud = await startCloud();
});
afterAll(() => cloud?.stop());

const signUp = (openid: string, courseId: string) => cloud.call('enrollment', 'signUp', { kind: 'course', targetId: courseId }, openid);
const courseDoc = async (id: string): Promise<CourseDoc> => (await cloud.db.collection('courses').doc(id).get()).data as CourseDoc;

describe('enrollment window', () => {
  it('before the window opens, says when it opens, and writes nothing', async () => {
    const [who] = await members(cloud, 'win', 1);
    const opensAt = new Date('2030-05-03T01:00:00Z'); // 09:00 in Beijing
    await insert(cloud.db, 'courses', [course('c-soon', TERM, { enrollOpensAt: opensAt, enrollClosesAt: new Date('2030-05-13T09:00:00Z') })]);
    const detail = dataOf(await cloud.call('enrollment', 'course', { courseId: 'c-soon' }, who!));
    expect(detail.course.window).toBe('notYet');
    expect(detail.course.me).toMatchObject({ state: 'none', canSignUp: false, blockedReason: '5月3日 09:00 开始报名' });
    const answer = await signUp(who!, 'c-soon');
    expect(answer).toEqual({ ok: false, error: { code: 'ENROLL.NOT_OPEN', message: '5月3日 09:00 开始报名' } });
    expect((await cloud.db.collection('enrollments').where({ targetId: 'c-soon' }).count()).total).toBe(0);
  });

  it('after it closes, refuses', async () => {
    const [who] = await members(cloud, 'closed', 1);
    await insert(cloud.db, 'courses', [course('c-closed', TERM, { enrollOpensAt: daysFromNow(-9), enrollClosesAt: daysFromNow(-1) })]);
    const answer = await signUp(who!, 'c-closed');
    expect(answer.ok || answer.error.code).toBe('ENROLL.CLOSED');
  });
});

describe('sign-up and cancel', () => {
  it('signs up in one call, is idempotent under 20 concurrent identical taps, with 2 database requests after its screen', async () => {
    const [who] = await members(cloud, 'tap', 1);
    await insert(cloud.db, 'courses', [course('c-tap', TERM, { seats: 5 })]);
    // the course screen the tap is on: warms the per-instance target cache and read the member's account
    dataOf(await cloud.call('enrollment', 'course', { courseId: 'c-tap' }, who!));
    await signUp(who!, 'c-other-missing'); // unknown course: not found
    await resetStats(cloud);
    const first = dataOf(await signUp(who!, 'c-tap'));
    const stats = await dbStats(cloud);
    // the line push and the enrollment's insert, + one cached target read at most; the account comes from the screen
    expect(Object.values(stats).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3);
    expect(stats['database.modifyAndReturnDoc']).toBe(1);
    expect(stats['database.insertDocument']).toBe(1);
    expect(first.me).toMatchObject({ state: 'enrolled', label: '已报名', canCancel: true, enrollmentId: `course~c-tap~${memberIdOf(who!)}` });

    const [again] = await members(cloud, 'tap20', 1);
    const answers = await Promise.all(Array.from({ length: 20 }, () => signUp(again!, 'c-tap')));
    expect(answers.every((a) => a.ok && a.data.me.state === 'enrolled')).toBe(true);
    expect((await cloud.db.collection('enrollments').where({ memberId: memberIdOf(again!) }).count()).total).toBe(1);
    const doc = await courseDoc('c-tap');
    expect(doc.line).toEqual([memberIdOf(who!), memberIdOf(again!)]);
    expect(doc.taken).toBe(2);
  });

  it('waitlists in arrival order when full; a cancel promotes the first waitlisted and tells them', async () => {
    const people = await members(cloud, 'wl', 4);
    await insert(cloud.db, 'courses', [course('c-wl', TERM, { seats: 2 })]);
    const states = [];
    for (const who of people) states.push(dataOf(await signUp(who, 'c-wl')).me.label);
    expect(states).toEqual(['已报名', '已报名', '候补第1位', '候补第2位']);
    const detail = dataOf(await cloud.call('enrollment', 'course', { courseId: 'c-wl' }, people[3]!));
    expect(detail.course).toMatchObject({ seatsLeft: 0, waitlist: 2 });
    expect(detail.course.me).toMatchObject({ state: 'waitlisted', waitlistPosition: 2, next: expect.stringContaining('前面还有1人') });

    await clearOutbox(cloud);
    const enrolledId = `course~c-wl~${memberIdOf(people[0]!)}`;
    const cancelled = dataOf(await cloud.call('enrollment', 'cancel', { enrollmentId: enrolledId }, people[0]!));
    expect(cancelled.me).toMatchObject({ state: 'cancelled', label: '已取消', canSignUp: true });
    // a second cancel (double tap) changes nothing
    dataOf(await cloud.call('enrollment', 'cancel', { enrollmentId: enrolledId }, people[0]!));
    const doc = await courseDoc('c-wl');
    expect(doc.line).toEqual(people.slice(1).map(memberIdOf));
    expect(doc.taken).toBe(3);
    const promoted = dataOf(await cloud.call('enrollment', 'course', { courseId: 'c-wl' }, people[2]!));
    expect(promoted.course.me.state).toBe('enrolled');
    const sent = await outbox(cloud);
    expect(sent).toEqual([
      expect.objectContaining({ touser: people[2], templateId: 'TPL_ENROLL_PROMOTED', data: expect.objectContaining({ phrase2: { value: '候补成功' } }) }),
    ]);
    const promotedDoc = (await cloud.db.collection('enrollments').doc(`course~c-wl~${memberIdOf(people[2]!)}`).get()).data;
    expect(promotedDoc.promotedAt).toBeInstanceOf(Date);
    // the last one moved up too
    const last = dataOf(await cloud.call('enrollment', 'course', { courseId: 'c-wl' }, people[3]!));
    expect(last.course.me.label).toBe('候补第1位');
    // signing up again after a cancel goes to the end of the line
    expect(dataOf(await signUp(people[0]!, 'c-wl')).me.label).toBe('候补第2位');
  });

  it('leaks no place when a function dies between its writes: the enrollment shows 报名未完成 and a tap finishes it', async () => {
    const [crashed, other] = await members(cloud, 'crash', 2);
    await insert(cloud.db, 'courses', [course('c-crash', TERM, { seats: 1 })]);
    const id = `course~c-crash~${memberIdOf(crashed!)}`;
    // as left by a sign-up that died after inserting its enrollment, before the line push
    await insert(cloud.db, 'enrollments', [{
      _id: id, kind: 'course', targetId: 'c-crash', postId: null, memberId: memberIdOf(crashed!), termId: TERM,
      termSlot: termSlot(memberIdOf(crashed!), TERM, 1), status: 'active', title: '课程c-crash', createdAt: new Date(), updatedAt: new Date(), byOpenid: crashed,
    }]);
    expect(dataOf(await signUp(other!, 'c-crash')).me.state).toBe('enrolled');
    const stuck = dataOf(await cloud.call('enrollment', 'course', { courseId: 'c-crash' }, crashed!)).course.me;
    expect(stuck).toMatchObject({ state: 'incomplete', label: '报名未完成', canSignUp: true, canCancel: true });
    expect(dataOf(await signUp(crashed!, 'c-crash')).me.label).toBe('候补第1位');
    expect((await cloud.db.collection('enrollments').where({ targetId: 'c-crash' }).count()).total).toBe(2);
    // a cancel that died after leaving the line, before marking the enrollment: cancelling again finishes it
    const _ = cloud.db.command;
    await cloud.db.collection('courses').doc('c-crash').update({ data: { line: _.pull(memberIdOf(other!)), taken: _.inc(-1) } });
    const half = dataOf(await cloud.call('enrollment', 'course', { courseId: 'c-crash' }, other!)).course.me;
    expect(half).toMatchObject({ state: 'incomplete', canCancel: true });
    expect(dataOf(await cloud.call('enrollment', 'cancel', { enrollmentId: half.enrollmentId }, other!)).me.state).toBe('cancelled');
    expect(await courseDoc('c-crash')).toMatchObject({ taken: 1, line: [memberIdOf(crashed!)] });
  });

  it('refuses someone else’s enrollment id exactly like a missing one', async () => {
    const [owner, other] = await members(cloud, 'own', 2);
    await insert(cloud.db, 'courses', [course('c-own', TERM)]);
    const { me } = dataOf(await signUp(owner!, 'c-own'));
    const answer = await cloud.call('enrollment', 'cancel', { enrollmentId: me.enrollmentId }, other!);
    expect(answer.ok || answer.error.code).toBe('DATA.NOT_FOUND');
    expect((await courseDoc('c-own')).line).toEqual([memberIdOf(owner!)]);
  });

  it('holds the per-term limit from settings, also under concurrent sign-ups, and frees a slot on cancel', async () => {
    await insert(cloud.db, 'settings', [{ _id: 'enrollment', courseLimitPerTerm: 2, activityCancelCutoffHours: 2 }]);
    await new Promise((r) => setTimeout(r, 2100)); // the settings cache lives 2 s
    try {
      const [who] = await members(cloud, 'lim', 1);
      const ids = ['c-l1', 'c-l2', 'c-l3', 'c-l4'];
      await insert(cloud.db, 'courses', [...ids.map((id) => course(id, TERM)), course('c-l-other-term', '2027-spring')]);
      const answers = await Promise.all(ids.map((id) => signUp(who!, id)));
      expect(answers.filter((a) => a.ok)).toHaveLength(2);
      expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['ENROLL.TERM_LIMIT', 'ENROLL.TERM_LIMIT']);
      // another term has its own limit
      expect(dataOf(await signUp(who!, 'c-l-other-term')).me.state).toBe('enrolled');
      const list = dataOf(await cloud.call('enrollment', 'courses', { termId: TERM }, who!));
      expect(list.usage).toEqual({ termId: TERM, limit: 2, used: 2 });
      const refused = list.courses.find((c) => ids.includes(c.id) && c.me.state === 'none');
      expect(refused?.me).toMatchObject({ canSignUp: false, blockedReason: '本学期已报满2门' });
      const held = answers.find((a) => a.ok);
      if (!held?.ok) throw new Error('unreachable');
      dataOf(await cloud.call('enrollment', 'cancel', { enrollmentId: held.data.me.enrollmentId }, who!));
      expect(dataOf(await signUp(who!, refused!.id)).me.state).toBe('enrolled');
    } finally {
      await cloud.db.collection('settings').doc('enrollment').remove();
      await new Promise((r) => setTimeout(r, 2100));
    }
  });

  it('300 concurrent sign-ups for 10 seats: exactly 10 places, 290 waitlisted in arrival order; 5 concurrent cancels promote exactly 5', async () => {
    const people = await members(cloud, 'burst', 300);
    await insert(cloud.db, 'courses', [course('c-burst', TERM, { seats: 10 })]);
    await clearOutbox(cloud);
    const answers = await Promise.all(people.map((who) => signUp(who, 'c-burst')));
    const mes = answers.map((a) => dataOf(a).me);
    expect(mes.filter((m) => m.state === 'enrolled')).toHaveLength(10);
    expect(mes.filter((m) => m.state === 'waitlisted')).toHaveLength(290);
    const doc = await courseDoc('c-burst');
    expect(doc.taken).toBe(300);
    expect(new Set(doc.line).size).toBe(300);
    // arrival order: each answer's position is its place in the line, and positions are 1..290 once each
    doc.line!.forEach((memberId, index) => {
      const me = mes[people.findIndex((p) => memberIdOf(p) === memberId)]!;
      expect(index < 10 ? me.state : me.waitlistPosition).toBe(index < 10 ? 'enrolled' : index - 9);
    });
    const leavers = doc.line!.slice(0, 5);
    await Promise.all(leavers.map((m) => cloud.call('enrollment', 'cancel', { enrollmentId: `course~c-burst~${m}` }, m.slice(2))));
    const after = await courseDoc('c-burst');
    expect(after.taken).toBe(295);
    expect(after.line!.slice(0, 10)).toEqual(doc.line!.slice(5, 15));
    const sent = await outbox(cloud);
    expect(sent.map((m) => m.touser).sort()).toEqual(doc.line!.slice(10, 15).map((m) => m.slice(2)).sort());
  });
});

describe('lottery (摇号)', () => {
  it('collects entrants in the window, draws once after the close with a recorded seed anyone can re-run', async () => {
    const people = await members(cloud, 'lot', 8);
    const closesAt = new Date(Date.now() + 1500);
    await insert(cloud.db, 'courses', [course('c-lot', TERM, { seats: 3, mode: 'lottery', enrollClosesAt: closesAt })]);
    const entered = await Promise.all(people.map((who) => signUp(who, 'c-lot')));
    expect(entered.map((a) => dataOf(a).me.label)).toEqual(Array(8).fill('已报名，待摇号'));
    const [staff] = await members(cloud, 'lot-staff', 1);
    await cloud.db.collection('accounts').where({ openid: staff }).update({ data: { role: 'staff', memberId: null } });
    const early = await cloud.call('enrollment', 'drawLottery', { courseId: 'c-lot' }, staff!);
    expect(early.ok || early.error.code).toBe('ENROLL.LOTTERY_NOT_CLOSED');
    const notStaff = await cloud.call('enrollment', 'drawLottery', { courseId: 'c-lot' }, people[0]!);
    expect(notStaff.ok || notStaff.error.code).toBe('AUTH.FORBIDDEN');
    await new Promise((r) => setTimeout(r, Math.max(0, closesAt.getTime() - Date.now() + 50)));

    const draws = await Promise.all([1, 2, 3].map(() => cloud.call('enrollment', 'drawLottery', { courseId: 'c-lot' }, staff!)));
    const views = draws.map((d) => dataOf(d));
    expect(new Set(views.map((v) => v.seed)).size).toBe(1); // drawn once
    expect(views[0]).toMatchObject({ places: 3, entrants: 8, winners: 3 });
    const doc = await courseDoc('c-lot');
    const rerun = drawLottery(doc.lottery!.entrants, doc.lottery!.places, doc.lottery!.seed);
    expect(rerun.winners).toEqual(doc.lottery!.winners);
    expect(doc.line).toEqual(rerun.order);
    const statuses = await Promise.all(people.map((who) => cloud.call('enrollment', 'course', { courseId: 'c-lot' }, who)));
    const won = statuses.map((s) => dataOf(s).course).filter((c) => c.lottery?.mine === 'won');
    expect(won.map((c) => c.me.state)).toEqual(['enrolled', 'enrolled', 'enrolled']);
    expect(statuses.map((s) => dataOf(s).course.me.label).filter((l) => l.startsWith('候补')).sort()).toEqual(
      ['候补第1位', '候补第2位', '候补第3位', '候补第4位', '候补第5位'],
    );
  });
});
