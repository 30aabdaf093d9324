/**
 * 服务热线 call log (issue 16 item 3): staff log who called (a member from the roster or an unknown number), about
 * what, the outcome and whether to follow up; open follow-ups are listed until done; the calls show on the member's
 * record. Staff only, audited; bad input answers a coded error and changes nothing.
 */
import { codeOf } from './checkin-kit';
import { account, member } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
const STAFF = 'openid-staff';
const MEMBER = 'openid-member';

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [
    member('m-wang', { rosterNo: 'R1', name: '王建国', phone: '13812345678' }),
    member('m-gone', { rosterNo: 'R2', name: '', erasedAt: new Date() }),
  ]);
  await insert(cloud.db, 'accounts', [account(STAFF, { role: 'staff', name: '张丽' }), account(MEMBER, { name: '王建国', memberId: 'm-wang' })]);
});
afterAll(() => cloud.stop());

const calls = async () => (await cloud.db.collection('hotlineCalls').get()).data as Array<{ _id: string }>;
const audited = async (action: string) => (await cloud.db.collection('staffAudit').where({ action }).get()).data;

describe('the call log', () => {
  let followUpId = '';

  it('logs a member’s call with a follow-up; it shows on their record and in the open follow-ups', async () => {
    const row = dataOf(await cloud.call('hotline', 'logCall', {
      requestKey: 'call-key-0001', memberId: 'm-wang', topic: 'course', text: '问书法班什么时候开课', outcome: 'referred', followUp: true,
    }, STAFF));
    expect(row).toMatchObject({ memberId: 'm-wang', callerName: '王建国', callerPhone: null, topicLabel: '老年大学', outcomeLabel: '转给科室办理', followUp: 'open', byName: '张丽' });
    followUpId = row.id;
    // the same form sent twice (a double tap, a retry) logs one call
    expect(dataOf(await cloud.call('hotline', 'logCall', {
      requestKey: 'call-key-0001', memberId: 'm-wang', topic: 'course', text: '问书法班什么时候开课', outcome: 'referred', followUp: true,
    }, STAFF)).id).toBe(row.id);
    expect(await calls()).toHaveLength(1);

    const record = dataOf(await cloud.call('hotline', 'memberRecord', { memberId: 'm-wang' }, STAFF));
    expect(record.member).toMatchObject({ name: '王建国', rosterNo: 'R1', phoneMasked: '138****5678', erased: false });
    expect(record.calls).toMatchObject({ total: 1, items: [{ id: row.id, text: '问书法班什么时候开课' }] });

    const open = dataOf(await cloud.call('hotline', 'calls', { view: 'open' }, STAFF));
    expect(open.items.map((c) => c.id)).toEqual([row.id]);
    expect(open.total).toBe(1);
    expect(await audited('hotline.logCall')).toHaveLength(1);
  });

  it('logs an unknown caller by number, without a follow-up: on the full list, not the open one', async () => {
    const row = dataOf(await cloud.call('hotline', 'logCall', {
      callerPhone: '0571-88886666', callerName: '李阿姨', topic: 'policy', text: '问体检报销', outcome: 'answered', followUp: false,
    }, STAFF));
    expect(row).toMatchObject({ memberId: null, callerName: '李阿姨', callerPhone: '0571-88886666', followUp: 'none' });
    const all = dataOf(await cloud.call('hotline', 'calls', { view: 'all' }, STAFF));
    expect(all.total).toBe(2);
    expect(all.items[0]?.id).toBe(row.id); // newest first
    expect(dataOf(await cloud.call('hotline', 'calls', { view: 'open' }, STAFF)).total).toBe(1);
  });

  it('marks the follow-up done once, audited; it leaves the open list and the record says what was done', async () => {
    const done = dataOf(await cloud.call('hotline', 'followUpDone', { callId: followUpId, note: '已回电告知12月8日开课' }, STAFF));
    expect(done).toMatchObject({ followUp: 'done', followUpNote: '已回电告知12月8日开课', followUpDoneBy: '张丽' });
    expect(done.followUpDoneAt).toEqual(expect.any(String));
    expect(dataOf(await cloud.call('hotline', 'calls', { view: 'open' }, STAFF)).total).toBe(0);
    expect(dataOf(await cloud.call('hotline', 'memberRecord', { memberId: 'm-wang' }, STAFF)).calls.items[0]).toMatchObject({ followUp: 'done', followUpNote: '已回电告知12月8日开课' });
    // again: nothing open to mark, nothing changed or recorded
    expect(codeOf(await cloud.call('hotline', 'followUpDone', { callId: followUpId, note: '又打了一次' }, STAFF))).toBe('HOTLINE.NO_FOLLOW_UP');
    expect(await audited('hotline.followUpDone')).toHaveLength(1);
    expect(codeOf(await cloud.call('hotline', 'followUpDone', { callId: 'no-such-call', note: '回电了' }, STAFF))).toBe('DATA.NOT_FOUND');
  });
});

describe('rights and bad input', () => {
  it('members and strangers cannot read or write the log', async () => {
    expect(codeOf(await cloud.call('hotline', 'calls', { view: 'open' }, MEMBER))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('hotline', 'memberRecord', { memberId: 'm-wang' }, MEMBER))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('hotline', 'logCall', { memberId: 'm-wang', topic: 'other', text: '我自己记一条', outcome: 'answered', followUp: false }, MEMBER))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('hotline', 'calls', { view: 'open' }, 'openid-stranger'))).toBe('AUTH.NOT_MEMBER');
  });

  it('answers bad calls with coded errors and logs nothing', async () => {
    const before = (await calls()).length;
    const base = { topic: 'other', text: '来电', outcome: 'answered', followUp: false };
    const cases: Array<[object, string]> = [
      [base, 'HOTLINE.NO_CALLER'],
      [{ ...base, memberId: 'm-wang', callerPhone: '13800000000' }, 'INPUT.INVALID'],
      [{ ...base, memberId: 'm-nobody' }, 'DATA.NOT_FOUND'],
      [{ ...base, memberId: 'm-gone' }, 'DATA.NOT_FOUND'],
      [{ ...base, callerPhone: '打过来的' }, 'INPUT.INVALID'],
      [{ ...base, memberId: 'm-wang', topic: 'gossip' }, 'INPUT.INVALID'],
      [{ ...base, memberId: 'm-wang', outcome: 'maybe' }, 'INPUT.INVALID'],
      [{ ...base, memberId: 'm-wang', text: '   ' }, 'INPUT.INVALID'],
      [{ ...base, memberId: 'm-wang', followUp: 'yes' }, 'INPUT.INVALID'],
      [{ ...base, memberId: { $ne: null } }, 'INPUT.INVALID'],
      [{ ...base, memberId: 'm-wang', byName: '冒名' }, 'INPUT.INVALID'],
    ];
    for (const [payload, code] of cases) {
      const answer = await cloud.call('hotline', 'logCall', payload as never, STAFF);
      expect([JSON.stringify(payload), codeOf(answer)]).toEqual([JSON.stringify(payload), code]);
    }
    expect(codeOf(await cloud.call('hotline', 'calls', { view: 'mine' } as never, STAFF))).toBe('INPUT.INVALID');
    expect(codeOf(await cloud.call('hotline', 'followUpDone', { callId: 'x', note: '' }, STAFF))).toBe('INPUT.INVALID');
    expect((await calls()).length).toBe(before);
  });
});
