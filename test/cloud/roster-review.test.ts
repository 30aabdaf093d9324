/** roster: the staff list, 入册申请 (approve / reject) and 注销申请 (confirm deletion), through the real SDK. */
import { ERASED_NAME } from '../../src/shared/contracts-roster';
import type { AccountDoc, AuditLogDoc, DeletionRequestDoc, MemberDoc, RosterRequestDoc } from '../../src/shared/documents';
import { account, member } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
const STAFF = 'openid-staff';

const rosterRequest = (id: string, openid: string, over: Partial<RosterRequestDoc> = {}): RosterRequestDoc => ({
  _id: id,
  openid,
  activeKey: `openid:${openid}`,
  name: '何秀英',
  memberType: 'tuixiu',
  gender: 'female',
  birthYear: 1952,
  formerUnit: '县卫生局',
  town: '东关街道',
  community: '文化路社区',
  partyMember: false,
  phone: '13955556666',
  skills: ['医疗'],
  note: '刚从外地迁回',
  consent: { version: '2026-01', at: new Date('2026-01-05T02:00:00Z') },
  status: 'pending',
  memberId: null,
  rejectReason: null,
  decidedBy: null,
  decidedAt: null,
  createdAt: new Date('2026-01-05T02:00:00Z'),
  ...over,
});

async function byId<T>(collection: string, id: string): Promise<T | null> {
  const { data } = await cloud.db.collection(collection).where({ _id: id }).get();
  return (data[0] as T) ?? null;
}

async function where<T>(collection: string, query: object): Promise<T[]> {
  return (await cloud.db.collection(collection).where(query).get()).data as T[];
}

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'accounts', [account(STAFF, { role: 'staff', name: '刘干事' })]);
});

afterAll(() => cloud?.stop());

describe('members: the staff roster list', () => {
  beforeAll(async () => {
    const people = Array.from({ length: 25 }, (_, n) =>
      member(`list-${String(n).padStart(2, '0')}`, {
        rosterNo: `L${String(n).padStart(3, '0')}`,
        name: n === 7 ? '欧阳明' : `成员${n}`,
        town: n % 2 ? '南山镇' : '北湖镇',
        memberType: n % 5 ? 'tuixiu' : 'lixiu',
        phone: `1390000${String(n).padStart(4, '0')}`,
      }),
    );
    await insert(cloud.db, 'members', people);
    await insert(cloud.db, 'accounts', [account('openid-list-03', { memberId: 'list-03' })]);
  });

  it('pages the roster by roster number with phones masked and who is bound', async () => {
    const first = dataOf(await cloud.call('roster', 'members', {}, STAFF));
    expect(first).toMatchObject({ total: 25, page: 1, pageSize: 20, towns: ['北湖镇', '南山镇'] });
    expect(first.items).toHaveLength(20);
    expect(first.items[3]).toMatchObject({ id: 'list-03', rosterNo: 'L003', phoneMasked: '139****0003', bound: true, erased: false });
    expect(first.items[4].bound).toBe(false);
    expect(JSON.stringify(first)).not.toMatch(/1390000\d{4}/);
    const second = dataOf(await cloud.call('roster', 'members', { page: 2 }, STAFF));
    expect(second.items.map((row) => row.rosterNo)).toEqual(['L020', 'L021', 'L022', 'L023', 'L024']);
  });

  it('searches by part of a name or a roster number, within a town and 类别', async () => {
    const byName = dataOf(await cloud.call('roster', 'members', { keyword: '阳明' }, STAFF));
    expect(byName.items.map((row) => row.name)).toEqual(['欧阳明']);
    const byNo = dataOf(await cloud.call('roster', 'members', { keyword: 'L011' }, STAFF));
    expect(byNo.items.map((row) => row.id)).toEqual(['list-11']);
    const filtered = dataOf(await cloud.call('roster', 'members', { town: '南山镇', memberType: 'lixiu' }, STAFF));
    expect(filtered.items.map((row) => row.id)).toEqual(['list-05', 'list-15']);
    // a keyword is text, never a pattern: '.*' matches no one
    expect(dataOf(await cloud.call('roster', 'members', { keyword: '.*' }, STAFF)).total).toBe(0);
  });
});

