/** member: consent, binding a WeChat to the roster (races, lockout), review requests — real SDK + emulator. */
import { CONSENT_VERSION } from '../../src/shared/consent';
import type { Result } from '../../src/shared/result';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';
import { account, member } from './fixtures';

let cloud: CloudHarness;
const bind = (payload: unknown, openid: string) => cloud.call('member', 'bind', payload, openid);
const zhang = { name: '张建国', phoneLast4: '5678', consentVersion: CONSENT_VERSION };
const wrong = { name: '张建国', phoneLast4: '0000', consentVersion: CONSENT_VERSION };
const codeOf = (answer: Result<unknown>) => (answer.ok ? 'ok' : answer.error.code);
const countOf = async (collection: string, where: object = {}) => (await cloud.db.collection(collection).where(where).count()).total as number;
const attemptsDoc = async (openid: string) => (await cloud.db.collection('bindAttempts').where({ _id: openid }).get()).data[0];
/** Moves a WeChat's attempt times back, as if `ms` had passed (the clock seam of the lockout). */
const ageAttempts = async (openid: string, ms: number) => {
  const doc = await attemptsDoc(openid);
  await cloud.db.collection('bindAttempts').doc(openid).update({
    data: { windowStart: new Date(new Date(doc.windowStart).getTime() - ms), lockedUntil: new Date(new Date(doc.lockedUntil).getTime() - ms) },
  });
};
const review = {
  consentVersion: CONSENT_VERSION,
  name: '赵德明',
  memberType: 'tuixiu',
  gender: 'male',
  birthYear: 1952,
  formerUnit: '县水利局',
  town: '城关镇',
  phone: '139 0000 2222',
};

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [
    member('m-zhang', { name: '张建国', phone: '13812345678' }),
    member('m-race', { name: '李秀英', phone: '13900001111', rosterNo: 'R-race' }),
    member('m-a', { name: '王一', phone: '13900002222' }),
    member('m-b', { name: '王二', phone: '13900003333' }),
    member('m-lock', { name: '陈立', phone: '13900004444', birthYear: 1941 }),
    member('m-twin1', { name: '刘强', phone: '13900005555' }),
    member('m-twin2', { name: '刘强', phone: '13700005555' }),
  ]);
  await insert(cloud.db, 'accounts', [account('openid-staff', { role: 'staff', name: '刘干事' })]);
});

afterAll(() => cloud?.stop());

describe('consent before storage', () => {
  it('refuses bind, review requests and invitation acceptance without the current consent version, storing nothing', async () => {
    const collections = ['accounts', 'bindAttempts', 'rosterRequests', 'invitations', 'auditLog'];
    const before = await Promise.all(collections.map((name) => countOf(name)));
    for (const version of ['', '2020-01']) {
      expect(codeOf(await bind({ ...zhang, consentVersion: version }, 'openid-noconsent'))).toBe('CONSENT.REQUIRED');
      expect(codeOf(await bind({ ...wrong, consentVersion: version }, 'openid-noconsent'))).toBe('CONSENT.REQUIRED');
      expect(codeOf(await cloud.call('member', 'requestReview', { ...review, consentVersion: version }, 'openid-noconsent'))).toBe('CONSENT.REQUIRED');
      const accept = { code: 'ABCDEFGH', name: '张小明', consentVersion: version };
      expect(codeOf(await cloud.call('member', 'acceptInvitation', accept, 'openid-noconsent'))).toBe('CONSENT.REQUIRED');
    }
    expect(codeOf(await bind({ name: '张建国', phoneLast4: '5678' }, 'openid-noconsent'))).toBe('INPUT.INVALID');
    expect(await Promise.all(collections.map((name) => countOf(name)))).toEqual(before);
  });

  it('shows the consent text, its version and the fields to fill on the first screen, in one call', async () => {
    const form = dataOf(await cloud.call('member', 'bindForm', {}, 'openid-first'));
    expect(form.consent.version).toBe(CONSENT_VERSION);
    expect(form.consent.paragraphs.join('')).toContain('电话');
    expect(form.fields.map((field) => field.key)).toEqual(['name', 'phoneLast4']);
    expect(form).toMatchObject({ account: null, lockedUntil: null, attemptsLeft: 5, review: null });
  });
});

