/** suggestion: submitting — content check first, daily limit and tracking numbers under concurrency, anonymity, helpers, bad input. */
import type { Result } from '../../src/shared/result';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { account, member } from './fixtures';
import * as local from '../support/local-cloud';

let cloud: CloudHarness;
const call = (action: string, payload: unknown, openid: string) => cloud.call('suggestion', action as 'submit', payload, openid) as Promise<Result<any>>;
const codeOf = (answer: Result<unknown>) => (answer.ok ? 'ok' : answer.error.code);
const countOf = async (collection: string, where: object = {}) => (await cloud.db.collection(collection).where(where).count()).total as number;
const outbox = () => local.outbox(cloud.emulator.url);
const submit = (openid: string, over: object = {}) => call('submit', { category: '医疗保障', text: '建议健康查体增加骨密度检查', ...over }, openid);

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [
    member('m-zhang', { name: '张建国', phone: '13812345678' }),
    member('m-li', { name: '李秀英', phone: '13900001111' }),
    member('m-wang', { name: '王德福' }),
    member('m-zhao', { name: '赵桂兰' }),
  ]);
  await insert(cloud.db, 'accounts', [
    account('o-zhang', { name: '张建国', memberId: 'm-zhang' }),
    account('o-li', { name: '李秀英', memberId: 'm-li' }),
    account('o-wang', { name: '王德福', memberId: 'm-wang' }),
    account('o-zhao', { name: '赵桂兰', memberId: 'm-zhao' }),
    account('o-helper', { role: 'helper', name: '张小红', actsFor: 'm-zhang', relation: '女儿' }),
    account('o-staff', { role: 'staff', name: '刘干事' }),
  ]);
});
afterAll(() => cloud?.stop());

