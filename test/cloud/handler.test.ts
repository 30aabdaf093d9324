/** createHandler's contract, through the real SDK and emulator, using the test-only functions in test/fixtures/functions. */
import { FunctionNotFoundError, FunctionTimeoutError } from '../../local/runtime';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { account } from './fixtures';

let cloud: CloudHarness;
const guarded = (event: unknown, openid: string) => cloud.fixtures.invoke('guarded', event, { openid });

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'accounts', [
    account('openid-member'),
    account('openid-staff', { role: 'staff' }),
    account('openid-helper', { role: 'helper' }),
    account('openid-revoked-helper', { role: 'helper', revokedAt: new Date() }),
  ]);
});

afterAll(() => cloud?.stop());

const error = (code: string) => ({ ok: false, error: { code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });

describe('routing and input', () => {
  it('answers INPUT.UNKNOWN_ACTION for an action the function does not have', async () => {
    expect(await cloud.call('catalog', 'nope' as 'home', {}, 'openid-member')).toEqual(error('INPUT.UNKNOWN_ACTION'));
    expect(await guarded({ action: 'toString' }, 'openid-member')).toEqual(error('INPUT.UNKNOWN_ACTION'));
  });

  it('rejects events that are not {action, payload?}', async () => {
    for (const event of [null, 'home', [], {}, { action: 1 }, { action: 'whoami', payload: 'x' }, { action: 'whoami', payload: [] }]) {
      expect(await guarded(event, 'openid-member')).toEqual(error('INPUT.INVALID'));
    }
  });

  it('validates the payload, operator objects included, with plain Chinese messages', async () => {
    expect(dataOf((await guarded({ action: 'echo', payload: { note: ' 你好 ' } }, 'openid-member')) as never)).toEqual({ note: '你好' });
    const cases: [unknown, string][] = [
      [{ note: { $gt: '' } }, '填写的内容不对，请检查后再试'],
      [{ note: 12 }, '备注应当是文字'],
      [{ $gt: '' }, '填写的内容不对，请检查后再试'],
      [{ note: '字'.repeat(11) }, '备注最多10个字'],
      [{}, '还有必填的内容没有填写'],
      [{ note: 'a', openid: 'x' }, '包含了不该有的内容'],
    ];
    for (const [payload, message] of cases) {
      expect(await guarded({ action: 'echo', payload }, 'openid-member')).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID', message } });
    }
    expect(await cloud.call('catalog', 'home', { $gt: '' }, 'openid-member')).toEqual(error('INPUT.INVALID'));
  });
});

describe('identity and roles', () => {
  it('takes the caller from the WeChat context only, never from event.userInfo', async () => {
    const answer = await guarded({ action: 'whoami', userInfo: { openId: 'openid-staff' } }, 'openid-member');
    expect(answer).toEqual({ ok: true, data: { openid: 'openid-member', role: 'member' } });
  });

  it('answers AUTH.NO_IDENTITY when the context has no openid', async () => {
    expect(await guarded({ action: 'whoami' }, '')).toEqual(error('AUTH.NO_IDENTITY'));
  });

  it('lets anyone with an identity reach open actions, account or not', async () => {
    expect(await guarded({ action: 'whoami' }, 'openid-stranger')).toEqual({ ok: true, data: { openid: 'openid-stranger', role: null } });
  });

  it('checks roles: NOT_MEMBER without an account, FORBIDDEN for a wrong role', async () => {
    expect(await guarded({ action: 'staffOnly' }, 'openid-stranger')).toEqual(error('AUTH.NOT_MEMBER'));
    expect(await guarded({ action: 'staffOnly' }, 'openid-member')).toEqual(error('AUTH.FORBIDDEN'));
    expect(await guarded({ action: 'staffOnly' }, 'openid-staff')).toEqual({ ok: true, data: { done: true } });
    expect(await guarded({ action: 'memberOnly' }, 'openid-helper')).toEqual(error('AUTH.FORBIDDEN'));
    expect(await guarded({ action: 'memberOnly' }, 'openid-member')).toEqual({ ok: true, data: { done: true } });
  });

  it('refuses a revoked helper on every role-restricted action', async () => {
    for (const action of ['staffOnly', 'memberOnly']) {
      expect(await guarded({ action }, 'openid-revoked-helper')).toEqual(error('AUTH.HELPER_REVOKED'));
    }
  });
});

describe('failures', () => {
  it('keeps the code of a CodedError', async () => {
    expect(await guarded({ action: 'coded' }, 'openid-member')).toEqual({
      ok: false,
      error: { code: 'DATA.NOT_FOUND', message: '没有找到这条信息，可能已被删除' },
    });
  });

  it('turns any other exception into SYSTEM.ERROR, logged on the server, with no detail for the client', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const answer = await guarded({ action: 'crash' }, 'openid-member');
      expect(answer).toEqual({ ok: false, error: { code: 'SYSTEM.ERROR', message: '系统出了点问题，请稍后再试' } });
      expect(JSON.stringify(answer)).not.toMatch(/secret|srv|TypeError/);
      expect(String(logged.mock.calls[0]?.[1])).toContain('secret internal detail');
    } finally {
      logged.mockRestore();
    }
  });
});

describe('runtime', () => {
  it('serves 200 concurrent users through one runtime without mixing them up', async () => {
    const openids = Array.from({ length: 200 }, (_, i) => `openid-crowd-${i}`);
    await insert(cloud.db, 'accounts', openids.map((openid, i) => account(openid, { name: `用户${i}` })));
    const started = Date.now();
    const answers = await Promise.all(openids.map((openid) => cloud.call('member', 'me', {}, openid)));
    console.log(`200 concurrent member.me: ${Date.now() - started} ms`);
    expect(answers.map((answer) => dataOf(answer).name)).toEqual(openids.map((_, i) => `用户${i}`));
  });

  it('cuts a function off at its config.json timeout', async () => {
    const started = Date.now();
    const late = cloud.fixtures.invoke('sleepy', { action: 'nap' }, { openid: 'openid-member' });
    await expect(late).rejects.toBeInstanceOf(FunctionTimeoutError);
    await expect(late).rejects.toMatchObject({ code: 'FUNCTION.TIMEOUT', timeoutMs: 1000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(elapsed).toBeLessThan(1400);
    expect(await cloud.fixtures.invoke('sleepy', { action: 'quick' }, { openid: 'openid-member' })).toEqual({ ok: true, data: { woke: true } });
  });

  it('names its functions and refuses unknown ones clearly', async () => {
    expect(cloud.runtime.functionNames()).toEqual(expect.arrayContaining(['catalog', 'member']));
    expect(cloud.fixtures.functionNames()).toEqual(['guarded', 'sleepy']);
    await expect(cloud.runtime.invoke('nosuch', { action: 'x' }, { openid: 'o' })).rejects.toBeInstanceOf(FunctionNotFoundError);
    await expect(cloud.runtime.invoke('../member', { action: 'me' }, { openid: 'o' })).rejects.toThrow(/not found/);
  });
});