describe('bind', () => {
  it('binds a WeChat to its roster entry, records consent, and answers the full profile', async () => {
    const profile = dataOf(await bind({ ...zhang, name: ' 张建国 ' }, 'openid-zhang'));
    expect(profile).toMatchObject({ memberId: 'm-zhang', name: '张建国', phone: '13812345678', viewer: { role: 'member', onBehalf: false } });
    const [stored] = (await cloud.db.collection('accounts').where({ openid: 'openid-zhang' }).get()).data;
    expect(stored).toMatchObject({ role: 'member', memberId: 'm-zhang', bindingKey: 'm-zhang', actsFor: null, consent: { version: CONSENT_VERSION } });
    expect(new Date(stored.consent.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(dataOf(await cloud.call('member', 'me', {}, 'openid-zhang'))).toMatchObject({ name: '张建国', role: 'member', phoneMasked: '138****5678' });
    expect(dataOf(await cloud.call('member', 'bindForm', {}, 'openid-zhang')).account).toMatchObject({ name: '张建国' });
  });

  it('is idempotent for the same WeChat and refuses it another entry', async () => {
    const again = dataOf(await bind(zhang, 'openid-zhang'));
    expect(again.memberId).toBe('m-zhang');
    expect(await countOf('accounts', { openid: 'openid-zhang' })).toBe(1);
    expect(codeOf(await bind({ name: '王一', phoneLast4: '2222', consentVersion: CONSENT_VERSION }, 'openid-zhang'))).toBe('BIND.HAS_ACCOUNT');
    expect(codeOf(await bind({ name: '张建国', phoneLast4: '5678', consentVersion: CONSENT_VERSION }, 'openid-staff'))).toBe('BIND.HAS_ACCOUNT');
  });

  it('refuses a second WeChat for an entry already bound', async () => {
    const answer = await bind(zhang, 'openid-impostor');
    expect(answer).toEqual({ ok: false, error: { code: 'BIND.TAKEN', message: expect.stringContaining('老干部局') } });
    expect(await countOf('accounts', { openid: 'openid-impostor' })).toBe(0);
  });

  it('lets exactly one of 20 WeChats racing for one roster entry win; the others are not counted as mismatches', async () => {
    const openids = Array.from({ length: 20 }, (_, i) => `openid-racer-${i}`);
    const started = Date.now();
    const answers = await Promise.all(openids.map((openid) => bind({ name: '李秀英', phoneLast4: '1111', consentVersion: CONSENT_VERSION }, openid)));
    console.log(`20 concurrent binds of one roster entry: ${Date.now() - started} ms`);
    const codes = answers.map(codeOf);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(1);
    expect(codes.filter((code) => code === 'BIND.TAKEN')).toHaveLength(19);
    const bound = (await cloud.db.collection('accounts').where({ memberId: 'm-race' }).get()).data;
    expect(bound).toHaveLength(1);
    expect(bound[0].openid).toBe(openids[codes.indexOf('ok')]);
    const loser = openids[codes.indexOf('BIND.TAKEN')];
    expect(dataOf(await cloud.call('member', 'bindForm', {}, loser)).attemptsLeft).toBe(5);
  });

  it('lets one WeChat racing for two entries bind only one of them', async () => {
    const answers = await Promise.all([
      bind({ name: '王一', phoneLast4: '2222', consentVersion: CONSENT_VERSION }, 'openid-greedy'),
      bind({ name: '王二', phoneLast4: '3333', consentVersion: CONSENT_VERSION }, 'openid-greedy'),
    ]);
    expect(answers.map(codeOf).sort()).toEqual(['BIND.HAS_ACCOUNT', 'ok']);
    expect(await countOf('accounts', { openid: 'openid-greedy' })).toBe(1);
    expect(await countOf('accounts', { memberId: 'm-a' }) + (await countOf('accounts', { memberId: 'm-b' }))).toBe(1);
  });

  it('refuses to pick between two roster entries that both match', async () => {
    expect(codeOf(await bind({ name: '刘强', phoneLast4: '5555', consentVersion: CONSENT_VERSION }, 'openid-twin'))).toBe('BIND.AMBIGUOUS');
    expect(await countOf('accounts', { openid: 'openid-twin' })).toBe(0);
  });

  it('asks for the fields staff configured in settings', async () => {
    await insert(cloud.db, 'settings', [{ _id: 'binding', fields: ['name', 'birthYear'] }]);
    try {
      const form = dataOf(await cloud.call('member', 'bindForm', {}, 'openid-config'));
      expect(form.fields.map((field) => field.key)).toEqual(['name', 'birthYear']);
      expect(codeOf(await bind({ name: '王二', phoneLast4: '3333', consentVersion: CONSENT_VERSION }, 'openid-config'))).toBe('INPUT.INVALID');
      expect(codeOf(await bind({ name: '张建国', birthYear: 1949, consentVersion: CONSENT_VERSION }, 'openid-config'))).toBe('BIND.NO_MATCH');
      const profile = dataOf(await bind({ name: '陈立', birthYear: 1941, consentVersion: CONSENT_VERSION }, 'openid-config'));
      expect(profile.memberId).toBe('m-lock');
    } finally {
      await cloud.db.collection('settings').doc('binding').remove();
      await cloud.db.collection('accounts').where({ openid: 'openid-config' }).remove();
    }
  });
});

describe('lockout', () => {
  it('locks a WeChat out for an hour after 5 mismatches, even for the right answer, then lets it in', async () => {
    const openid = 'openid-guesser';
    const messages: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await bind(wrong, openid);
      expect(codeOf(answer)).toBe('BIND.NO_MATCH');
      if (!answer.ok) messages.push(answer.error.message);
    }
    expect(messages.map((message) => message.match(/再试(\d)次/)?.[1])).toEqual(['4', '3', '2', '1']);
    const fifth = await bind(wrong, openid);
    expect(codeOf(fifth)).toBe('BIND.LOCKED');
    if (!fifth.ok) expect(fifth.error.message).toMatch(/请在\d\d:\d\d以后再试/);
    expect(codeOf(await bind({ name: '陈立', phoneLast4: '4444', consentVersion: CONSENT_VERSION }, openid))).toBe('BIND.LOCKED');
    expect(await countOf('accounts', { openid })).toBe(0);
    const form = dataOf(await cloud.call('member', 'bindForm', {}, openid));
    expect(form.attemptsLeft).toBe(0);
    expect(new Date(form.lockedUntil ?? 0).getTime() - Date.now()).toBeGreaterThan(59 * 60_000);

    await ageAttempts(openid, 59 * 60_000);
    expect(codeOf(await bind({ name: '陈立', phoneLast4: '4444', consentVersion: CONSENT_VERSION }, openid))).toBe('BIND.LOCKED');
    await ageAttempts(openid, 61_000);
    expect(dataOf(await cloud.call('member', 'bindForm', {}, openid))).toMatchObject({ lockedUntil: null, attemptsLeft: 5 });
    expect(dataOf(await bind({ name: '陈立', phoneLast4: '4444', consentVersion: CONSENT_VERSION }, openid)).memberId).toBe('m-lock');
  });

  it('forgets mismatches older than an hour', async () => {
    const openid = 'openid-forgetful';
    for (let i = 0; i < 4; i += 1) await bind(wrong, openid);
    await ageAttempts(openid, 61 * 60_000);
    const answer = await bind(wrong, openid);
    expect(answer.ok ? '' : answer.error.message).toContain('还可以再试4次');
  });

  it('never lets parallel mismatches test more than 5 guesses', async () => {
    const openid = 'openid-flood';
    const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => bind({ ...wrong, phoneLast4: String(1000 + i) }, openid)));
    const codes = answers.map(codeOf);
    expect(codes.every((code) => code === 'BIND.NO_MATCH' || code === 'BIND.LOCKED')).toBe(true);
    expect(codes.filter((code) => code === 'BIND.NO_MATCH').length).toBeLessThanOrEqual(4);
    expect(codes.filter((code) => code === 'BIND.LOCKED').length).toBeGreaterThanOrEqual(11);
    const doc = await attemptsDoc(openid);
    expect(doc.failures).toBe(5);
    expect(new Date(doc.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
  });
});

describe('lockout slots', () => {
  it('refuses even the right answer while 5 guesses hold every slot (before the lock is written)', async () => {
    const openid = 'openid-inflight';
    await insert(cloud.db, 'bindAttempts', [{ _id: openid, windowStart: new Date(), failures: 5, lockedUntil: new Date(0) }]);
    expect(codeOf(await bind({ name: '王二', phoneLast4: '3333', consentVersion: CONSENT_VERSION }, openid))).toBe('BIND.LOCKED');
    expect((await attemptsDoc(openid)).failures).toBe(5);
  });
});

describe('requestReview', () => {
  it('files one pending request per WeChat, idempotently, also when sent in parallel', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => cloud.call('member', 'requestReview', review, 'openid-newcomer')));
    const ids = new Set(answers.map((answer) => dataOf(answer).requestId));
    expect(ids.size).toBe(1);
    expect(await countOf('rosterRequests', { openid: 'openid-newcomer' })).toBe(1);
    const [stored] = (await cloud.db.collection('rosterRequests').where({ openid: 'openid-newcomer' }).get()).data;
    expect(stored).toMatchObject({
      status: 'pending', activeKey: 'openid:openid-newcomer', phone: '13900002222', community: '', partyMember: false, skills: [], note: '',
      consent: { version: CONSENT_VERSION },
    });
    const form = dataOf(await cloud.call('member', 'bindForm', {}, 'openid-newcomer'));
    expect(form.review).toMatchObject({ requestId: [...ids][0], status: 'pending', rejectReason: null });
  });

  it('refuses a WeChat that already has an account', async () => {
    expect(codeOf(await cloud.call('member', 'requestReview', review, 'openid-zhang'))).toBe('BIND.HAS_ACCOUNT');
  });
});

