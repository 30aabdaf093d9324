/** member: profile, family helper invitations, helpers acting (audited) and revoked, deletion — real SDK + emulator. */
import { createHash } from 'node:crypto';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { CONSENT_VERSION } from '../../src/shared/consent';
import type { Result } from '../../src/shared/result';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { account, member } from './fixtures';

let cloud: CloudHarness;
const call = (action: string, payload: unknown, openid: string) => cloud.call('member', action as 'profile', payload, openid) as Promise<Result<any>>;
const codeOf = (answer: Result<unknown>) => (answer.ok ? 'ok' : answer.error.code);
const countOf = async (collection: string, where: object = {}) => (await cloud.db.collection(collection).where(where).count()).total as number;
const accept = (code: string, openid: string, name = '张小红', relation = '女儿') =>
  call('acceptInvitation', { code, name, relation, consentVersion: CONSENT_VERSION }, openid);
const invite = async (openid = 'openid-zhang') => dataOf(await call('createInvitation', {}, openid)) as { code: string; expiresAt: string; qrPngBase64: string | null; scene: string };
const helperId = async (openid: string) => (await cloud.db.collection('accounts').where({ openid }).get()).data[0]._id as string;

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [
    member('m-zhang', { name: '张建国', phone: '13812345678', skills: ['教学'], emergencyContact: null }),
    member('m-li', { name: '李秀英', phone: '13900001111' }),
  ]);
  await insert(cloud.db, 'accounts', [
    account('openid-zhang', { name: '张建国', memberId: 'm-zhang' }),
    account('openid-li', { name: '李秀英', memberId: 'm-li' }),
    account('openid-staff', { role: 'staff', name: '刘干事' }),
  ]);
});

afterAll(() => cloud?.stop());

describe('profile', () => {
  it('answers the member\'s full own profile with the unmasked phone and what they may correct', async () => {
    const profile = dataOf(await call('profile', {}, 'openid-zhang'));
    expect(profile).toMatchObject({
      memberId: 'm-zhang', name: '张建国', phone: '13812345678', skills: ['教学'], emergencyContact: null, largeText: false,
      viewer: { role: 'member', name: '张建国', onBehalf: false }, deletion: null,
    });
    expect(profile.editable).toEqual(['phone', 'town', 'community', 'skills', 'emergencyContact', 'largeText']);
    expect(profile.skillOptions).toContain('法律');
    expect(codeOf(await call('profile', {}, 'openid-staff'))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await call('profile', {}, 'openid-nobody'))).toBe('AUTH.NOT_MEMBER');
  });

  it('lets the member correct the listed fields only, with the large-text preference on their account', async () => {
    const updated = dataOf(await call('updateProfile', {
      phone: '139-0000-9999',
      skills: ['教学', '书法'],
      emergencyContact: { name: '张小红', relation: '女儿', phone: '13700001234' },
      largeText: true,
    }, 'openid-zhang'));
    expect(updated).toMatchObject({ phone: '13900009999', skills: ['教学', '书法'], emergencyContact: { name: '张小红', relation: '女儿', phone: '13700001234' }, largeText: true });
    const [stored] = (await cloud.db.collection('members').where({ _id: 'm-zhang' }).get()).data;
    expect(stored).toMatchObject({ phone: '13900009999', name: '张建国', emergencyContact: { name: '张小红', relation: '女儿', phone: '13700001234' } });
    expect(stored.largeText).toBeUndefined();
    // a member's own corrections are not helper actions: nothing in the audit log
    expect(await countOf('auditLog', { memberId: 'm-zhang' })).toBe(0);
    const refused: unknown[] = [
      {},
      { name: '李四' },
      { partyMember: false },
      { phone: '12345' },
      { phone: { $gt: '' } },
      { skills: '书法' },
      { skills: ['书'.repeat(21)] },
      { emergencyContact: { name: '张小红' } },
      { emergencyContact: { name: '张小红', relation: '女儿', phone: '13700001234', openid: 'x' } },
      { town: 'x'.repeat(5000) },
      { largeText: 'yes' },
    ];
    for (const payload of refused) expect(codeOf(await call('updateProfile', payload, 'openid-zhang'))).toBe('INPUT.INVALID');
    expect(dataOf(await call('updateProfile', { emergencyContact: null }, 'openid-zhang')).emergencyContact).toBeNull();
  });
});

