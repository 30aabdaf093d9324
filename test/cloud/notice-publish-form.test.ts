/** notice.publishForm: the edit screen's one call — the form's choices plus the notice being edited, as stored. */
import type { Result } from '../../src/shared/result';
import { account, notice } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
const form = (payload: object, openid = 'o-staff') => cloud.call('notice', 'publishForm', payload, openid);
const codeOf = (answer: Result<unknown>) => (answer.ok ? 'ok' : answer.error.code);

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'accounts', [account('o-staff', { role: 'staff', name: '刘干事' }), account('o-member', { memberId: 'm-1' })]);
  await insert(cloud.db, 'associations', [{ _id: 'assoc-jingju', name: '老年京剧协会', purpose: '', leaderName: '', meetingSchedule: '', joinMode: 'open', memberCount: 0 }]);
  await insert(cloud.db, 'notices', [
    notice('n-group', 2, {
      title: '京剧汇演',
      pinned: true,
      audience: { kind: 'association', id: 'assoc-jingju', name: '老年京剧协会' },
      audienceKey: 'association:assoc-jingju',
      body: [{ type: 'paragraph', text: '周六上午' }, { type: 'image', fileId: 'cloud://env/n/a.png', caption: '去年' }],
      attachments: [{ fileId: 'cloud://env/n/a.pdf', name: '节目单.pdf', size: 1234 }],
    }),
  ]);
});
afterAll(() => cloud.stop());

describe('publishForm', () => {
  it('answers the choices without a notice for a new one', async () => {
    const data = dataOf(await form({}));
    expect(data.notice).toBeNull();
    expect(data.audiences).toEqual([{ kind: 'association', id: 'assoc-jingju', name: '老年京剧协会' }]);
    expect(data.categories.length).toBeGreaterThan(0);
  });

  it('answers the notice being edited with its audience as chosen, fileIds and attachments', async () => {
    const data = dataOf(await form({ noticeId: 'n-group' }));
    expect(data.notice).toEqual({
      id: 'n-group',
      title: '京剧汇演',
      category: 'activity',
      pinned: true,
      audience: { kind: 'association', id: 'assoc-jingju' },
      body: [{ type: 'paragraph', text: '周六上午' }, { type: 'image', fileId: 'cloud://env/n/a.png', caption: '去年' }],
      attachments: [{ fileId: 'cloud://env/n/a.pdf', name: '节目单.pdf', size: 1234 }],
      status: 'published',
    });
    expect(data.audiences).toHaveLength(1);
  });

  it('refuses an unknown notice, a bad id and members', async () => {
    expect(codeOf(await form({ noticeId: 'n-none' }))).toBe('DATA.NOT_FOUND');
    expect(codeOf(await form({ noticeId: { $ne: '' } }))).toBe('INPUT.INVALID');
    expect(codeOf(await form({ noticeId: 'n-group' }, 'o-member'))).toBe('AUTH.FORBIDDEN');
  });
});
