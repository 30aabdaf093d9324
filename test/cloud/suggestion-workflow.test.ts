/** suggestion: the handling workflow (every allowed and forbidden step), the workbench queue, and the rates. */
import type { Result } from '../../src/shared/result';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { account, member } from './fixtures';
import { outbox } from '../support/local-cloud';

let cloud: CloudHarness;
const member_ = (action: string, payload: unknown, openid = 'o-zhang') => cloud.call('suggestion', action as 'detail', payload, openid) as Promise<Result<any>>;
const staff = (action: string, payload: unknown, openid = 'o-staff') => cloud.call('suggestion', action as 'accept', payload, openid) as Promise<Result<any>>;
const codeOf = (answer: Result<unknown>) => (answer.ok ? 'ok' : answer.error.code);
const messagesTo = async (openid: string) =>
  (await outbox(cloud.emulator.url)).filter((m) => m.touser === openid);
const bj = (text: string) => new Date(`${text}+08:00`);

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [member('m-zhang', { name: '张建国' })]);
  await insert(cloud.db, 'accounts', [
    account('o-zhang', { name: '张建国', memberId: 'm-zhang' }),
    account('o-staff', { role: 'staff', name: '刘干事' }),
    account('o-staff2', { role: 'staff', name: '高鹏' }),
  ]);
});
afterAll(() => cloud?.stop());

describe('handling', () => {
  it('walks 已提交 → 已受理 → 办理中 → 已办结, refusing every forbidden step, recording who and when, telling the member each time', async () => {
    const { id } = dataOf(await member_('submit', { category: '文化养老', text: '阅览室周末也开放' }));
    const sentBefore = (await messagesTo('o-zhang')).length;
    const step = (action: string, extra: object = {}, openid?: string) => staff(action, { suggestionId: id, ...extra }, openid);
    const forbidden = async (...actions: [string, object][]) => {
      for (const [action, extra] of actions) expect([action, codeOf(await step(action, extra))]).toEqual([action, 'SUGGESTION.BAD_TRANSITION']);
    };
    const reply = { reply: '正在协调' };
    const conclude = { outcome: 'adopted', reply: '已安排周六上午开放' };

    await forbidden(['assign', { department: '县委老干部局' }], ['reply', reply], ['conclude', conclude]);
    const accepted = dataOf(await step('accept', { note: '收到' }));
    expect(accepted).toMatchObject({ status: 'accepted', allowedSteps: ['assign', 'reply'], overdue: false });
    expect(accepted.timeline[1]).toMatchObject({ step: 'accept', status: 'accepted', byName: '刘干事', byRole: 'staff', note: '收到' });
    expect(Date.now() - Date.parse(accepted.timeline[1].at)).toBeLessThan(10_000);
    await forbidden(['accept', {}], ['conclude', conclude]);
    expect(dataOf(await step('reply', reply))).toMatchObject({ status: 'accepted', reply: '正在协调' });
    expect(codeOf(await step('assign', { department: '不存在的单位' }))).toBe('INPUT.INVALID');
    expect(dataOf(await step('assign', { department: '县文化和旅游局' }))).toMatchObject({ status: 'inProgress', department: '县文化和旅游局' });
    expect(dataOf(await step('assign', { department: '县委老干部局' }, 'o-staff2'))).toMatchObject({ status: 'inProgress', department: '县委老干部局' });
    await forbidden(['accept', {}]);
    const done = dataOf(await step('conclude', conclude, 'o-staff2'));
    expect(done).toMatchObject({ status: 'concluded', outcome: 'adopted', outcomeLabel: '已采纳', reply: '已安排周六上午开放', allowedSteps: [] });
    await forbidden(['accept', {}], ['assign', { department: '县委老干部局' }], ['reply', reply], ['conclude', conclude]);

    // the member reads the outcome, the reply and the whole timeline
    const mine = dataOf(await member_('detail', { suggestionId: id }));
    expect(mine).toMatchObject({ status: 'concluded', statusLabel: '已办结', outcomeLabel: '已采纳', reply: '已安排周六上午开放' });
    expect(mine.timeline.map((t: { step: string; byName: string }) => `${t.step}:${t.byName}`)).toEqual([
      'submit:张建国', 'accept:刘干事', 'reply:刘干事', 'assign:刘干事', 'assign:高鹏', 'conclude:高鹏',
    ]);
    expect(mine.progress.every((p: { reachedAt: string | null }) => p.reachedAt)).toBe(true);
    // one message per handler step (5), the last one the conclusion
    const sent = (await messagesTo('o-zhang')).slice(sentBefore);
    expect(sent.map((m) => m.data.phrase2?.value)).toEqual(['已受理', '已受理', '办理中', '办理中', '已办结']);
    expect(sent[4]?.data.thing5?.value).toBe('已采纳，请查看答复');
  });

  it('lets only one of two handlers accepting at once win', async () => {
    const { id } = dataOf(await member_('submit', { category: '其他', text: '并发受理' }));
    const answers = await Promise.all([staff('accept', { suggestionId: id }), staff('accept', { suggestionId: id }, 'o-staff2')]);
    expect(answers.map(codeOf).sort()).toEqual(['SUGGESTION.BAD_TRANSITION', 'ok']);
    const stored = (await cloud.db.collection('suggestions').doc(id).get()).data;
    expect(stored.timeline.filter((t: { step: string }) => t.step === 'accept')).toHaveLength(1);
    expect(codeOf(await staff('accept', { suggestionId: 'nope' }))).toBe('DATA.NOT_FOUND');
  });

  it('queues open suggestions oldest first, with their age and the overdue ones flagged and counted', async () => {
    const old = (days: number) => new Date(Date.now() - days * 86400_000);
    const doc = (id: string, submittedAt: Date, status = 'submitted') => ({
      _id: id, trackingNo: `JY-2020-00000${id.slice(-1)}`, memberId: 'm-zhang', memberName: '张建国', category: '其他', text: `旧建议${id}`,
      photos: [], hideName: false, status, outcome: null, department: null, reply: null,
      timeline: [{ step: 'submit', status: 'submitted', at: submittedAt, byOpenid: 'o-zhang', byName: '张建国', byRole: 'member', note: null }],
      submittedAt, acceptedAt: null, concludedAt: null, updatedAt: submittedAt,
    });
    await insert(cloud.db, 'suggestions', [doc('q-old1', old(10)), doc('q-old2', old(8), 'accepted')]);
    const page = dataOf(await staff('queue', {}));
    expect(page.items[0]).toMatchObject({ id: 'q-old1', ageDays: 10, overdue: true, authorName: '张建国' });
    expect(page.items[1]).toMatchObject({ id: 'q-old2', overdue: false }); // accepted: never overdue
    expect(page.overdueCount).toBe(1);
    expect(page.counts).toMatchObject({ submitted: 1, accepted: 2, concluded: 1 });
    expect(page.items.every((s: { status: string }) => s.status !== 'concluded')).toBe(true);
    expect(dataOf(await staff('queue', { status: 'concluded' })).items).toHaveLength(1);
    expect(codeOf(await staff('queue', { status: 'done' }))).toBe('INPUT.INVALID');
    // the 工作台's card "1 建议超期未受理" opens exactly the ones it counts
    const overdue = dataOf(await staff('queue', { overdue: true }));
    expect(overdue.items.map((s: { id: string }) => s.id)).toEqual(['q-old1']);
    expect(overdue.total).toBe(page.overdueCount);
    expect(codeOf(await staff('queue', { overdue: 'yes' }))).toBe('INPUT.INVALID');
  });
});

