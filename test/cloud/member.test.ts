import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { account, member } from './fixtures';
import { settingsDefaults } from '../../src/shared/settings';

let cloud: CloudHarness;

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [
    member('m-zhang', { name: '张建国', memberType: 'lixiu', formerUnit: '县教育局', town: '城关镇', phone: '13812345678' }),
  ]);
  await insert(cloud.db, 'accounts', [
    account('openid-zhang', { name: '张建国', memberId: 'm-zhang' }),
    account('openid-son', { role: 'helper', name: '张小明', actsFor: 'm-zhang' }),
    account('openid-staff', { role: 'staff', name: '刘干事' }),
  ]);
});

afterAll(() => cloud?.stop());

/** Nothing saved yet on the emulator: the placeholders, all usable outside production. */
const defaults = settingsDefaults();
const LOCAL_BUREAU = {
  name: defaults.bureauName,
  hotline: defaults.hotline,
  // the placeholder number is no number: nothing to call yet
  hotlineInfo: null,
  templates: {
    tplEnrollPromoted: defaults.tplEnrollPromoted,
    tplEnrollApproval: defaults.tplEnrollApproval,
    tplActivityCancelled: defaults.tplActivityCancelled,
    tplSuggestionProgress: defaults.tplSuggestionProgress,
    tplActivityReminder: defaults.tplActivityReminder,
    tplLotteryResult: defaults.tplLotteryResult,
    tplVisitsDue: defaults.tplVisitsDue,
  },
};

describe('member.me', () => {
  it('answers a member with their profile and a masked phone', async () => {
    expect(dataOf(await cloud.call('member', 'me', {}, 'openid-zhang'))).toEqual({
      name: '张建国',
      role: 'member',
      memberType: 'lixiu',
      formerUnit: '县教育局',
      town: '城关镇',
      phoneMasked: '138****5678',
      actingFor: null,
      bureau: LOCAL_BUREAU,
      largeText: null,
      points: { lines: [expect.objectContaining({ label: '学习积分', value: '0分' }), expect.objectContaining({ label: '志愿服务时长', value: '0小时' })] },
      party: { inBranch: false, secretary: false },
    });
  });

  it('answers a helper with the member they act for, and none of that member\'s profile', async () => {
    expect(dataOf(await cloud.call('member', 'me', {}, 'openid-son'))).toEqual({
      name: '张小明',
      role: 'helper',
      memberType: null,
      formerUnit: null,
      town: null,
      phoneMasked: null,
      actingFor: { memberId: 'm-zhang', name: '张建国' },
      bureau: LOCAL_BUREAU,
      largeText: null,
      // the member's points: the helper acts for them
      points: { lines: [expect.objectContaining({ value: '0分' }), expect.objectContaining({ value: '0小时' })] },
      party: { inBranch: false, secretary: false },
    });
  });

  it('answers staff without a roster entry', async () => {
    expect(dataOf(await cloud.call('member', 'me', {}, 'openid-staff'))).toMatchObject({ name: '刘干事', role: 'staff', phoneMasked: null });
  });

  it('refuses a WeChat without an account with AUTH.NOT_MEMBER', async () => {
    expect(await cloud.call('member', 'me', {}, 'openid-nobody')).toEqual({
      ok: false,
      error: { code: 'AUTH.NOT_MEMBER', message: '您还没有登记身份，请先确认身份' },
    });
  });

  it('takes identity only from the WeChat context: a payload naming another openid is rejected', async () => {
    const answer = await cloud.call('member', 'me', { openid: 'openid-zhang' }, 'openid-nobody');
    expect(answer).toEqual({ ok: false, error: { code: 'INPUT.INVALID', message: '包含了不该有的内容', field: 'openid' } });
    // and a forged event field next to the payload is refused too
    const forged = await cloud.runtime.invoke('member', { action: 'me', openid: 'openid-zhang' }, { openid: 'openid-nobody' });
    expect(forged).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
  });
});
