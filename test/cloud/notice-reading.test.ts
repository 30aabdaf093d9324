/** notice: audiences, read-once receipts under concurrent opens, staff figures and unread lists, publishing, bad input. */
import type { Result } from '../../src/shared/result';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { connectSdk } from '../helpers/sdk';
import { account, member, notice } from './fixtures';

let cloud: CloudHarness;
const call = (action: string, payload: unknown, openid: string) => cloud.call('notice', action as 'open', payload, openid) as Promise<Result<any>>;
const codeOf = (answer: Result<unknown>) => (answer.ok ? 'ok' : answer.error.code);
const countOf = async (collection: string, where: object = {}) => (await cloud.db.collection(collection).where(where).count()).total as number;
const ids = (items: { id: string }[]) => items.map((item) => item.id);
const enrol = (memberId: string, kind: string, targetId: string, status = 'active') => ({
  _id: `${kind}~${targetId}~${memberId}`, kind, targetId, postId: null, memberId, termId: null, termSlot: `${kind}~${targetId}~${memberId}`,
  status, title: targetId, createdAt: new Date(), updatedAt: new Date(), byOpenid: 'x',
});

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [
    member('m-zhang', { name: '张建国', phone: '13812345678', town: '城关镇' }),
    member('m-li', { name: '李秀英', phone: '13900001111', town: '青山镇' }),
    member('m-wang', { name: '王德福', phone: '13700002222', town: '河口镇' }),
    member('m-gone', { name: '已注销用户', erasedAt: new Date() }),
  ]);
  await insert(cloud.db, 'accounts', [
    account('o-zhang', { name: '张建国', memberId: 'm-zhang' }),
    account('o-li', { name: '李秀英', memberId: 'm-li' }),
    account('o-wang', { name: '王德福', memberId: 'm-wang' }),
    account('o-helper', { role: 'helper', name: '张小红', actsFor: 'm-zhang' }),
    account('o-staff', { role: 'staff', name: '刘干事' }),
  ]);
  await insert(cloud.db, 'associations', [
    { _id: 'assoc-jingju', name: '老年京剧协会', purpose: '', leaderName: '', meetingSchedule: '', joinMode: 'open', memberCount: 0 },
    { _id: 'assoc-empty', name: '老年摄影协会', purpose: '', leaderName: '', meetingSchedule: '', joinMode: 'approval', memberCount: 0 },
  ]);
  await insert(cloud.db, 'enrollments', [
    enrol('m-zhang', 'association', 'assoc-jingju'),
    enrol('m-li', 'association', 'assoc-jingju', 'pending'), // not yet in: does not see it
    enrol('m-wang', 'course', 'course-shufa'),
    enrol('m-li', 'association', 'assoc-empty', 'pending'), // asked to join, not a member yet
  ]);
  await insert(cloud.db, 'notices', [
    notice('n-all', 1, { title: '全体通知', category: 'politics' }),
    notice('n-pinned', 9, { title: '置顶提醒', pinned: true, category: 'other' }),
    notice('n-jingju', 2, { title: '京剧排练', audience: { kind: 'association', id: 'assoc-jingju', name: '老年京剧协会' }, audienceKey: 'association:assoc-jingju' }),
    notice('n-course', 3, { title: '书法班调课', category: 'university', audience: { kind: 'course', id: 'course-shufa', name: '书法' }, audienceKey: 'course:course-shufa' }),
    notice('n-old', 20, { title: '已撤回', status: 'withdrawn' }),
  ]);
});
afterAll(() => cloud?.stop());

describe('audiences', () => {
  it('shows each member the notices of everyone and of their groups, pinned first, with read flags', async () => {
    const zhang = dataOf(await call('list', {}, 'o-zhang'));
    expect(ids(zhang.items)).toEqual(['n-pinned', 'n-all', 'n-jingju']);
    expect(zhang.items[2]).toMatchObject({ audienceLabel: '协会：老年京剧协会', read: false, categoryLabel: '活动通知' });
    expect(zhang.unreadCount).toBe(3);
    expect(ids(dataOf(await call('list', {}, 'o-li')).items)).toEqual(['n-pinned', 'n-all']);
    expect(ids(dataOf(await call('list', {}, 'o-wang')).items)).toEqual(['n-pinned', 'n-all', 'n-course']);
    expect(ids(dataOf(await call('list', { category: 'university' }, 'o-wang')).items)).toEqual(['n-course']);
    // the helper sees their member's notices
    expect(ids(dataOf(await call('list', {}, 'o-helper')).items)).toEqual(['n-pinned', 'n-all', 'n-jingju']);
    // outside the audience a notice is not found; a withdrawn one says so
    expect(codeOf(await call('open', { noticeId: 'n-jingju' }, 'o-li'))).toBe('DATA.NOT_FOUND');
    expect(codeOf(await call('open', { noticeId: 'n-old' }, 'o-li'))).toBe('NOTICE.WITHDRAWN');
    // the home page shows only what the viewer may see
    const home = dataOf(await cloud.call('catalog', 'home', {}, 'o-li'));
    expect(home.notices.map((n) => n.id)).toEqual(['n-pinned', 'n-all']);
  });
});

