import * as v from 'valibot';
import { docId, emptyPayload, hasOperatorKeys, int, parsePayload, payload, schemas, text } from '../../src/shared/schemas';

const sample = payload({ title: text('标题', 20), id: docId(), count: int('人数', 1, 10) });
const good = { title: '门球赛', id: 'act_01', count: 3 };

describe('action payload schemas', () => {
  it('every action of every function has a validator that refuses operator objects and unknown keys', () => {
    for (const actions of Object.values(schemas)) {
      for (const schema of Object.values(actions)) {
        expect(parsePayload(schema, { $gt: '' }).ok).toBe(false);
        expect(parsePayload(schema, { openid: 'someone-else' }).ok).toBe(false);
      }
    }
    expect(parsePayload(schemas.catalog.home, {})).toEqual({ ok: true, value: {} });
  });

  it('treats an absent payload as empty and rejects extra fields such as openid', () => {
    expect(parsePayload(schemas.member.me, undefined).ok).toBe(true);
    const result = parsePayload(schemas.member.me, { openid: 'someone-else' });
    expect(result).toEqual({ ok: false, code: 'INPUT.INVALID', message: '包含了不该有的内容', field: 'openid' });
  });

  it('rejects non-objects as payloads', () => {
    for (const input of [null, 'x', 1, [], true]) expect(parsePayload(emptyPayload, input).ok).toBe(false);
  });

  it('accepts a valid payload and trims text', () => {
    expect(parsePayload(sample, { ...good, title: '  门球赛 ' })).toEqual({ ok: true, value: good });
  });

  it('rejects wrong types, missing fields and extra fields with plain Chinese messages', () => {
    const cases: [unknown, string][] = [
      [{ ...good, title: 12 }, '标题应当是文字'],
      [{ ...good, title: '   ' }, '请填写标题'],
      [{ id: good.id, count: 1 }, '还有必填的内容没有填写'],
      [{ ...good, count: 1.5 }, '人数应当是整数'],
      [{ ...good, count: 11 }, '人数不能大于10'],
      [{ ...good, count: '3' }, '人数应当是数字'],
      [{ ...good, id: 'a/b' }, '编号不对'],
      [{ ...good, extra: 1 }, '包含了不该有的内容'],
    ];
    for (const [input, message] of cases) expect(parsePayload(sample, input)).toMatchObject({ ok: false, message });
  });

  it('caps string length', () => {
    expect(parsePayload(sample, { ...good, title: '字'.repeat(21) })).toEqual({ ok: false, code: 'INPUT.INVALID', message: '标题最多20个字', field: 'title' });
    const huge = payload({ body: text('内容', 10_000_000) });
    expect(parsePayload(huge, { body: 'a'.repeat(2001) }).ok).toBe(false);
    expect(parsePayload(huge, { body: 'a'.repeat(2000) }).ok).toBe(true);
  });

  it('rejects Mongo operator objects anywhere, also where a schema would take any object', () => {
    expect(parsePayload(sample, { ...good, id: { $gt: '' } }).ok).toBe(false);
    expect(parsePayload(emptyPayload, { $gt: '' }).ok).toBe(false);
    const loose = v.object({ filter: v.record(v.string(), v.unknown()) });
    expect(parsePayload(loose, { filter: { a: 1 } }).ok).toBe(true);
    expect(parsePayload(loose, { filter: { a: { $ne: null } } })).toEqual({ ok: false, code: 'INPUT.INVALID', message: '填写的内容不对，请检查后再试' });
    expect(hasOperatorKeys([{ ok: [{ $where: 'x' }] }])).toBe(true);
    expect(hasOperatorKeys({ price: '$5' })).toBe(false);
  });

  it('rejects absurdly deep nesting', () => {
    let deep: unknown = {};
    for (let i = 0; i < 20; i += 1) deep = { a: deep };
    expect(hasOperatorKeys(deep)).toBe(true);
  });
});