describe('bad input', () => {
  it('rejects operator objects, wrong types, huge strings and extra keys without counting an attempt', async () => {
    const openid = 'openid-fuzzer';
    const payloads: unknown[] = [
      { ...zhang, name: { $gt: '' } },
      { ...zhang, phoneLast4: { $regex: '.*' } },
      { ...zhang, phoneLast4: 5678 },
      { ...zhang, phoneLast4: '56789' },
      { ...zhang, name: '张'.repeat(100_000) },
      { ...zhang, openid: 'openid-zhang' },
      { ...zhang, memberId: 'm-zhang' },
      { ...zhang, consentVersion: { $ne: null } },
      { ...zhang, birthYear: '1950' },
      [zhang],
      'bind',
    ];
    for (const payload of payloads) expect(codeOf(await bind(payload, openid))).toBe('INPUT.INVALID');
    const reviews: unknown[] = [
      { ...review, phone: '12345' },
      { ...review, memberType: 'retired' },
      { ...review, birthYear: 1800 },
      { ...review, skills: 'law' },
      { ...review, skills: Array(13).fill('法律') },
      { ...review, note: 'x'.repeat(201) },
      { ...review, status: 'approved' },
      { ...review, name: { $gt: '' } },
    ];
    for (const payload of reviews) expect(codeOf(await cloud.call('member', 'requestReview', payload, openid))).toBe('INPUT.INVALID');
    expect(await countOf('bindAttempts', { _id: openid })).toBe(0);
    expect(await countOf('rosterRequests', { openid })).toBe(0);
  });
});
