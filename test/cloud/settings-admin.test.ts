/**
 * Going live: the bureau's settings (validated, placeholders refused in production, audited, read by the pages
 * with member.me and by the functions when they send messages) and the first administrator's one-time claim.
 */
import { createHash } from 'node:crypto';
import { SETTINGS, settingsDefaults } from '../../src/shared/settings';
import { account, member } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
const TEMPLATE = 'W25vrVdFrfC1CBXlJG7aGYk0B8y3hR5jLvsTg2Xmhrs'; // 43 characters, as real ids are
const CLAIM = 'ABCD-EFGH-JK23';

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [member('m-wang', { name: '王建国' })]);
  await insert(cloud.db, 'accounts', [
    account('openid-wang', { name: '王建国', memberId: 'm-wang' }),
    account('openid-clerk', { role: 'staff', name: '张丽' }),
  ]);
});
afterAll(() => cloud?.stop());
afterEach(() => {
  delete process.env.YLT_STAGE;
});

const errorCode = (answer: { ok: boolean; error?: { code: string } }) => (answer.ok ? 'ok' : answer.error?.code);

describe('the first administrator', () => {
  afterAll(() => {
    delete process.env.ADMIN_CLAIM_HASH;
  });

  it('without a deployed claim code nobody can claim', async () => {
    expect(errorCode(await cloud.call('member', 'claimAdmin', { code: CLAIM, name: '周明' }, 'openid-first'))).toBe('ADMIN.CLAIM_WRONG');
  });

  it('claims once with the code printed by the deploy; after that the code is useless', async () => {
    process.env.ADMIN_CLAIM_HASH = createHash('sha256').update(CLAIM.replace(/-/g, '')).digest('hex');
    expect(errorCode(await cloud.call('member', 'claimAdmin', { code: 'ABCD-EFGH-JK22', name: '周明' }, 'openid-first'))).toBe('ADMIN.CLAIM_WRONG');
    expect(errorCode(await cloud.call('staff', 'settings', {}, 'openid-first'))).toBe('AUTH.NOT_MEMBER');

    // typed in lower case without dashes: still the code
    expect(dataOf(await cloud.call('member', 'claimAdmin', { code: 'abcd efgh jk23', name: '周明' }, 'openid-first'))).toEqual({ role: 'admin', name: '周明' });
    expect(dataOf(await cloud.call('member', 'me', {}, 'openid-first'))).toMatchObject({ role: 'admin', name: '周明' });
    expect(dataOf(await cloud.call('staff', 'settings', {}, 'openid-first')).items).toHaveLength(SETTINGS.length);

    expect(errorCode(await cloud.call('member', 'claimAdmin', { code: CLAIM, name: '张丽' }, 'openid-clerk'))).toBe('ADMIN.CLAIM_USED');
    expect(dataOf(await cloud.call('member', 'me', {}, 'openid-clerk')).role).toBe('staff');

    const audit = (await cloud.db.collection('staffAudit').where({ action: 'member.claimAdmin' }).get()).data;
    expect(audit).toEqual([expect.objectContaining({ actorOpenid: 'openid-first', actorName: '周明', actorRole: 'admin' })]);
  });
});