describe('invitations', () => {
  it('creates a one-time 8-character code, valid 24 hours, with a scannable mini-program code; only its hash is stored', async () => {
    const invitation = await invite();
    expect(invitation.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    expect(new Date(invitation.expiresAt).getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const png = PNG.sync.read(Buffer.from(invitation.qrPngBase64 ?? '', 'base64'));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(`inv=${invitation.code}`);
    const stored = (await cloud.db.collection('invitations').where({ memberId: 'm-zhang' }).get()).data;
    expect(stored.map((doc: { _id: string }) => doc._id)).toContain(createHash('sha256').update(invitation.code).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(invitation.code);
  });

  it('makes the relative who accepts it a helper of that member, once; the code tolerates spaces and lower case', async () => {
    const { code } = await invite();
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
    expect(dataOf(await accept(typed, 'openid-daughter'))).toEqual({ helperName: '张小红', actingFor: { memberId: 'm-zhang', name: '张建国' } });
    const [stored] = (await cloud.db.collection('accounts').where({ openid: 'openid-daughter' }).get()).data;
    expect(stored).toMatchObject({ role: 'helper', actsFor: 'm-zhang', memberId: null, bindingKey: 'openid:openid-daughter', relation: '女儿', consent: { version: CONSENT_VERSION } });
    expect(dataOf(await call('me', {}, 'openid-daughter'))).toMatchObject({ role: 'helper', actingFor: { memberId: 'm-zhang', name: '张建国' } });
    // the same WeChat again: idempotent; anyone else: used
    expect(codeOf(await accept(code, 'openid-daughter'))).toBe('ok');
    expect(codeOf(await accept(code, 'openid-stranger'))).toBe('INVITE.USED');
    expect(await countOf('accounts', { openid: 'openid-stranger' })).toBe(0);
  });

  it('refuses unknown and expired codes, and WeChats that already have an account', async () => {
    expect(codeOf(await accept('ABCDEFGH', 'openid-stranger'))).toBe('INVITE.NOT_FOUND');
    const { code } = await invite();
    expect(codeOf(await accept(code, 'openid-li'))).toBe('BIND.HAS_ACCOUNT');
    const id = createHash('sha256').update(code).digest('hex');
    await cloud.db.collection('invitations').doc(id).update({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(codeOf(await accept(code, 'openid-stranger'))).toBe('INVITE.EXPIRED');
    expect(await countOf('accounts', { openid: 'openid-stranger' })).toBe(0);
  });

  it('lets exactly one of 10 relatives racing for one code win', async () => {
    const { code } = await invite();
    const openids = Array.from({ length: 10 }, (_, i) => `openid-cousin-${i}`);
    const answers = await Promise.all(openids.map((openid) => accept(code, openid, '表亲')));
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === 'INVITE.USED')).toHaveLength(9);
    expect(await countOf('accounts', { openid: cloud.db.command.in(openids) })).toBe(1);
  });

  it('is a member-only action, as are the helper list and revoking', async () => {
    for (const action of ['createInvitation', 'helpers', 'requestDeletion']) {
      expect(codeOf(await call(action, {}, 'openid-daughter'))).toBe('AUTH.FORBIDDEN');
      expect(codeOf(await call(action, {}, 'openid-staff'))).toBe('AUTH.FORBIDDEN');
      expect(codeOf(await call(action, {}, 'openid-nobody'))).toBe('AUTH.NOT_MEMBER');
    }
    expect(codeOf(await call('revokeHelper', { helperAccountId: 'x' }, 'openid-daughter'))).toBe('AUTH.FORBIDDEN');
  });
});

describe('a helper acting for the member', () => {
  it('corrects the member\'s profile; the member sees it in the audit log as done by the helper', async () => {
    const profile = dataOf(await call('profile', {}, 'openid-daughter'));
    expect(profile).toMatchObject({ memberId: 'm-zhang', name: '张建国', viewer: { role: 'helper', name: '张小红', onBehalf: true } });
    dataOf(await call('updateProfile', { phone: '13812340000', town: '东关街道' }, 'openid-daughter'));
    const [stored] = (await cloud.db.collection('members').where({ _id: 'm-zhang' }).get()).data;
    expect(stored).toMatchObject({ phone: '13812340000', town: '东关街道' });
    const [entry] = (await cloud.db.collection('auditLog').where({ memberId: 'm-zhang', action: 'member.updateProfile' }).get()).data;
    expect(entry).toMatchObject({ actorOpenid: 'openid-daughter', actorName: '张小红', actorRole: 'helper', detail: '修改了电话、乡镇（街道）' });
    const helpers = dataOf(await call('helpers', {}, 'openid-zhang'));
    expect(helpers.helpers.map((h: { name: string }) => h.name)).toEqual(['张小红', '表亲']);
    expect(helpers.log[0]).toMatchObject({ actorName: '张小红', actorRole: 'helper', detail: '修改了电话、乡镇（街道）' });
    expect(helpers.log.map((e: { action: string }) => e.action)).toContain('member.acceptInvitation');
    expect(helpers.activeInvitations).toBeGreaterThan(0);
  });

  it('cannot be revoked by another member: someone else\'s ids are not found, and nothing changes', async () => {
    const daughter = await helperId('openid-daughter');
    expect(codeOf(await call('revokeHelper', { helperAccountId: daughter }, 'openid-li'))).toBe('DATA.NOT_FOUND');
    expect(codeOf(await call('revokeHelper', { helperAccountId: await helperId('openid-li') }, 'openid-zhang'))).toBe('DATA.NOT_FOUND');
    expect(codeOf(await call('profile', {}, 'openid-daughter'))).toBe('ok');
    expect(dataOf(await call('helpers', {}, 'openid-li')).helpers).toEqual([]);
    for (const helperAccountId of [{ $gt: '' }, { $ne: null }, '../accounts', 42, 'x'.repeat(65)]) {
      expect(codeOf(await call('revokeHelper', { helperAccountId }, 'openid-li'))).toBe('INPUT.INVALID');
    }
  });

  it('is refused on the next call once the member revokes them, everywhere', async () => {
    const daughter = await helperId('openid-daughter');
    const revoked = dataOf(await call('revokeHelper', { helperAccountId: daughter }, 'openid-zhang'));
    expect(revoked.helperAccountId).toBe(daughter);
    for (const [action, payload] of [['profile', {}], ['updateProfile', { town: '城关镇' }], ['me', {}]] as const) {
      const answer = await call(action, payload, 'openid-daughter');
      expect(answer).toEqual({ ok: false, error: { code: 'AUTH.HELPER_REVOKED', message: expect.stringContaining('取消') } });
    }
    const [stored] = (await cloud.db.collection('members').where({ _id: 'm-zhang' }).get()).data;
    expect(stored.town).toBe('东关街道');
    // revoking again is harmless; the member sees the revocation
    expect(dataOf(await call('revokeHelper', { helperAccountId: daughter }, 'openid-zhang')).revokedAt).toBe(revoked.revokedAt);
    const helpers = dataOf(await call('helpers', {}, 'openid-zhang'));
    expect(helpers.helpers.find((h: { accountId: string }) => h.accountId === daughter)?.revokedAt).toBe(revoked.revokedAt);
    expect(helpers.log[0]).toMatchObject({ action: 'member.revokeHelper', actorName: '张建国', detail: '取消了张小红的代办权限' });
    expect(await countOf('auditLog', { memberId: 'm-zhang', action: 'member.revokeHelper' })).toBe(1);
  });

  it('can be invited again after a revocation', async () => {
    const { code } = await invite();
    expect(codeOf(await accept(code, 'openid-daughter'))).toBe('ok');
    expect(dataOf(await call('profile', {}, 'openid-daughter')).memberId).toBe('m-zhang');
    expect(await countOf('accounts', { openid: 'openid-daughter' })).toBe(1);
  });
});

describe('requestDeletion', () => {
  it('files one pending request per member, idempotently, shown on the profile', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => call('requestDeletion', { reason: '不再使用' }, 'openid-li')));
    const ids = new Set(answers.map((answer) => dataOf(answer).requestId));
    expect(ids.size).toBe(1);
    expect(await countOf('deletionRequests', { memberId: 'm-li' })).toBe(1);
    const [stored] = (await cloud.db.collection('deletionRequests').where({ memberId: 'm-li' }).get()).data;
    expect(stored).toMatchObject({ status: 'pending', activeKey: 'member:m-li', openid: 'openid-li', reason: '不再使用' });
    expect(dataOf(await call('profile', {}, 'openid-li')).deletion).toMatchObject({ requestId: [...ids][0] });
    expect(codeOf(await call('requestDeletion', { reason: { $gt: '' } }, 'openid-li'))).toBe('INPUT.INVALID');
    expect(codeOf(await call('requestDeletion', { memberId: 'm-zhang' }, 'openid-li'))).toBe('INPUT.INVALID');
  });
});
