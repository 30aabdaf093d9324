/**
 * The 工作台's kept tallies (cloudfunctions/_domain/tallies) through the real functions: a mixed run of 入册申请,
 * decisions, 注销, association join requests (approved, refused, withdrawn, reopened), suggestions moving on, and
 * first and repeated notice reads and check-ins, each with a concurrent burst of the same member or request, leaves
 * every tally equal to what its records give, and the 工作台 showing the records' counts. A drifted or missing
 * tally is listed by 数据核对 and repaired from the records, audited.
 */
import { CONSENT_VERSION } from '../../src/shared/consent';
import { beijingDay, beijingDayStart } from '../../src/shared/date-rules';
import type { StaffAuditDoc } from '../../src/shared/documents';
import { enrollmentId } from '../../src/shared/enrollment-rules';
import { talliesOf, type TallyDoc } from '../../src/shared/tally-rules';
import { account, activity, member, notice } from './fixtures';
import { allDocs, dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
const STAFF = 'o-staff';
const STAFF2 = 'o-staff2';
const ADMIN = 'o-admin';
const ids = Array.from({ length: 12 }, (_, i) => `m-t${i}`);
const openidOf = (memberId: string) => `o-${memberId}`;
const now = new Date();
// today (Beijing), started a few minutes ago: open for check-in
const startAt = new Date(Math.max(now.getTime() - 20 * 60_000, beijingDayStart(beijingDay(now)).getTime() + 60_000));

const all = <T>(name: string, where: Record<string, unknown> = {}): Promise<T[]> => allDocs<T>(cloud.db, name, where);

/** The tallies as kept, and as the records give them (n and, where kept, the submission times). */
async function keptAndCounted(): Promise<{ kept: Array<Pick<TallyDoc, '_id' | 'n' | 'since'>>; counted: Array<Pick<TallyDoc, '_id' | 'n' | 'since'>> }> {
  const shape = (docs: TallyDoc[]) => docs.map(({ _id, n, since }) => ({ _id, n, ...(since ? { since } : {}) })).sort((a, b) => a._id.localeCompare(b._id));
  const records = {
    members: await all<object>('members'),
    rosterRequests: await all<object>('rosterRequests'),
    deletionRequests: await all<object>('deletionRequests'),
    enrollments: await all<object>('enrollments'),
    suggestions: await all<object>('suggestions'),
  };
  return { kept: shape(await all<TallyDoc>('tallies')), counted: shape(talliesOf(records)) };
}

const call = (fn: string, action: string, payload: object, openid: string) => cloud.call(fn as never, action as never, payload, openid);
const burst = <T>(n: number, run: () => Promise<T>) => Promise.all(Array.from({ length: n }, run));

beforeAll(async () => {
  cloud = await startCloud();
  const members = ids.map((id, i) => member(id, { name: `成员${i}`, rosterNo: `T${i}` }));
  await insert(cloud.db, 'members', members);
  await insert(cloud.db, 'accounts', [
    ...ids.map((id, i) => account(openidOf(id), { memberId: id, name: `成员${i}` })),
    account(STAFF, { role: 'staff', name: '刘干事' }),
    account(STAFF2, { role: 'staff', name: '高鹏' }),
    account(ADMIN, { role: 'admin', name: '周明' }),
  ]);
  await insert(cloud.db, 'associations', [
    { _id: 'as-t', name: '书画协会', purpose: '宗旨', leaderName: '孙德明', meetingSchedule: '每月第一个周三上午', joinMode: 'approval', memberCount: 0, line: [] },
  ]);
  await insert(cloud.db, 'notices', [notice('n-t', 0, { title: '致全县老同志' })]);
  const line = ids.slice(0, 4);
  await insert(cloud.db, 'activities', [activity('act-t', 0, { startAt, endAt: new Date(now.getTime() + 120 * 60_000), signupDeadline: startAt, taken: line.length, line })]);
  await insert(cloud.db, 'enrollments', line.map((memberId) => ({
    _id: enrollmentId('activity', 'act-t', memberId), kind: 'activity', targetId: 'act-t', postId: null, memberId, termId: null,
    termSlot: enrollmentId('activity', 'act-t', memberId), status: 'active', title: '活动act-t', createdAt: now, updatedAt: now, byOpenid: openidOf(memberId), seatRev: 1,
  })));
  // the tallies as a deploy's first repair (or the seed) leaves them
  await insert(cloud.db, 'tallies', talliesOf({ members }));
}, 60_000);
afterAll(() => cloud?.stop());

describe('a mixed run through the real functions', () => {
  it('leaves every tally equal to its records, and the 工作台 showing the records\' counts', async () => {
    // 入册申请: one newcomer taps four times at once, two others once
    const review = (name: string) => ({ consentVersion: CONSENT_VERSION, name, memberType: 'tuixiu', gender: 'male', birthYear: 1952, formerUnit: '县水利局', town: '城关镇', phone: '139 0000 2222' });
    await Promise.all([...Array.from({ length: 4 }, () => call('member', 'requestReview', review('赵德明'), 'g-1')), call('member', 'requestReview', review('钱文'), 'g-2'), call('member', 'requestReview', review('孙立'), 'g-3')]);
    const requestOf = async (openid: string) => ((await all<{ _id: string }>('rosterRequests', { openid }))[0] as { _id: string })._id;
    // two staff approve g-1 at once; g-2 approved and refused at once (one wins); g-3 stays pending
    await Promise.all([
      call('roster', 'approveRequest', { requestId: await requestOf('g-1') }, STAFF),
      call('roster', 'approveRequest', { requestId: await requestOf('g-1') }, STAFF2),
      call('roster', 'approveRequest', { requestId: await requestOf('g-2') }, STAFF),
      call('roster', 'rejectRequest', { requestId: await requestOf('g-2'), reason: '不在本县' }, STAFF2),
    ]);

    // 注销: asked three times at once, confirmed twice at once
    await burst(3, () => call('member', 'requestDeletion', { reason: '不再使用' }, openidOf(ids[11] as string)));
    const [deletion] = await all<{ _id: string }>('deletionRequests');
    await burst(2, () => call('roster', 'confirmDeletion', { requestId: (deletion as { _id: string })._id }, STAFF));

    // join requests: m0 taps three times at once; m1 withdraws twice at once; m2 approved by two at once; m3 refused;
    // m4 withdraws and asks again (reopened)
    const join = (memberId: string) => call('enrollment', 'signUp', { kind: 'association', targetId: 'as-t' }, openidOf(memberId));
    const joinId = (memberId: string) => enrollmentId('association', 'as-t', memberId);
    await Promise.all([...Array.from({ length: 3 }, () => join(ids[0] as string)), ...ids.slice(1, 6).map(join)]);
    await Promise.all([
      ...Array.from({ length: 2 }, () => call('enrollment', 'cancel', { enrollmentId: joinId(ids[1] as string) }, openidOf(ids[1] as string))),
      call('enrollment', 'approve', { enrollmentId: joinId(ids[2] as string) }, STAFF),
      call('enrollment', 'approve', { enrollmentId: joinId(ids[2] as string) }, STAFF2),
      call('enrollment', 'reject', { enrollmentId: joinId(ids[3] as string), reason: '名额已满' }, STAFF),
      call('enrollment', 'cancel', { enrollmentId: joinId(ids[4] as string) }, openidOf(ids[4] as string)),
    ]);
    dataOf(await join(ids[4] as string));

    // suggestions: five members submit at once; one accepted by two staff at once, one walked to 办结
    const submitted = await Promise.all(ids.slice(0, 5).map((id, i) => call('suggestion', 'submit', { category: '其他', text: `建议${i}` }, openidOf(id))));
    const [s0, s1] = submitted.map((answer) => (dataOf(answer) as { id: string }).id);
    await Promise.all([call('suggestion', 'accept', { suggestionId: s0 }, STAFF), call('suggestion', 'accept', { suggestionId: s0 }, STAFF2)]);
    dataOf(await call('suggestion', 'accept', { suggestionId: s1 }, STAFF));
    dataOf(await call('suggestion', 'assign', { suggestionId: s1, department: '县委老干部局' }, STAFF));
    dataOf(await call('suggestion', 'reply', { suggestionId: s1, reply: '正在协调' }, STAFF));
    dataOf(await call('suggestion', 'conclude', { suggestionId: s1, outcome: 'adopted', reply: '已安排' }, STAFF));

    // reads: m0 opens the notice three times at once, m1..m4 once; check-ins: m0 twice at once, m1 once
    await Promise.all([...Array.from({ length: 3 }, () => call('notice', 'open', { noticeId: 'n-t' }, openidOf(ids[0] as string))), ...ids.slice(1, 5).map((id) => call('notice', 'open', { noticeId: 'n-t' }, openidOf(id)))]);
    await Promise.all([
      call('checkin', 'assist', { kind: 'activity', id: 'act-t', memberId: ids[0] }, STAFF),
      call('checkin', 'assist', { kind: 'activity', id: 'act-t', memberId: ids[0] }, STAFF2),
      call('checkin', 'assist', { kind: 'activity', id: 'act-t', memberId: ids[1] }, STAFF),
    ]);

    const { kept, counted } = await keptAndCounted();
    expect(kept).toEqual(counted);
    const n = Object.fromEntries(kept.map((t) => [t._id, t.n]));
    // g-3 pending; m11 erased, g-1 (and perhaps g-2) added; m0, m4, m5 waiting; 3 submitted, 1 accepted, 0 in progress
    expect(n).toMatchObject({ reviews: 1, deletions: 0, approvals: 3, submitted: 3, accepted: 1, inProgress: 0 });

    const home = dataOf(await call('staff', 'home', {}, STAFF)) as {
      reviews: number; deletions: number; approvals: number; suggestions: Record<string, number>;
      notices: Array<{ id: string; audienceCount: number; readCount: number }>; today: Array<{ id: string; checkIns: number }>;
    };
    expect(home).toMatchObject({ reviews: 1, deletions: 0, approvals: 3, suggestions: { submitted: 3, accepted: 1, inProgress: 0, overdue: 0 } });
    const notRemoved = (await all<{ erasedAt?: unknown }>('members')).filter((m) => !m.erasedAt).length;
    expect(home.notices.find((x) => x.id === 'n-t')).toEqual(expect.objectContaining({ audienceCount: notRemoved, readCount: (await all('noticeReads', { noticeId: 'n-t' })).length }));
    expect(home.notices.find((x) => x.id === 'n-t')?.readCount).toBe(5);
    expect(home.today.find((x) => x.id === 'act-t')?.checkIns).toBe(2);
    expect((await all('checkins', { targetId: 'act-t' })).length).toBe(2);

    expect((dataOf(await call('staff', 'integrity', {}, ADMIN)) as { disagreements: unknown[] }).disagreements).toEqual([]);
  }, 120_000);
});

/** the crowd of the burst below, and the pending join requests after it (3 before it) */
const CROWD = 40;
const APPROVALS = 3 + CROWD;

describe('a burst', () => {
  // 40 members tapping twice: 80 transactions on one tally at once. With 60 (120 at once) one of them ran past the
  // function's 10 s timeout on a loaded CI machine: retries on one hot document grow faster than the crowd.
  it('of 40 members asking to join at once, each tapping twice (one transaction each on one tally): every request counted once', async () => {
    const crowd = Array.from({ length: CROWD }, (_, i) => `m-c${i}`);
    await insert(cloud.db, 'members', crowd.map((id, i) => member(id, { name: `来宾${i}`, rosterNo: `C${i}` })));
    await insert(cloud.db, 'accounts', crowd.map((id, i) => account(openidOf(id), { memberId: id, name: `来宾${i}` })));
    await cloud.db.collection('tallies').doc('members').update({ data: { n: cloud.db.command.inc(crowd.length) } }); // inserted outside the functions
    const answers = await Promise.all(crowd.flatMap((id) => [id, id].map((who) => call('enrollment', 'signUp', { kind: 'association', targetId: 'as-t' }, openidOf(who)))));
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    const { kept, counted } = await keptAndCounted();
    expect(kept).toEqual(counted);
    expect(kept.find((t) => t._id === 'approvals')?.n).toBe(3 + crowd.length);
  }, 120_000);
});

describe('数据核对 of the tallies (admins)', () => {
  it('lists a drifted and a missing tally; the 工作台 starts the missing one from its records; the drifted one is repaired, audited', async () => {
    const _ = cloud.db.command;
    await cloud.db.collection('tallies').doc('approvals').update({ data: { n: _.inc(2) } });
    await cloud.db.collection('tallies').doc('submitted').remove();
    const broken = dataOf(await call('staff', 'integrity', {}, ADMIN)) as { disagreements: Array<{ kind: string; id: string; stored: number; counted: number; problems: string[] }> };
    expect(broken.disagreements.map(({ kind, id, stored, counted, problems }) => ({ kind, id, stored, counted, problems }))).toEqual([
      { kind: 'tally', id: 'approvals', stored: APPROVALS + 2, counted: APPROVALS, problems: ['多算了2个'] },
      { kind: 'tally', id: 'submitted', stored: 0, counted: 3, problems: ['还没有开始计数'] },
    ]);
    // a tally never kept (a new environment, or one from before tallies) is started from its records by the 工作台
    expect((dataOf(await call('staff', 'home', {}, STAFF)) as { suggestions: { submitted: number } }).suggestions.submitted).toBe(3);
    expect((await cloud.db.collection('tallies').doc('submitted').get()).data).toMatchObject({ n: 3 });

    expect((await call('staff', 'repairCounter', { kind: 'tally', id: 'approvals' }, STAFF)).ok).toBe(false);
    const first = dataOf(await call('staff', 'repairCounter', { kind: 'tally', id: 'approvals' }, ADMIN)) as { repaired: { stored: number; counted: number } };
    expect(first.repaired).toMatchObject({ stored: APPROVALS + 2, counted: APPROVALS });
    const second = dataOf(await call('staff', 'repairCounter', { kind: 'tally', id: 'submitted' }, ADMIN)) as { repaired: unknown; check: { disagreements: unknown[] } };
    expect(second.repaired).toBeNull();
    expect(second.check.disagreements).toEqual([]);
    const { kept, counted } = await keptAndCounted();
    expect(kept).toEqual(counted);
    // a repair of an agreeing tally changes and records nothing
    expect((dataOf(await call('staff', 'repairCounter', { kind: 'tally', id: 'approvals' }, ADMIN)) as { repaired: unknown }).repaired).toBeNull();
    expect(codeOf(await call('staff', 'repairCounter', { kind: 'tally', id: 'nothing' }, ADMIN))).toBe('DATA.NOT_FOUND');

    const audit = await all<StaffAuditDoc>('staffAudit', { action: 'staff.repairCounter' });
    // only the repair that changed something is recorded (starting a tally is not a repair)
    expect(audit.map((a) => a.changes[0]?.id)).toEqual(['approvals']);
    expect(audit.find((a) => a.changes[0]?.id === 'approvals')).toMatchObject({ actorName: '周明', changes: [{ collection: 'tallies', before: { n: APPROVALS + 2 }, after: { n: APPROVALS } }] });

    // the tallies move on from the repaired state
    dataOf(await call('suggestion', 'accept', { suggestionId: (await all<{ _id: string; status: string }>('suggestions', { status: 'submitted' }))[0]?._id }, STAFF));
    const after = await keptAndCounted();
    expect(after.kept).toEqual(after.counted);
  }, 60_000);
});

function codeOf(answer: { ok: boolean; error?: { code: string } }): string | undefined {
  return answer.ok ? undefined : answer.error?.code;
}
