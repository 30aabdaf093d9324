/**
 * Every action of the staff and figures functions refuses members, helpers and leaders (a leader may read only the
 * rosters of their own groups), and bad input of every kind, before any work is done.
 */
import type { ActionName } from '../../src/shared/contracts';
import { codeOf } from './checkin-kit';
import { account, activity, member } from './fixtures';
import { insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
type Call = { fn: 'staff'; action: ActionName<'staff'> } | { fn: 'figures'; action: ActionName<'figures'> };

const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
/** A valid payload for every action, so that only the caller's role decides. */
const VALID: Record<string, object> = {
  'staff.home': {},
  'staff.catalog': {},
  'staff.saveActivity': { title: '门球赛', kind: '门球赛', description: '', place: '门球场', startAt: at(5), endAt: at(5.1), signupDeadline: at(4), seats: 10, walkUpAllowed: false },
  'staff.cancelActivity': { activityId: 'act-1', reason: '天气原因' },
  'staff.setTerm': { termId: '2026-autumn', name: '秋季学期' },
  'staff.saveCourse': { termId: 't', title: '书法', campusId: 'c', teacher: '李', weekday: 1, time: '09:00-10:00', place: '101', seats: 10, fee: 0, enrollOpensAt: at(1), enrollClosesAt: at(2) },
  'staff.saveAssociation': { name: '协会', purpose: '宗旨', leaderName: '会长', joinMode: 'open' },
  'staff.saveTeam': { name: '队', category: '送法律', description: '介绍', skills: [], posts: [{ name: '岗', duties: '职责', capacity: 2 }] },
  'staff.roster': { kind: 'activity', id: 'act-1' },
  'staff.exportRoster': { kind: 'activity', id: 'act-1' },
  'staff.recordVisit': { memberId: 'm-1', reason: 'illness', visitedOn: '2026-01-05', visitors: '刘芳' },
  'staff.visits': {},
  'staff.setHospital': { memberId: 'm-1', inHospital: true },
  'staff.visitsDue': {},
  'staff.auditLog': {},
  'figures.figures': { from: '2026-01-01', to: '2026-03-31' },
  'figures.exportFigures': { from: '2026-01-01', to: '2026-03-31' },
};
const CALLS = Object.keys(VALID).map((key) => {
  const [fn, action] = key.split('.');
  return { fn, action } as Call;
});

const CALLERS = [
  { who: 'a member', openid: 'openid-member', code: 'AUTH.FORBIDDEN' },
  { who: 'a helper', openid: 'openid-helper', code: 'AUTH.FORBIDDEN' },
  { who: 'a leader of another group', openid: 'openid-leader', code: 'AUTH.FORBIDDEN' },
  { who: 'a WeChat without an account', openid: 'openid-stranger', code: 'AUTH.NOT_MEMBER' },
] as const;

const call = (c: Call, payload: unknown, openid: string) => cloud.runtime.invoke(c.fn, { action: c.action, payload }, { openid }) as Promise<{ ok: boolean; error?: { code: string } }>;

async function snapshot(): Promise<string> {
  const read = async (name: string) => (await cloud.db.collection(name).orderBy('_id', 'asc').limit(1000).get()).data;
  return JSON.stringify(await Promise.all(['members', 'activities', 'courses', 'associations', 'volunteerTeams', 'visits', 'settings', 'staffAudit'].map(read)));
}

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [member('m-1'), member('m-2', { rosterNo: 'R-2' })]);
  await insert(cloud.db, 'accounts', [
    account('openid-member', { memberId: 'm-1' }),
    account('openid-helper', { role: 'helper', name: '张小明', actsFor: 'm-1' }),
    account('openid-leader', { role: 'leader', memberId: 'm-2', leads: [{ kind: 'activity', id: 'act-2' }] }),
    account('openid-staff', { role: 'staff', name: '刘干事' }),
  ]);
  await insert(cloud.db, 'activities', [activity('act-1', 3), activity('act-2', 3)]);
});
afterAll(() => cloud.stop());

