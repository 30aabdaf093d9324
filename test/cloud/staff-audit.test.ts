/**
 * The staff audit log: a staff write in each function leaves exactly one entry with who, what, when, and the changed
 * fields before and after; a repeat that changes nothing and a refused write leave none; only admins read it.
 */
import type { RosterRequestDoc, StaffAuditDoc } from '../../src/shared/documents';
import { codeOf } from './checkin-kit';
import { memberIdOf, members } from './enrollment-kit';
import { account, activity, daysFromNow } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
const STAFF = 'openid-staff';
const ADMIN = 'openid-admin';
let people: string[];

async function entries(action: string): Promise<StaffAuditDoc[]> {
  const { data } = await cloud.db.collection('staffAudit').where({ action }).get();
  return data as StaffAuditDoc[];
}

beforeAll(async () => {
  cloud = await startCloud();
  people = await members(cloud, 'aud', 2);
  await insert(cloud.db, 'accounts', [account(STAFF, { role: 'staff', name: '刘干事' }), account(ADMIN, { role: 'admin', name: '周局长' })]);
  await insert(cloud.db, 'associations', [{ _id: 'as-1', name: '老年京剧协会', purpose: '', leaderName: '', meetingSchedule: '', joinMode: 'approval', memberCount: 0, line: [] }]);
  await insert(cloud.db, 'activities', [activity('act-1', 0.01, { signupDeadline: daysFromNow(0.005) })]);
  const request: RosterRequestDoc = {
    _id: 'req-1', openid: 'openid-asker', activeKey: 'openid:openid-asker', name: '何秀英', memberType: 'tuixiu', gender: 'female',
    birthYear: 1952, formerUnit: '县卫生局', town: '东关街道', community: '', partyMember: false, phone: '13955556666', skills: [], note: '',
    consent: { version: '2026-01', at: new Date() }, status: 'pending', memberId: null, rejectReason: null, decidedBy: null, decidedAt: null, createdAt: new Date(),
  };
  await insert(cloud.db, 'rosterRequests', [request]);
});
afterAll(() => cloud.stop());

describe('one entry per staff write, in every function', () => {
  it('roster: approving a request records the request before and after', async () => {
    dataOf(await cloud.call('roster', 'approveRequest', { requestId: 'req-1' }, STAFF));
    const [entry, more] = await entries('roster.approveRequest');
    expect(more).toBeUndefined();
    expect(entry).toMatchObject({ actorOpenid: STAFF, actorName: '刘干事', actorRole: 'staff', summary: null });
    expect(entry?.at).toBeInstanceOf(Date);
    expect(entry?.changes[0]).toMatchObject({ collection: 'rosterRequests', id: 'req-1', before: { status: 'pending', decidedBy: null }, after: { status: 'approved', decidedBy: '刘干事' } });
    // a repeat answers the same and changes nothing: no second entry
    dataOf(await cloud.call('roster', 'approveRequest', { requestId: 'req-1' }, STAFF));
    expect(await entries('roster.approveRequest')).toHaveLength(1);
  });

  it('notice: publishing records the new notice whole', async () => {
    const row = dataOf(await cloud.call('notice', 'publish', {
      title: '关于开展重阳节走访的通知', category: 'activity', audience: { kind: 'everyone' }, body: [{ type: 'paragraph', text: '各位老同志：' }],
    }, STAFF));
    const [entry] = await entries('notice.publish');
    expect(entry?.changes).toEqual([expect.objectContaining({ collection: 'notices', id: row.id, before: null, after: expect.objectContaining({ title: '关于开展重阳节走访的通知' }) })]);
  });

  it('suggestion: accepting records the status change', async () => {
    const submitted = dataOf(await cloud.call('suggestion', 'submit', { category: '文化养老', text: '希望增加书法课' }, people[0] as string));
    dataOf(await cloud.call('suggestion', 'accept', { suggestionId: submitted.id }, STAFF));
    const [entry, more] = await entries('suggestion.accept');
    expect(more).toBeUndefined();
    expect(entry?.changes[0]).toMatchObject({ collection: 'suggestions', before: { status: 'submitted', acceptedAt: null }, after: { status: 'accepted' } });
  });

  it('enrollment: approving a join request records it; a refused repeat records nothing', async () => {
    dataOf(await cloud.call('enrollment', 'signUp', { kind: 'association', targetId: 'as-1' }, people[1] as string));
    const enrollmentId = `association~as-1~${memberIdOf(people[1] as string)}`;
    dataOf(await cloud.call('enrollment', 'approve', { enrollmentId }, STAFF));
    expect(codeOf(await cloud.call('enrollment', 'reject', { enrollmentId }, STAFF))).toBe('ENROLL.NOT_PENDING');
    const [entry, more] = await entries('enrollment.approve');
    expect(more).toBeUndefined();
    expect(entry?.changes[0]).toMatchObject({ id: enrollmentId, before: { status: 'pending' }, after: { status: 'active', decidedBy: '刘干事' } });
    expect(await entries('enrollment.reject')).toHaveLength(0);
  });

  it('checkin: checking a member in by name records the new check-in', async () => {
    dataOf(await cloud.call('enrollment', 'signUp', { kind: 'activity', targetId: 'act-1' }, people[0] as string));
    const memberId = memberIdOf(people[0] as string);
    dataOf(await cloud.call('checkin', 'assist', { kind: 'activity', id: 'act-1', memberId }, STAFF));
    dataOf(await cloud.call('checkin', 'assist', { kind: 'activity', id: 'act-1', memberId }, STAFF)); // 'already'
    const recorded = await entries('checkin.assist');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.changes[0]).toMatchObject({ collection: 'checkins', id: `activity~act-1~${memberId}`, before: null, after: { method: 'staff', byName: '刘干事' } });
  });

  it('staff: a hospital report records only the field that changed', async () => {
    const memberId = memberIdOf(people[1] as string);
    dataOf(await cloud.call('staff', 'setHospital', { memberId, inHospital: true }, STAFF));
    const [entry] = await entries('staff.setHospital');
    expect(Object.keys(entry?.changes[0]?.after ?? {})).toEqual(['hospitalizedAt']);
    expect(entry?.changes[0]?.before).toEqual({ hospitalizedAt: null });
  });
});

describe('reading the log', () => {
  it('is for admins only, newest first, filtered by action', async () => {
    expect(codeOf(await cloud.call('staff', 'auditLog', {}, STAFF))).toBe('AUTH.FORBIDDEN');
    const page = dataOf(await cloud.call('staff', 'auditLog', {}, ADMIN));
    expect(page.total).toBe(6);
    expect(page.items[0]?.action).toBe('staff.setHospital');
    const only = dataOf(await cloud.call('staff', 'auditLog', { action: 'notice.publish' }, ADMIN));
    expect(only.items.map((item) => [item.action, item.actorName])).toEqual([['notice.publish', '刘干事']]);
  });
});
