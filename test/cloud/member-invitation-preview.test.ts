/** member.invitation: the relative sees who invited them before accepting — real SDK + emulator. */
import { createHash } from 'node:crypto';
import { CONSENT_VERSION } from '../../src/shared/consent';
import type { Result } from '../../src/shared/result';
import { account, member } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
const call = (action: string, payload: unknown, openid: string) => cloud.call('member', action as 'invitation', payload, openid) as Promise<Result<any>>;
const codeOf = (answer: Result<unknown>) => (answer.ok ? 'ok' : answer.error.code);

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [member('m-wang', { name: '王建国' })]);
  await insert(cloud.db, 'accounts', [account('openid-wang', { name: '王建国', memberId: 'm-wang' })]);
});

afterAll(() => cloud?.stop());

describe('invitation preview', () => {
  it('names the inviting member for a valid code, typed loosely, to anyone with a WeChat', async () => {
    const { code, expiresAt } = dataOf(await call('createInvitation', {}, 'openid-wang')) as { code: string; expiresAt: string };
    const loose = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
    expect(dataOf(await call('invitation', { code: loose }, 'openid-relative'))).toEqual({ memberName: '王建国', expiresAt });
    // previewing changes nothing: the code can still be accepted
    const accepted = await call('acceptInvitation', { code, name: '王小红', relation: '女儿', consentVersion: CONSENT_VERSION }, 'openid-relative');
    expect(codeOf(accepted)).toBe('ok');
    expect(codeOf(await call('invitation', { code }, 'openid-other'))).toBe('INVITE.USED');
  });

  it('says why a code cannot be used: unknown, expired or malformed', async () => {
    expect(codeOf(await call('invitation', { code: 'ABCDEFGH' }, 'openid-relative'))).toBe('INVITE.NOT_FOUND');
    const { code } = dataOf(await call('createInvitation', {}, 'openid-wang')) as { code: string };
    const id = createHash('sha256').update(code).digest('hex');
    await cloud.db.collection('invitations').doc(id).update({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(codeOf(await call('invitation', { code }, 'openid-relative'))).toBe('INVITE.EXPIRED');
    for (const bad of [{ code: 'short' }, { code: 'O0O0O0O0' }, {}, { code: code, extra: 1 }]) {
      expect(codeOf(await call('invitation', bad, 'openid-relative'))).toBe('INPUT.INVALID');
    }
  });
});