describe('rates', () => {
  it('computes the rates of a period by aggregate, matching figures worked out by hand', async () => {
    const s = (id: string, category: string, submitted: string, status: string, end?: { at: string; outcome: string }) => ({
      _id: id, trackingNo: `JY-2024-0000${id.slice(1).padStart(2, '0')}`, memberId: 'm-zhang', memberName: '张建国', category, text: id,
      photos: [], hideName: false, status, outcome: end?.outcome ?? null, department: null, reply: null, timeline: [],
      submittedAt: bj(submitted), acceptedAt: null, concludedAt: end ? bj(end.at) : null, updatedAt: bj(submitted),
    });
    await insert(cloud.db, 'suggestions', [
      s('r1', '医疗保障', '2024-03-01T09:00:00', 'concluded', { at: '2024-03-03T09:00:00', outcome: 'adopted' }), // 2 days
      s('r2', '医疗保障', '2024-03-05T10:00:00', 'concluded', { at: '2024-03-09T10:00:00', outcome: 'notAdopted' }), // 4 days
      s('r3', '待遇落实', '2024-03-10T08:00:00', 'concluded', { at: '2024-03-15T20:00:00', outcome: 'adopted' }), // 5.5 days
      s('r4', '待遇落实', '2024-03-12T08:00:00', 'inProgress'),
      s('r5', '其他', '2024-03-20T08:00:00', 'accepted'),
      s('r6', '其他', '2024-03-21T08:00:00', 'submitted'),
      s('r7', '文化养老', '2024-03-31T23:30:00', 'submitted'), // last minutes of the period, Beijing time
      s('r8', '医疗保障', '2024-02-29T23:30:00', 'concluded', { at: '2024-03-02T09:00:00', outcome: 'adopted' }), // before it
      s('r9', '其他', '2024-04-01T00:00:00', 'submitted'), // after it
    ]);
    const rates = dataOf(await staff('rates', { from: '2024-03-01', to: '2024-03-31' }));
    // 7 submitted in March; 5 accepted or further; 3 concluded, 2 adopted; (2 + 4 + 5.5) / 3 = 3.83 days
    expect(rates).toMatchObject({
      period: { from: '2024-03-01', to: '2024-03-31' },
      total: 7, handled: 5, concluded: 3, adopted: 2,
      handlingRate: 71.4, // 5/7
      concludeRate: 42.9, // 3/7
      adoptionRate: 66.7, // 2/3
      avgDaysToConclude: 3.8,
    });
    const by = Object.fromEntries(rates.byCategory.map((row: { category: string }) => [row.category, row]));
    expect(by['医疗保障']).toMatchObject({ total: 2, handlingRate: 100, concludeRate: 100, adoptionRate: 50, avgDaysToConclude: 3 });
    expect(by['待遇落实']).toMatchObject({ total: 2, handlingRate: 100, concludeRate: 50, adoptionRate: 100, avgDaysToConclude: 5.5 });
    expect(by['其他']).toMatchObject({ total: 2, handlingRate: 50, concludeRate: 0, adoptionRate: null, avgDaysToConclude: null });
    expect(by['文化养老']).toMatchObject({ total: 1, handlingRate: 0 });
    expect(by['组织生活']).toMatchObject({ total: 0, handlingRate: null, concludeRate: null });
    // one day: only r7
    expect(dataOf(await staff('rates', { from: '2024-03-31', to: '2024-03-31' }))).toMatchObject({ total: 1, handled: 0 });
    for (const bad of [{ from: '2024-03-31', to: '2024-03-01' }, { from: '2024-02-30', to: '2024-03-01' }, { from: '2024-03-01' }, { from: '2024/03/01', to: '2024-03-02' }]) {
      expect(codeOf(await staff('rates', bad))).toMatch(/^INPUT\./);
    }
    expect(codeOf(await member_('rates', {}))).toBe('AUTH.FORBIDDEN');
  });
});