describe('submit', () => {
  it('shows the form with the day\'s allowance, stores the suggestion with a tracking number, and tells the member', async () => {
    const form = dataOf(await call('form', {}, 'o-li'));
    expect(form).toMatchObject({ dailyLimit: 3, usedToday: 0, remainingToday: 3, textMax: 1000, photosMax: 3, viewer: { name: '李秀英', onBehalf: false }, photoFolder: 'suggestions/o-li/' });
    expect(form.categories).toEqual(['组织生活', '待遇落实', '医疗保障', '文化养老', '作用发挥', '社会发展', '其他']);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const photo = `cloud://local-env.6c6f-local-env-1300000000/${form.photoFolder}a.jpg`;
    const detail = dataOf(await submit('o-li', { photos: [photo] }));
    expect(detail).toMatchObject({ category: '医疗保障', status: 'submitted', statusLabel: '已提交', hideName: false, reply: null, outcome: null });
    expect(detail.trackingNo).toMatch(new RegExp(`^JY-${year}-\\d{6}$`));
    expect(detail.photos).toEqual([{ fileId: photo, url: '' }]); // not uploaded: no URL, but kept
    expect(detail.timeline).toEqual([expect.objectContaining({ step: 'submit', status: 'submitted', byName: '李秀英', byRole: 'member' })]);
    expect(detail.progress.map((p: { reachedAt: string | null }) => Boolean(p.reachedAt))).toEqual([true, false, false, false]);
    expect((await outbox()).some((m) => m.touser === 'o-li' && m.data.character_string1?.value === detail.trackingNo && m.data.phrase2?.value === '已提交')).toBe(true);
    expect(dataOf(await call('form', {}, 'o-li'))).toMatchObject({ usedToday: 1, remainingToday: 2 });
  });

  it('takes photos only from the caller\'s own folder: another\'s file, a sub-folder or another area is refused, nothing stored', async () => {
    const env = 'cloud://local-env.6c6f-local-env-1300000000';
    const before = await countOf('suggestions');
    const foreign = [`${env}/suggestions/o-li/a.jpg`, `${env}/suggestions/o-wang/x/a.jpg`, `${env}/notices/o-staff/a.pdf`, `${env}/suggestions/o-wang-2/a.jpg`];
    for (const photo of foreign) expect([photo, codeOf(await submit('o-wang', { photos: [photo] }))]).toEqual([photo, 'SUGGESTION.BAD_PHOTO']);
    // one foreign photo among own ones spoils the submission
    expect(codeOf(await submit('o-wang', { photos: [`${env}/suggestions/o-wang/1.jpg`, foreign[0]] }))).toBe('SUGGESTION.BAD_PHOTO');
    expect(await countOf('suggestions')).toBe(before);
    expect(await countOf('dailyQuotas', { _id: new RegExp('m-wang') })).toBe(0);
    // a helper's photos are the helper's own (the caller's), not the member's
    expect(dataOf(await call('form', {}, 'o-helper')).photoFolder).toBe('suggestions/o-helper/');
    expect(codeOf(await submit('o-helper', { photos: [`${env}/suggestions/o-zhang/a.jpg`] }))).toBe('SUGGESTION.BAD_PHOTO');
  });

  it('checks the text before anything is stored: a risky text is refused plainly and leaves no trace', async () => {
    const before = await countOf('suggestions');
    const answer = await submit('o-wang', { text: '加微信领红包，代开发票' });
    expect(codeOf(answer)).toBe('SUGGESTION.RISKY_TEXT');
    expect(answer.ok ? '' : answer.error.message).toContain('广告推销');
    expect(await countOf('suggestions')).toBe(before);
    expect(await countOf('dailyQuotas', { _id: new RegExp('m-wang') })).toBe(0);
    expect(dataOf(await call('form', {}, 'o-wang')).usedToday).toBe(0);
  });

  it('holds the daily limit under concurrency: 10 simultaneous submits with limit 3 store exactly 3', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => submit('o-zhao', { text: `第${i}条建议：多组织老年人体育活动` })));
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect(answers.filter((a) => codeOf(a) === 'SUGGESTION.DAILY_LIMIT')).toHaveLength(7);
    expect(await countOf('suggestions', { memberId: 'm-zhao' })).toBe(3);
    expect(dataOf(await call('form', {}, 'o-zhao'))).toMatchObject({ usedToday: 3, remainingToday: 0 });
  });

  it('gives unique, sequential tracking numbers under concurrency', async () => {
    await cloud.db.collection('settings').doc('suggestion').set({ data: { dailyLimit: 20 } });
    const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => submit(i % 2 ? 'o-wang' : 'o-zhang', { text: `并发建议${i}` })));
    await cloud.db.collection('settings').doc('suggestion').remove();
    await cloud.db.collection('dailyQuotas').where({ _id: new RegExp('m-(zhang|wang)') }).remove(); // a new day for both
    expect(answers.every((a) => a.ok)).toBe(true);
    const { data } = await cloud.db.collection('suggestions').limit(1000).get();
    const seqs = (data as { trackingNo: string }[]).map((s) => Number(s.trackingNo.slice(-6))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });

  it('lets a helper submit for their member, audited, and hides the name from handlers but not from the member', async () => {
    const mine = dataOf(await submit('o-helper', { category: '待遇落实', text: '取暖补贴还没有发放', hideName: true }));
    expect(mine).toMatchObject({ hideName: true, timeline: [expect.objectContaining({ byName: '张小红', byRole: 'helper' })] });
    const audit = (await cloud.db.collection('auditLog').where({ memberId: 'm-zhang', action: 'suggestion.submit' }).get()).data;
    expect(audit[0].detail).toContain(mine.trackingNo);
    // the member sees it in 我的建议 and in full
    const list = dataOf(await call('mine', {}, 'o-zhang'));
    expect(list.items.map((s: { id: string }) => s.id)).toContain(mine.id);
    expect(dataOf(await call('detail', { suggestionId: mine.id }, 'o-zhang')).timeline[0].byName).toBe('张小红');
    // handlers see 匿名, no way to reach the author, and nothing naming them anywhere in the answer
    const staff = dataOf(await cloud.call('suggestion', 'staffDetail', { suggestionId: mine.id }, 'o-staff'));
    expect(staff).toMatchObject({ authorName: '匿名', author: null, viaHelper: null });
    expect(staff.timeline[0]).toMatchObject({ byName: '匿名', byRole: 'member' });
    const queue = dataOf(await cloud.call('suggestion', 'queue', {}, 'o-staff'));
    const row = queue.items.find((s: { id: string }) => s.id === mine.id);
    expect(row?.authorName).toBe('匿名');
    for (const text of [JSON.stringify(staff), JSON.stringify(row)]) {
      for (const secret of ['张建国', '张小红', 'm-zhang', '13812345678', 'o-helper']) expect(text).not.toContain(secret);
    }
    // a name not hidden is shown, with how to reach the member
    const open = dataOf(await submit('o-li', { text: '老年大学增开智能手机班' }));
    expect(dataOf(await cloud.call('suggestion', 'staffDetail', { suggestionId: open.id }, 'o-staff'))).toMatchObject({
      authorName: '李秀英',
      author: { memberId: 'm-li', phone: '13900001111' },
      viaHelper: false,
    });
  });

  it('shows a member only their own suggestions', async () => {
    const [theirs] = (await cloud.db.collection('suggestions').where({ memberId: 'm-li' }).get()).data;
    expect(codeOf(await call('detail', { suggestionId: theirs._id }, 'o-wang'))).toBe('DATA.NOT_FOUND');
    expect(dataOf(await call('mine', {}, 'o-wang')).items.every((s: { id: string }) => s.id !== theirs._id)).toBe(true);
  });

  it('refuses bad input of every kind and the wrong roles', async () => {
    const bad: unknown[] = [
      {},
      { category: '医疗保障' },
      { category: '乱写', text: '内容' },
      { category: '医疗保障', text: '   ' },
      { category: '医疗保障', text: '字'.repeat(1001) },
      { category: '医疗保障', text: 123 },
      { category: '医疗保障', text: '内容', photos: ['https://evil.example/x.jpg'] },
      { category: '医疗保障', text: '内容', photos: ['cloud://env.b/a.jpg', 'cloud://env.b/b.jpg', 'cloud://env.b/c.jpg', 'cloud://env.b/d.jpg'] },
      { category: '医疗保障', text: '内容', photos: ['cloud://env.b/a.jpg', 'cloud://env.b/a.jpg'] },
      { category: '医疗保障', text: '内容', photos: ['cloud://env.b/../../x.jpg'] },
      { category: '医疗保障', text: '内容', hideName: 'yes' },
      { category: '医疗保障', text: '内容', memberId: 'm-li' },
      { category: '医疗保障', text: { $gt: '' } },
    ];
    for (const payload of bad) expect([payload, codeOf(await call('submit', payload, 'o-wang'))]).toEqual([payload, 'INPUT.INVALID']);
    expect(codeOf(await call('detail', { suggestionId: { $ne: null } }, 'o-wang'))).toBe('INPUT.INVALID');
    expect(codeOf(await submit('o-staff'))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await submit('o-nobody'))).toBe('AUTH.NOT_MEMBER');
    expect(codeOf(await cloud.call('suggestion', 'queue', {}, 'o-li'))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await cloud.call('suggestion', 'accept', { suggestionId: 'x' }, 'o-li'))).toBe('AUTH.FORBIDDEN');
  });
});
