/**
 * Staff actions under concurrent repeats (double taps, retries): each takes effect once, is audited once, and every
 * repeat answers with what happened instead of an error.
 */
import { CONSENT_VERSION } from '../../src/shared/consent';
import type { Result } from '../../src/shared/result';
import { account, activity, member, notice } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import * as local from '../support/local-cloud';

let cloud: CloudHarness;
const STAFF = 'o-staff';
const call = (fn: string, action: string, payload: unknown, openid = STAFF) =>
  cloud.call(fn as 'staff', action as 'home', payload, openid) as Promise<Result<any>>;
const times = <T>(n: number, run: () => Promise<T>) => Promise.all(Array.from({ length: n }, run));
const audits = async (action: string) => (await cloud.db.collection('staffAudit').where({ action }).count()).total as number;
const outbox = () => local.outbox(cloud.emulator.url);

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [member('m-li', { name: '李秀英' }), member('m-wang', { name: '王德福' })]);
  await insert(cloud.db, 'accounts', [
    account('o-li', { name: '李秀英', memberId: 'm-li' }),
    account('o-wang', { name: '王德福', memberId: 'm-wang' }),
    account(STAFF, { role: 'staff', name: '刘干事' }),
  ]);
  await insert(cloud.db, 'notices', [notice('n-1', 1)]);
  await insert(cloud.db, 'activities', [activity('act-1', 5, { taken: 2, line: ['m-li', 'm-wang'] } as object)]);
});
afterAll(() => cloud?.stop());