describe('入册申请: approve and reject', () => {
  beforeAll(async () => {
    await insert(cloud.db, 'rosterRequests', [
      rosterRequest('req-he', 'openid-he'),
      rosterRequest('req-race', 'openid-race', { name: '施国庆' }),
      rosterRequest('req-no', 'openid-no', { name: '孔德', createdAt: new Date('2026-01-06T02:00:00Z') }),
      rosterRequest('req-bound', 'openid-has-account', { name: '曹操' }),
    ]);
    await insert(cloud.db, 'accounts', [account('openid-has-account', { role: 'helper', actsFor: 'list-01' })]);
  });

  it('lists pending requests oldest first with masked phones and the pending count', async () => {
    const list = dataOf(await cloud.call('roster', 'reviewRequests', {}, STAFF));
    expect(list.pendingCount).toBe(4);
    expect(list.items[0]).toMatchObject({ id: 'req-he', name: '何秀英', phoneMasked: '139****6666', note: '刚从外地迁回', status: 'pending' });
    expect(list.items.map((row) => row.id)).toContain('req-no');
    expect(JSON.stringify(list)).not.toContain('13955556666');
  });

  it('approving creates the roster entry and binds the requester\'s WeChat to it', async () => {
    const answer = dataOf(await cloud.call('roster', 'approveRequest', { requestId: 'req-he' }, STAFF));
    expect(answer).toEqual({ requestId: 'req-he', memberId: 'request-req-he', rosterNo: 'SQ-req-he', bound: true });
    expect(await byId<MemberDoc>('members', 'request-req-he')).toMatchObject({
      rosterNo: 'SQ-req-he',
      name: '何秀英',
      gender: 'female',
      phone: '13955556666',
      skills: ['医疗'],
      town: '东关街道',
    });
    const [bound] = await where<AccountDoc>('accounts', { openid: 'openid-he' });
    expect(bound).toMatchObject({ role: 'member', memberId: 'request-req-he', bindingKey: 'request-req-he', consent: { version: '2026-01' } });
    expect(await byId<RosterRequestDoc>('rosterRequests', 'req-he')).toMatchObject({
      status: 'approved',
      memberId: 'request-req-he',
      activeKey: 'req-he',
      decidedBy: '刘干事',
    });
    const audit = await where<AuditLogDoc>('auditLog', { memberId: 'request-req-he' });
    expect(audit).toMatchObject([{ action: 'roster.approveRequest', actorName: '刘干事', actorRole: 'staff' }]);
  });

  it('two staff approving the same request at once make one entry and one account', async () => {
    const answers = await Promise.all([
      cloud.call('roster', 'approveRequest', { requestId: 'req-race' }, STAFF),
      cloud.call('roster', 'approveRequest', { requestId: 'req-race' }, STAFF),
      cloud.call('roster', 'approveRequest', { requestId: 'req-race' }, STAFF),
    ]);
    for (const answer of answers) expect(dataOf(answer)).toMatchObject({ memberId: 'request-req-race', bound: true });
    expect(await where('members', { name: '施国庆' })).toHaveLength(1);
    expect(await where('accounts', { openid: 'openid-race' })).toHaveLength(1);
    expect(await where('auditLog', { memberId: 'request-req-race' })).toHaveLength(1);
  });

  it('approving for a WeChat that already has an account creates the entry but does not bind it', async () => {
    const answer = dataOf(await cloud.call('roster', 'approveRequest', { requestId: 'req-bound' }, STAFF));
    expect(answer).toMatchObject({ memberId: 'request-req-bound', bound: false });
    expect(await where<AccountDoc>('accounts', { openid: 'openid-has-account' })).toMatchObject([{ role: 'helper', memberId: null }]);
  });

  it('rejecting keeps the reason; a decided request cannot be decided again', async () => {
    expect(dataOf(await cloud.call('roster', 'rejectRequest', { requestId: 'req-no', reason: '不是本县离退休干部' }, STAFF))).toEqual({
      requestId: 'req-no',
      status: 'rejected',
    });
    expect(await byId<RosterRequestDoc>('rosterRequests', 'req-no')).toMatchObject({ status: 'rejected', rejectReason: '不是本县离退休干部', activeKey: 'req-no' });
    const done = { ok: false, error: { code: 'ROSTER.REQUEST_DONE', message: '这条申请已经处理过了' } };
    expect(await cloud.call('roster', 'approveRequest', { requestId: 'req-no' }, STAFF)).toEqual(done);
    expect(await cloud.call('roster', 'rejectRequest', { requestId: 'req-he', reason: '重复' }, STAFF)).toEqual(done);
    expect(await where('members', { name: '孔德' })).toHaveLength(0);
    const rejected = dataOf(await cloud.call('roster', 'reviewRequests', { status: 'rejected' }, STAFF));
    expect(rejected).toMatchObject({ total: 1, pendingCount: 0, items: [{ id: 'req-no', rejectReason: '不是本县离退休干部', decidedBy: '刘干事' }] });
  });

  it('answers DATA.NOT_FOUND for an id that is not a request (e.g. a member\'s or a deletion request\'s)', async () => {
    for (const requestId of ['list-01', 'nope', 'del-wang']) {
      expect(await cloud.call('roster', 'approveRequest', { requestId }, STAFF)).toMatchObject({ ok: false, error: { code: 'DATA.NOT_FOUND' } });
      expect(await cloud.call('roster', 'rejectRequest', { requestId, reason: '无' }, STAFF)).toMatchObject({ ok: false, error: { code: 'DATA.NOT_FOUND' } });
    }
  });
});

