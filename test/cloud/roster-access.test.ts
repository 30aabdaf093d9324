/** roster: only staff and admin get in, on every action; bad input of every kind is refused before any work. */
import type { ActionName } from '../../src/shared/contracts';
import type { RosterRequestDoc } from '../../src/shared/documents';
import { HEADERS, person, upload, xlsx } from '../fixtures/roster/sheet';
import { account, member } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
let sheet: { fileName: string; contentBase64: string };

type RosterAction = ActionName<'roster'>;

/** A valid payload for every action, so that only the caller's role decides. */
const validPayloads = (): Record<RosterAction, object> => ({
  importRoster: sheet,
  members: { keyword: '张' },
  reviewRequests: {},
  approveRequest: { requestId: 'req-1' },
  rejectRequest: { requestId: 'req-1', reason: '不符合条件' },
  deletionRequests: {},
  confirmDeletion: { requestId: 'del-1' },
});
const ACTIONS = Object.keys(validPayloads()) as RosterAction[];

const CALLERS = [
  { who: 'a member', openid: 'openid-member', code: 'AUTH.FORBIDDEN' },
  { who: 'a helper', openid: 'openid-helper', code: 'AUTH.FORBIDDEN' },
  { who: 'a leader', openid: 'openid-leader', code: 'AUTH.FORBIDDEN' },
  { who: 'a WeChat without an account', openid: 'openid-stranger', code: 'AUTH.NOT_MEMBER' },
] as const;

async function snapshot(): Promise<string> {
  const read = async (name: string) => (await cloud.db.collection(name).orderBy('_id', 'asc').limit(1000).get()).data;
  return JSON.stringify(await Promise.all(['members', 'accounts', 'rosterRequests', 'deletionRequests', 'auditLog'].map(read)));
}

beforeAll(async () => {
  cloud = await startCloud();
  sheet = upload(await xlsx([HEADERS, person('N001', '新来的')]));
  await insert(cloud.db, 'members', [member('m-1'), member('m-2', { rosterNo: 'R-2' })]);
  await insert(cloud.db, 'accounts', [
    account('openid-member', { memberId: 'm-1' }),
    account('openid-helper', { role: 'helper', name: '张小明', actsFor: 'm-1' }),
    account('openid-leader', { role: 'leader', memberId: 'm-2', leads: [{ kind: 'team', id: 'team-1' }] }),
    account('openid-staff', { role: 'staff', name: '刘干事' }),
    account('openid-admin', { role: 'admin', name: '周明' }),
  ]);
  const request: RosterRequestDoc = {
    _id: 'req-1',
    openid: 'openid-asker',
    activeKey: 'openid:openid-asker',
    name: '何秀英',
    memberType: 'tuixiu',
    gender: 'female',
    birthYear: 1952,
    formerUnit: '县卫生局',
    town: '东关街道',
    community: '',
    partyMember: false,
    phone: '13955556666',
    skills: [],
    note: '',
    consent: { version: '2026-01', at: new Date() },
    status: 'pending',
    memberId: null,
    rejectReason: null,
    decidedBy: null,
    decidedAt: null,
    createdAt: new Date(),
  };
  await insert(cloud.db, 'rosterRequests', [request]);
  await insert(cloud.db, 'deletionRequests', [
    { _id: 'del-1', memberId: 'm-1', openid: 'openid-member', activeKey: 'member:m-1', reason: '', status: 'pending', doneBy: null, doneAt: null, createdAt: new Date() },
  ]);
});

afterAll(() => cloud?.stop());

describe('role denial on every roster action', () => {
  const cases = CALLERS.flatMap((caller) => ACTIONS.map((action) => [caller.who, action, caller] as const));

  it.each(cases)('%s calling %s is refused and nothing changes', async (_who, action, caller) => {
    const before = await snapshot();
    const answer = await cloud.call('roster', action, validPayloads()[action], caller.openid);
    expect(answer).toMatchObject({ ok: false, error: { code: caller.code } });
    expect(await snapshot()).toBe(before);
  });

  it('lets staff and admin in (the same payloads succeed)', async () => {
    dataOf(await cloud.call('roster', 'members', validPayloads().members, 'openid-admin'));
    dataOf(await cloud.call('roster', 'reviewRequests', {}, 'openid-staff'));
    expect(dataOf(await cloud.call('roster', 'importRoster', sheet, 'openid-admin'))).toMatchObject({ created: 1 });
  });
});

describe('bad input of every kind', () => {
  const STAFF = 'openid-staff';
  const huge = '张'.repeat(5000);
  const cases: Array<[string, RosterAction, unknown]> = [
    ['an operator object as an id', 'approveRequest', { requestId: { $ne: '' } }],
    ['an operator object as a keyword', 'members', { keyword: { $regex: '.*' } }],
    ['an operator key nested in a field', 'members', { town: { $gt: '' } }],
    ['an operator at the top', 'confirmDeletion', { $where: 'true', requestId: 'del-1' }],
    ['a number as an id', 'confirmDeletion', { requestId: 42 }],
    ['an array as an id', 'rejectRequest', { requestId: ['req-1'], reason: '无' }],
    ['a string as a page', 'members', { page: '2' }],
    ['page 0', 'reviewRequests', { page: 0 }],
    ['a fractional page', 'deletionRequests', { page: 1.5 }],
    ['an unknown status', 'reviewRequests', { status: 'all' }],
    ['an unknown 类别', 'members', { memberType: 'cadre' }],
    ['a huge keyword', 'members', { keyword: huge }],
    ['a huge reason', 'rejectRequest', { requestId: 'req-1', reason: huge }],
    ['an empty reason', 'rejectRequest', { requestId: 'req-1', reason: '   ' }],
    ['a missing reason', 'rejectRequest', { requestId: 'req-1' }],
    ['an id with path characters', 'approveRequest', { requestId: '../members/m-1' }],
    ['a huge id', 'approveRequest', { requestId: 'a'.repeat(65) }],
    ['an openid smuggled in', 'members', { openid: 'openid-staff' }],
    ['a file name that is not text', 'importRoster', { fileName: 7, contentBase64: 'UEsDBA==' }],
    ['a file as a number array', 'importRoster', { fileName: 'a.xlsx', contentBase64: [80, 75, 3, 4] }],
    ['no file content', 'importRoster', { fileName: 'a.xlsx', contentBase64: '' }],
  ];

  it.each(cases)('refuses %s with INPUT.INVALID and changes nothing', async (_what, action, payload) => {
    const before = await snapshot();
    const answer = await cloud.call('roster', action, payload, STAFF);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    if (!answer.ok) expect(answer.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a payload that is an array, and an unknown action', async () => {
    expect(await cloud.runtime.invoke('roster', { action: 'members', payload: [] }, { openid: STAFF })).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    expect(await cloud.runtime.invoke('roster', { action: 'dropAll', payload: {} }, { openid: STAFF })).toMatchObject({ ok: false, error: { code: 'INPUT.UNKNOWN_ACTION' } });
  });
});