describe('idempotent staff actions', () => {
  it('3 concurrent 撤回 of one notice: withdrawn once, one audit entry, every tap answers 已撤回', async () => {
    const answers = await times(3, () => call('notice', 'withdraw', { noticeId: 'n-1' }));
    for (const answer of answers) expect(dataOf(answer)).toMatchObject({ id: 'n-1', status: 'withdrawn' });
    expect(await audits('notice.withdraw')).toBe(1);
    // a later repeat changes nothing either
    expect(dataOf(await call('notice', 'withdraw', { noticeId: 'n-1' }))).toMatchObject({ status: 'withdrawn' });
    expect(await audits('notice.withdraw')).toBe(1);
  });

  it('5 concurrent cancels of one activity: cancelled once, members told once, one audit entry', async () => {
    const sentBefore = (await outbox()).length;
    const answers = (await times(5, () => call('staff', 'cancelActivity', { activityId: 'act-1', reason: '天气原因' }))).map(dataOf);
    expect(answers.filter((a) => !a.already)).toHaveLength(1);
    for (const answer of answers) expect(answer.activity).toMatchObject({ id: 'act-1' });
    expect(await audits('staff.cancelActivity')).toBe(1);
    expect((await outbox()).length - sentBefore).toBeLessThanOrEqual(2);
  });

  it('concurrent repeats of a suggestion step record one step and one audit entry, and answer the detail', async () => {
    const submitted = dataOf(await call('suggestion', 'submit', { category: '医疗保障', text: '建议增加骨密度检查' }, 'o-li'));
    const id = submitted.suggestionId ?? submitted.id;
    const accepted = await times(3, () => call('suggestion', 'accept', { suggestionId: id }));
    for (const answer of accepted) expect(dataOf(answer)).toMatchObject({ status: 'accepted' });
    const replied = await times(3, () => call('suggestion', 'reply', { suggestionId: id, reply: '已转卫健局研究' }));
    for (const answer of replied) expect(answer.ok).toBe(true);
    const doc = (await cloud.db.collection('suggestions').doc(id).get()).data as { timeline: { step: string }[] };
    expect(doc.timeline.map((step) => step.step)).toEqual(['submit', 'accept', 'reply'].slice(0, doc.timeline.length));
    expect(doc.timeline.filter((step) => step.step === 'reply')).toHaveLength(1);
    expect(await audits('suggestion.accept')).toBe(1);
    expect(await audits('suggestion.reply')).toBe(1);
  });

  it('concurrent rejects of one roster request: one audit entry, every tap answers 已不通过', async () => {
    const review = { consentVersion: CONSENT_VERSION, name: '赵桂兰', memberType: 'tuixiu', gender: 'female', birthYear: 1950, formerUnit: '县教育局', town: '城关镇', phone: '13812345678' };
    dataOf(await call('member', 'requestReview', review, 'o-new'));
    const [pending] = dataOf(await call('roster', 'reviewRequests', { status: 'pending' })).items as { id?: string; requestId?: string }[];
    const requestId = pending!.requestId ?? pending!.id;
    const answers = await times(3, () => call('roster', 'rejectRequest', { requestId, reason: '不在本县' }));
    for (const answer of answers) expect(dataOf(answer)).toEqual({ requestId, status: 'rejected' });
    expect(await audits('roster.rejectRequest')).toBe(1);
  });

  it('creates carry the page\'s request key: concurrent repeats create one notice, activity and visit, audited once', async () => {
    const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const creates: [string, string, string, object][] = [
      ['notice', 'publish', 'notices', { title: '重阳节活动安排', category: 'activity', audience: { kind: 'everyone' }, body: [{ type: 'paragraph', text: '正文' }] }],
      ['staff', 'saveActivity', 'activities', { title: '门球赛', kind: '门球赛', description: '', place: '门球场', startAt: at(5), endAt: at(5.1), signupDeadline: at(4), seats: 10, walkUpAllowed: false }],
      ['staff', 'recordVisit', 'visits', { memberId: 'm-li', reason: 'illness', visitedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), visitors: '刘芳' }],
    ];
    for (const [fn, action, collection, payload] of creates) {
      const count = async () => (await cloud.db.collection(collection).count()).total as number;
      const before = await count();
      const answers = (await times(3, () => call(fn, action, { ...payload, requestKey: `key-${action}-0001` }))).map(dataOf);
      expect(new Set(answers.map((a) => a.id)).size).toBe(1);
      expect([action, (await count()) - before]).toEqual([action, 1]);
      expect([action, await audits(`${fn}.${action}`)]).toEqual([action, 1]);
      // a new form (a new key) creates a new one
      dataOf(await call(fn, action, { ...payload, requestKey: `key-${action}-0002` }));
      expect([action, (await count()) - before]).toEqual([action, 2]);
    }
  });

  it('concurrent identical edits (a retried save) are audited once; a later different edit is a new entry', async () => {
    const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const edit = { title: '太极拳', kind: '健身', description: '', place: '广场', startAt: at(9), endAt: at(9.1), signupDeadline: at(8), seats: 30, walkUpAllowed: false };
    await insert(cloud.db, 'activities', [activity('act-edit', 9)]);
    const answers = await times(3, () => call('staff', 'saveActivity', { ...edit, activityId: 'act-edit' }));
    for (const answer of answers) expect(dataOf(answer)).toMatchObject({ id: 'act-edit', title: '太极拳' });
    const entries = async () => (await cloud.db.collection('staffAudit').where({ action: 'staff.saveActivity' }).get()).data.filter((e: { changes: { id: string }[] }) => e.changes.some((c) => c.id === 'act-edit')).length;
    expect(await entries()).toBe(1);
    dataOf(await call('staff', 'saveActivity', { ...edit, activityId: 'act-edit', place: '体育馆' }));
    expect(await entries()).toBe(2);
  });

  it('concurrent 住院 marks of one member: one audit entry', async () => {
    await times(3, () => call('staff', 'setHospital', { memberId: 'm-wang', inHospital: true }));
    expect(await audits('staff.setHospital')).toBe(1);
    await times(3, () => call('staff', 'setHospital', { memberId: 'm-wang', inHospital: false }));
    expect(await audits('staff.setHospital')).toBe(2);
  });
});