describe('注销申请: confirm deletion', () => {
  const wang = member('m-wang', {
    rosterNo: 'W001',
    name: '王德发',
    memberType: 'lixiu',
    gender: 'male',
    birthYear: 1930,
    formerUnit: '县委组织部',
    town: '城关镇',
    community: '人民路社区',
    partyMember: true,
    phone: '13977778888',
    skills: ['书法', '党史宣讲'],
    emergencyContact: { name: '王小发', relation: '儿子', phone: '13611112222' },
  });

  beforeAll(async () => {
    await insert(cloud.db, 'members', [{ ...wang, idCardTail: '1234' }, member('m-other', { rosterNo: 'W002' })]);
    await insert(cloud.db, 'accounts', [
      account('openid-wang', { name: '王德发', memberId: 'm-wang' }),
      account('openid-wang-son', { role: 'helper', name: '王小发', actsFor: 'm-wang' }),
      account('openid-other', { memberId: 'm-other' }),
    ]);
    await insert(cloud.db, 'invitations', [
      { _id: 'inv-wang', memberId: 'm-wang', createdBy: 'openid-wang', createdAt: new Date(), expiresAt: new Date(Date.now() + 3600e3), usedBy: null, usedAt: null },
    ]);
    await insert(cloud.db, 'rosterRequests', [rosterRequest('req-wang', 'openid-wang', { name: '王德发', status: 'approved', memberId: 'm-wang', activeKey: 'req-wang' })]);
    const request: DeletionRequestDoc = {
      _id: 'del-wang',
      memberId: 'm-wang',
      openid: 'openid-wang',
      activeKey: 'member:m-wang',
      reason: '不想用了',
      status: 'pending',
      doneBy: null,
      doneAt: null,
      createdAt: new Date('2026-02-01T01:00:00Z'),
    };
    await insert(cloud.db, 'deletionRequests', [request]);
  });

  it('lists pending deletion requests with who asked', async () => {
    expect(dataOf(await cloud.call('roster', 'deletionRequests', {}, STAFF))).toEqual({
      items: [
        {
          id: 'del-wang',
          memberId: 'm-wang',
          rosterNo: 'W001',
          memberName: '王德发',
          town: '城关镇',
          reason: '不想用了',
          status: 'pending',
          requestedAt: '2026-02-01T01:00:00.000Z',
          doneAt: null,
          doneBy: null,
        },
      ],
      total: 1,
      pendingCount: 1,
      page: 1,
      pageSize: 20,
    });
  });

  it('erases every personal field, keeps what the figures count, removes the member\'s and helpers\' accounts', async () => {
    const answer = dataOf(await cloud.call('roster', 'confirmDeletion', { requestId: 'del-wang' }, STAFF));
    expect(answer).toEqual({ requestId: 'del-wang', memberId: 'm-wang', accountsRemoved: 2 });

    const after = await byId<MemberDoc & { idCardTail?: string }>('members', 'm-wang');
    expect(after).toEqual({
      _id: 'm-wang',
      rosterNo: 'W001',
      name: ERASED_NAME,
      memberType: 'lixiu',
      gender: 'male',
      birthYear: 0,
      formerUnit: '',
      town: '城关镇',
      community: '',
      partyMember: true,
      phone: '',
      skills: [],
      emergencyContact: null,
      createdAt: wang.createdAt,
      erasedAt: expect.any(Date),
    });
    expect(JSON.stringify(after)).not.toMatch(/王|1397777|1361111|书法|组织部|1930|1234/);

    expect(await where('accounts', { openid: 'openid-wang' })).toHaveLength(0);
    expect(await where('accounts', { openid: 'openid-wang-son' })).toHaveLength(0);
    expect(await where('accounts', { openid: 'openid-other' })).toHaveLength(1);
    expect(await where('invitations', { memberId: 'm-wang' })).toHaveLength(0);
    expect(await byId('members', 'm-other')).not.toBeNull();
    expect(await byId<RosterRequestDoc>('rosterRequests', 'req-wang')).toMatchObject({ name: ERASED_NAME, phone: '', skills: [], note: '' });
    expect(await byId<DeletionRequestDoc>('deletionRequests', 'del-wang')).toMatchObject({ status: 'done', activeKey: 'del-wang', doneBy: '刘干事' });

    // the bureau's figures still count them: a 离休 party member in 城关镇
    expect(await cloud.db.collection('members').where({ memberType: 'lixiu', town: '城关镇', partyMember: true }).count()).toMatchObject({ total: 1 });
    // and the erased entry shows as such in the staff list
    const list = dataOf(await cloud.call('roster', 'members', { keyword: 'W001' }, STAFF));
    expect(list.items).toMatchObject([{ id: 'm-wang', name: ERASED_NAME, phoneMasked: null, erased: true, bound: false }]);
  });

  it('confirming again changes nothing and the request shows as done', async () => {
    const before = await byId<MemberDoc>('members', 'm-wang');
    expect(dataOf(await cloud.call('roster', 'confirmDeletion', { requestId: 'del-wang' }, STAFF))).toMatchObject({ accountsRemoved: 0 });
    expect(await byId<MemberDoc>('members', 'm-wang')).toEqual(before);
    expect(await where('auditLog', { action: 'roster.confirmDeletion' })).toHaveLength(1);
    const done = dataOf(await cloud.call('roster', 'deletionRequests', { status: 'done' }, STAFF));
    expect(done).toMatchObject({ total: 1, pendingCount: 0, items: [{ id: 'del-wang', memberName: ERASED_NAME, status: 'done', doneBy: '刘干事' }] });
  });

  it('answers DATA.NOT_FOUND for an id that is not a deletion request', async () => {
    for (const requestId of ['m-other', 'req-he', 'nope']) {
      expect(await cloud.call('roster', 'confirmDeletion', { requestId }, STAFF)).toMatchObject({ ok: false, error: { code: 'DATA.NOT_FOUND' } });
    }
    expect(await byId<MemberDoc>('members', 'm-other')).toMatchObject({ name: '张建国', phone: '13812345678' });
  });
});
