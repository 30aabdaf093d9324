/** Text hygiene and unknown keys through the real functions: each bad-input class answers a coded error naming the field and stores nothing. */
import { CONSENT_VERSION } from '../../src/shared/consent';
import type { Result } from '../../src/shared/result';
import { account, member } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
type Fn = 'suggestion' | 'member' | 'roster' | 'staff';
const call = (fn: Fn, action: string, payload: unknown, openid: string) =>
  cloud.call(fn, action as never, payload, openid) as Promise<Result<any>>;
const errorOf = (answer: Result<unknown>) => (answer.ok ? { code: 'ok' } : answer.error);
const countOf = async (collection: string) => (await cloud.db.collection(collection).count()).total as number;
const submit = (text: string) => call('suggestion', 'submit', { category: '医疗保障', text }, 'o-li');
const review = (name: string) =>
  call('member', 'requestReview', {
    consentVersion: CONSENT_VERSION, name, memberType: 'tuixiu', gender: 'female', birthYear: 1950,
    formerUnit: '县教育局', town: '城关镇', phone: '13812345678',
  }, 'o-new');

beforeAll(async () => {
  cloud = await startCloud();
  await insert(cloud.db, 'members', [member('m-li', { name: '李秀英' }), member('m-wang', { name: '王晓梅', rosterNo: 'A.001' })]);
  await insert(cloud.db, 'accounts', [account('o-li', { name: '李秀英', memberId: 'm-li' }), account('o-staff', { role: 'staff', name: '刘干事' })]);
});
afterAll(() => cloud?.stop());

describe('hostile or broken text', () => {
  it('refuses NUL, BEL and ESC inside a suggestion, naming the field; nothing stored', async () => {
    for (const text of ['建议\u0000增加', '建议\u0007增加', '建议\u001b[2J增加']) {
      expect(errorOf(await submit(text))).toMatchObject({ code: 'INPUT.CONTROL_CHAR', field: 'text' });
    }
    expect(await countOf('suggestions')).toBe(0);
  });

  it('refuses a suggestion of zero-width characters only with 请写几个字; no tracking number given', async () => {
    expect(errorOf(await submit('\u200b\u200c\u200d\u2060\ufeff'))).toEqual({ code: 'INPUT.EMPTY_TEXT', message: '建议内容：请写几个字', field: 'text' });
    expect(await countOf('suggestions')).toBe(0);
    expect(await countOf('counters')).toBe(0);
  });

  it('refuses right-to-left overrides in an applicant\'s name; nothing stored', async () => {
    expect(errorOf(await review('\u202e梅晓王'))).toMatchObject({ code: 'INPUT.BIDI_CHAR', field: 'name' });
    expect(errorOf(await review('王\u2066晓梅'))).toMatchObject({ code: 'INPUT.BIDI_CHAR', field: 'name' });
    expect(await countOf('rosterRequests')).toBe(0);
  });

  it('searches the roster literally: NUL is taken out, regular-expression characters match only themselves', async () => {
    const names = async (keyword: string) => dataOf(await call('roster', 'members', { keyword }, 'o-staff')).items.map((r: { name: string }) => r.name);
    expect(await names('王\u0000')).toEqual(['王晓梅']);
    expect(await names('.*')).toEqual([]);
    expect(await names('A.001')).toEqual(['王晓梅']);
    expect(errorOf(await call('roster', 'members', { keyword: '\u0000' }, 'o-staff'))).toMatchObject({ code: 'INPUT.EMPTY_TEXT', field: 'keyword' });
  });

  it('refuses inherited names as payload keys (constructor, __proto__, toString); nothing stored', async () => {
    for (const key of ['constructor', '__proto__', 'toString']) {
      const payload = JSON.parse(`{"category":"医疗保障","text":"建议增加骨密度检查",${JSON.stringify(key)}:{"$gt":""}}`);
      expect(errorOf(await call('suggestion', 'submit', payload, 'o-li'))).toMatchObject({ code: expect.stringMatching(/^INPUT\./) });
      const plain = JSON.parse(`{"category":"医疗保障","text":"建议增加骨密度检查",${JSON.stringify(key)}:"x"}`);
      expect(errorOf(await call('suggestion', 'submit', plain, 'o-li'))).toEqual({ code: 'INPUT.INVALID', message: '包含了不该有的内容', field: key });
    }
    expect(await countOf('suggestions')).toBe(0);
  });
});