describe('the bureau settings', () => {
  const admin = 'openid-first'; // claimed above

  it('only administrators see or change them', async () => {
    expect(errorCode(await cloud.call('staff', 'settings', {}, 'openid-clerk'))).toBe('AUTH.FORBIDDEN');
    expect(errorCode(await cloud.call('staff', 'saveSettings', { values: { hotline: '0571-88886666' } }, 'openid-clerk'))).toBe('AUTH.FORBIDDEN');
    expect(errorCode(await cloud.call('staff', 'saveSettings', { values: { hotline: '0571-88886666' } }, 'openid-wang'))).toBe('AUTH.FORBIDDEN');
  });

  it('refuses malformed values and changes nothing', async () => {
    const before = dataOf(await cloud.call('staff', 'settings', {}, admin));
    for (const values of [
      { tplEnrollPromoted: 'TPL_SHORT' },
      { tplEnrollPromoted: `${TEMPLATE}x` },
      { tplEnrollPromoted: TEMPLATE.replace('W', '!') },
      { bureauName: '某县委老干部局', hotline: '请拨打' },
      { hotlineHours: '<b>全天</b>' },
    ]) {
      expect(errorCode(await cloud.call('staff', 'saveSettings', { values }, admin))).toBe('SETTINGS.INVALID');
    }
    expect(errorCode(await cloud.call('staff', 'saveSettings', { values: { unknownKey: 'x' } }, admin))).toBe('INPUT.INVALID');
    expect(dataOf(await cloud.call('staff', 'settings', {}, admin))).toEqual(before);
  });

  it('refuses placeholders in production and says what is missing', async () => {
    process.env.YLT_STAGE = 'production';
    const view = dataOf(await cloud.call('staff', 'settings', {}, admin));
    expect(view.production).toBe(true);
    expect(view.missing).toEqual(SETTINGS.map((s) => s.key));
    expect(errorCode(await cloud.call('staff', 'saveSettings', { values: { tplEnrollPromoted: 'TPL_ENROLL_PROMOTED' } }, admin))).toBe('SETTINGS.PLACEHOLDER');
    // no message goes out with a placeholder id in production: the form asks for nothing
    expect(dataOf(await cloud.call('suggestion', 'form', {}, 'openid-wang')).subscribeTemplateId).toBe('');
    expect(dataOf(await cloud.call('member', 'me', {}, 'openid-wang')).bureau.templates.tplSuggestionProgress).toBe('');
  });

  it('saves real values, audited, and the pages and messages use them', async () => {
    const values = { bureauName: '某某县委老干部局', hotline: '0571-88886666', hotlineHours: '工作日 上午9:00-下午5:00', tplSuggestionProgress: TEMPLATE };
    const saved = dataOf(await cloud.call('staff', 'saveSettings', { values }, admin));
    expect(saved.items.find((i) => i.key === 'hotline')).toMatchObject({ value: '0571-88886666', placeholder: false });
    expect(saved.updatedBy).toBe('周明');
    // every template but the one just set is still a placeholder
    expect(saved.missing).toEqual(SETTINGS.filter((s) => s.kind === 'templateId' && s.key !== 'tplSuggestionProgress').map((s) => s.key));

    const me = dataOf(await cloud.call('member', 'me', {}, 'openid-wang'));
    expect(me.bureau).toMatchObject({ name: '某某县委老干部局', hotline: '0571-88886666' });
    expect(me.bureau.templates.tplSuggestionProgress).toBe(TEMPLATE);
    // the 服务热线 with its hours: on the help page (member.me) and on home (catalog.home), for anyone
    const hotline = { number: '0571-88886666', hours: '工作日 上午9:00-下午5:00' };
    expect(me.bureau.hotlineInfo).toEqual(hotline);
    expect(dataOf(await cloud.call('catalog', 'home', {}, 'openid-wang')).hotline).toEqual(hotline);
    expect(dataOf(await cloud.call('catalog', 'home', {}, 'openid-nobody-yet')).hotline).toEqual(hotline);
    expect(me.bureau.templates.tplEnrollPromoted).toBe(settingsDefaults().tplEnrollPromoted); // not production here
    expect(dataOf(await cloud.call('suggestion', 'form', {}, 'openid-wang')).subscribeTemplateId).toBe(TEMPLATE);

    const audit = (await cloud.db.collection('staffAudit').where({ action: 'staff.saveSettings' }).get()).data;
    expect(audit).toHaveLength(1);
    // saving the same values again changes nothing and records nothing
    dataOf(await cloud.call('staff', 'saveSettings', { values }, admin));
    expect((await cloud.db.collection('staffAudit').where({ action: 'staff.saveSettings' }).get()).data).toHaveLength(1);
  });
});