describe('role denial on every staff and figures action', () => {
  const cases = CALLERS.flatMap((caller) => CALLS.map((c) => [caller.who, `${c.fn}.${c.action}`, caller, c] as const));

  it.each(cases)('%s is refused %s, and nothing is written', async (_who, key, caller, c) => {
    const before = await snapshot();
    expect(codeOf(await call(c, VALID[key], caller.openid))).toBe(caller.code);
    expect(await snapshot()).toBe(before);
  });

  it('lets a leader read their own group’s roster, and only that', async () => {
    expect(codeOf(await call({ fn: 'staff', action: 'roster' }, { kind: 'activity', id: 'act-2' }, 'openid-leader'))).toBe('ok');
  });
});

describe('bad input', () => {
  const STAFF = 'openid-staff';
  const huge = '长'.repeat(5000);
  const BAD: [string, string, object][] = [
    ['staff.cancelActivity', 'an operator object as the id', { activityId: { $ne: '' }, reason: '原因' }],
    ['staff.roster', 'an operator object as the id', { kind: 'activity', id: { $gt: '' } }],
    ['staff.setHospital', 'an operator key nested', { memberId: 'm-1', inHospital: true, $where: '1' }],
    ['staff.recordVisit', 'a wrong type', { memberId: 'm-1', reason: 'illness', visitedOn: 20260105, visitors: '刘芳' }],
    ['staff.recordVisit', 'an unknown reason', { memberId: 'm-1', reason: 'party', visitedOn: '2026-01-05', visitors: '刘芳' }],
    ['staff.recordVisit', 'a huge string', { memberId: 'm-1', reason: 'illness', visitedOn: '2026-01-05', visitors: '刘芳', notes: huge }],
    ['staff.saveActivity', 'a huge title', { ...VALID['staff.saveActivity'], title: huge }],
    ['staff.saveActivity', 'a date that is not one', { ...VALID['staff.saveActivity'], startAt: 'tomorrow' }],
    ['staff.saveActivity', 'negative seats', { ...VALID['staff.saveActivity'], seats: -1 }],
    ['staff.saveActivity', 'an unknown key (taken)', { ...VALID['staff.saveActivity'], taken: 0 }],
    ['staff.saveTeam', 'posts that are not a list', { ...VALID['staff.saveTeam'], posts: { name: '岗' } }],
    ['staff.saveTeam', 'an operator inside a post', { ...VALID['staff.saveTeam'], posts: [{ name: '岗', duties: '职责', capacity: { $gt: 0 } }] }],
    ['staff.auditLog', 'an action name with operators', { action: '$where' }],
    ['figures.figures', 'a period backwards', { from: '2026-03-31', to: '2026-01-01' }],
    ['figures.figures', 'a period of ten years', { from: '2016-01-01', to: '2026-01-01' }],
    ['figures.exportFigures', 'a day that does not exist', { from: '2026-02-30', to: '2026-03-31' }],
  ];

  it.each(BAD)('%s refuses %s', async (key, _what, payload) => {
    const [fn, action] = key.split('.');
    const before = await snapshot();
    expect(codeOf(await call({ fn, action } as Call, payload, STAFF))).toMatch(/^INPUT\./);
    expect(await snapshot()).toBe(before);
  });

  it('refuses ids of things that do not exist, writing nothing', async () => {
    const before = await snapshot();
    for (const [key, payload] of [
      ['staff.cancelActivity', { activityId: 'act-none', reason: '原因' }],
      ['staff.saveActivity', { ...VALID['staff.saveActivity'], activityId: 'act-none' }],
      ['staff.saveTeam', { ...VALID['staff.saveTeam'], teamId: 'team-none' }],
      ['staff.setHospital', { memberId: 'm-none', inHospital: true }],
      ['staff.exportRoster', { kind: 'team', id: 'team-none' }],
    ] as const) {
      const [fn, action] = key.split('.');
      expect([key, codeOf(await call({ fn, action } as Call, payload, STAFF))]).toEqual([key, 'DATA.NOT_FOUND']);
    }
    expect(await snapshot()).toBe(before);
  });
});