describe('read receipts', () => {
  it('marks a notice read once: 50 concurrent opens leave one receipt', async () => {
    const opens = await Promise.all(Array.from({ length: 50 }, () => call('open', { noticeId: 'n-all' }, 'o-li')));
    expect(opens.every((answer) => answer.ok)).toBe(true);
    expect(opens.filter((answer) => answer.ok && answer.data.read.firstTime)).toHaveLength(1);
    expect(new Set(opens.map((answer) => (answer.ok ? answer.data.read.readAt : '')))).toHaveProperty('size', 1);
    expect(await countOf('noticeReads', { noticeId: 'n-all', memberId: 'm-li' })).toBe(1);
    const opened = opens[0] as { ok: true; data: any };
    expect(opened.data.notice).toMatchObject({ id: 'n-all', title: '全体通知', categoryLabel: '政情通报', body: [{ type: 'paragraph', text: '正文' }] });
    const list = dataOf(await call('list', {}, 'o-li'));
    expect(list.items.find((n: { id: string }) => n.id === 'n-all').read).toBe(true);
    expect(list.unreadCount).toBe(1);
  });

  it('counts a helper\'s open for their member, audited once', async () => {
    const first = dataOf(await call('open', { noticeId: 'n-jingju' }, 'o-helper'));
    expect(first.read).toMatchObject({ firstTime: true, byHelper: true });
    expect(dataOf(await call('open', { noticeId: 'n-jingju' }, 'o-zhang')).read).toMatchObject({ firstTime: false, byHelper: true });
    expect(await countOf('auditLog', { memberId: 'm-zhang', action: 'notice.read' })).toBe(1);
  });
});

describe('staff', () => {
  it('sees read and unread counts per notice, and the unread list with full phone numbers', async () => {
    const rows = dataOf(await call('staffList', {}, 'o-staff')).items;
    const row = (id: string) => rows.find((r: { id: string }) => r.id === id);
    // everyone = 3 members not erased; 李秀英 read it
    expect(row('n-all')).toMatchObject({ audienceCount: 3, readCount: 1, unreadCount: 2 });
    expect(row('n-jingju')).toMatchObject({ audienceCount: 1, readCount: 1, unreadCount: 0, audienceLabel: '协会：老年京剧协会' });
    expect(row('n-course')).toMatchObject({ audienceCount: 1, readCount: 0, unreadCount: 1 });
    expect(row('n-old')).toMatchObject({ status: 'withdrawn' });

    const unread = dataOf(await call('readers', { noticeId: 'n-all' }, 'o-staff'));
    expect(unread).toMatchObject({ filter: 'unread', total: 2 });
    expect(unread.items.map((r: { name: string; phone: string; readAt: null }) => [r.name, r.phone, r.readAt])).toEqual([
      ['张建国', '13812345678', null],
      ['王德福', '13700002222', null],
    ]);
    const read = dataOf(await call('readers', { noticeId: 'n-all', filter: 'read' }, 'o-staff'));
    expect(read.items).toEqual([expect.objectContaining({ memberId: 'm-li', phone: '13900001111', byHelper: false, readAt: expect.any(String) })]);
    expect(dataOf(await call('readers', { noticeId: 'n-jingju', filter: 'read' }, 'o-staff')).items[0]).toMatchObject({ name: '张建国', byHelper: true });
    // members never see the lists
    expect(codeOf(await call('readers', { noticeId: 'n-all' }, 'o-li'))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await call('staffList', {}, 'o-helper'))).toBe('AUTH.FORBIDDEN');
  });

  it('publishes to an audience, edits, withdraws; staff may look without a receipt', async () => {
    const form = dataOf(await call('publishForm', {}, 'o-staff'));
    expect(form.audiences).toContainEqual({ kind: 'association', id: 'assoc-jingju', name: '老年京剧协会' });
    const body = [
      { type: 'heading', text: '演出安排' },
      { type: 'paragraph', text: '<script>alert(1)</script>周六\u0000上午', bold: true },
      { type: 'list', items: ['带水杯', '穿演出服'] },
      { type: 'image', fileId: 'cloud://local-env.6c6f-local-env-1300000000/n/a.png', caption: '去年的演出' },
    ];
    const attachments = [{ fileId: 'cloud://local-env.6c6f-local-env-1300000000/n/a.pdf', name: '节目单.pdf' }];
    const published = dataOf(await call('publish', { title: '  京剧汇演  ', category: 'activity', pinned: true, audience: { kind: 'association', id: 'assoc-jingju' }, body, attachments }, 'o-staff'));
    expect(published).toMatchObject({ title: '京剧汇演', pinned: true, audienceCount: 1, readCount: 0, audienceLabel: '协会：老年京剧协会' });
    // the image is in storage, the PDF is not (yet): one gets a working URL, the other ''
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    await connectSdk(cloud.emulator.adminUrl).cloud.uploadFile({ cloudPath: 'n/a.png', fileContent: png });
    const seen = dataOf(await call('open', { noticeId: published.id }, 'o-zhang')).notice;
    expect(seen.body[1]).toEqual({ type: 'paragraph', text: '<script>alert(1)</script>周六上午', bold: true }); // text stays text
    expect(seen.body[3]).toMatchObject({ type: 'image', url: expect.stringContaining('/_local/files/n/a.png') });
    expect(Buffer.from(await (await fetch(seen.body[3].url)).arrayBuffer()).equals(png)).toBe(true);
    expect(seen.attachments).toEqual([{ ...attachments[0], url: '' }]);
    expect(ids(dataOf(await call('list', {}, 'o-zhang')).items)[0]).toBe(published.id);
    expect(codeOf(await call('open', { noticeId: published.id }, 'o-li'))).toBe('DATA.NOT_FOUND');

    expect(dataOf(await call('update', { noticeId: published.id, audience: { kind: 'everyone' }, pinned: false }, 'o-staff'))).toMatchObject({ audienceCount: 3, pinned: false });
    expect(dataOf(await call('open', { noticeId: published.id }, 'o-li')).read.firstTime).toBe(true);
    expect(dataOf(await call('open', { noticeId: published.id }, 'o-staff')).read).toBeNull();
    expect(dataOf(await call('withdraw', { noticeId: published.id }, 'o-staff'))).toMatchObject({ status: 'withdrawn' });
    expect(codeOf(await call('open', { noticeId: published.id }, 'o-li'))).toBe('NOTICE.WITHDRAWN');
    expect(codeOf(await call('publish', { title: '无', category: 'other', audience: { kind: 'team', id: 'team-none' }, body: [{ type: 'paragraph', text: '正文' }] }, 'o-staff'))).toBe('DATA.NOT_FOUND');
  });

  it('refuses a notice whose audience reaches no one, saying why, and stores nothing; the same on edit', async () => {
    const before = await countOf('notices');
    const body = [{ type: 'paragraph', text: '本周六外出采风。' }];
    const refused = await call('publish', { title: '采风通知', category: 'activity', audience: { kind: 'association', id: 'assoc-empty' }, body }, 'o-staff');
    expect(refused.ok ? null : refused.error).toEqual({
      code: 'NOTICE.EMPTY_AUDIENCE',
      message: '“老年摄影协会”现在没有成员，通知发出去谁也收不到。请等有人加入后再发，或者改发给全体老同志',
    });
    expect(await countOf('notices')).toBe(before);
    const everyone = dataOf(await call('publish', { title: '采风通知', category: 'activity', audience: { kind: 'everyone' }, body }, 'o-staff'));
    expect(codeOf(await call('update', { noticeId: everyone.id, audience: { kind: 'association', id: 'assoc-empty' } }, 'o-staff'))).toBe('NOTICE.EMPTY_AUDIENCE');
    expect(dataOf(await call('readers', { noticeId: everyone.id }, 'o-staff')).notice).toMatchObject({ audienceCount: 3 });
    // an association's audience is its members: the one member of 京剧 is reached
    const jingju = dataOf(await call('publish', { title: '京剧排练', category: 'activity', audience: { kind: 'association', id: 'assoc-jingju' }, body }, 'o-staff'));
    expect(jingju).toMatchObject({ audienceCount: 1, unreadCount: 1 });
  });

  it('refuses bad input of every kind and members publishing', async () => {
    const ok = { title: '标题', category: 'other', audience: { kind: 'everyone' }, body: [{ type: 'paragraph', text: '正文' }] };
    const bad: unknown[] = [
      {},
      { ...ok, title: '' },
      { ...ok, title: '字'.repeat(61) },
      { ...ok, category: 'notice' },
      { ...ok, body: [] },
      { ...ok, body: '<p>html</p>' },
      { ...ok, body: [{ type: 'html', text: '<b>x</b>' }] },
      { ...ok, body: [{ type: 'paragraph', text: '正文', style: 'color:red' }] },
      { ...ok, body: [{ type: 'image', fileId: 'javascript:alert(1)' }] },
      { ...ok, attachments: [{ fileId: 'cloud://env.b/a.exe', name: 'a.exe' }] },
      { ...ok, audience: { kind: 'everyone', id: 'x' } },
      { ...ok, audience: { kind: 'course' } },
      { ...ok, audience: { kind: 'course', id: { $ne: '' } } },
      { ...ok, publishedAt: '2020-01-01' },
    ];
    for (const payload of bad) expect([payload, codeOf(await call('publish', payload, 'o-staff'))]).toEqual([payload, 'INPUT.INVALID']);
    expect(codeOf(await call('update', { noticeId: 'n-all' }, 'o-staff'))).toBe('INPUT.INVALID');
    expect(codeOf(await call('open', { noticeId: '../x' }, 'o-li'))).toBe('INPUT.INVALID');
    expect(codeOf(await call('list', { category: 'x' }, 'o-li'))).toBe('INPUT.INVALID');
    expect(codeOf(await call('publish', ok, 'o-zhang'))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await call('list', {}, 'o-staff'))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await call('list', {}, 'o-nobody'))).toBe('AUTH.NOT_MEMBER');
  });
});
