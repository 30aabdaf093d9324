import { keyword, longText, optionalText, payload, text } from '../../src/shared/fields';
import { parsePayload, schemas } from '../../src/shared/schemas';
import { escapeRegExp } from '../../src/shared/text-rules';

const form = payload({ name: text('姓名', 20), body: longText('内容', 200), extra: optionalText('备注', 50), q: keyword('搜索内容', 30) });
const good = { name: '王晓梅', body: '第一行\n第二行', q: '王' };

describe('unknown keys are judged by own property (valibot strictObject uses `in`)', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'openid'])('refuses a payload key %s', (key) => {
    const input = JSON.parse(`{"name":"王晓梅","body":"x","q":"王",${JSON.stringify(key)}:1}`);
    expect(parsePayload(form, input)).toEqual({ ok: false, code: 'INPUT.INVALID', message: '包含了不该有的内容', field: key });
  });

  it('refuses inherited names nested inside payloads and in every action of every function', () => {
    const nested = schemas.staff.saveTeam;
    const team = { name: '队', category: '类', description: '介绍', skills: [], posts: [{ name: '岗', duties: '职责', capacity: 1, constructor: 'x' }] };
    expect(parsePayload(nested, team)).toMatchObject({ ok: false, code: 'INPUT.INVALID', field: 'posts.0.constructor' });
    for (const actions of Object.values(schemas)) {
      for (const schema of Object.values(actions)) {
        for (const key of ['constructor', '__proto__', 'toString']) {
          expect(parsePayload(schema, JSON.parse(`{${JSON.stringify(key)}:"x"}`))).toMatchObject({ ok: false });
        }
      }
    }
  });
});

describe('text hygiene at the boundary', () => {
  it('refuses control characters, naming the field; long text keeps its line breaks', () => {
    for (const bad of ['王\u0000晓梅', '王\u0007', '\u001b[31m王', '王\u007f', '王\u0085']) {
      expect(parsePayload(form, { ...good, name: bad })).toMatchObject({ ok: false, code: 'INPUT.CONTROL_CHAR', field: 'name' });
    }
    expect(parsePayload(form, { ...good, body: '建议\u0000内容' })).toMatchObject({ ok: false, code: 'INPUT.CONTROL_CHAR', field: 'body' });
    expect(parsePayload(form, { ...good, body: '第一行\r\n第二行\t完' })).toMatchObject({ ok: true, value: { body: '第一行\n第二行 完' } });
    expect(parsePayload(form, { ...good, name: '王\n晓梅' })).toMatchObject({ ok: true, value: { name: '王 晓梅' } });
  });

  it('refuses text that is empty once invisible characters are taken out', () => {
    for (const blank of ['\u200b\u200b\u200b', '\u200d\ufeff', '\u2060 \u3000', '\u3164']) {
      expect(parsePayload(form, { ...good, body: blank })).toEqual({ ok: false, code: 'INPUT.EMPTY_TEXT', message: '内容：请写几个字', field: 'body' });
      expect(parsePayload(form, { ...good, name: blank })).toMatchObject({ ok: false, field: 'name' });
    }
    expect(parsePayload(form, { ...good, extra: '\u200b' })).toMatchObject({ ok: true, value: { extra: '' } });
    // zero-width characters are taken out of names, so two spellings of one name compare equal
    expect(parsePayload(form, { ...good, name: '王\u200b晓梅' })).toMatchObject({ ok: true, value: { name: '王晓梅' } });
  });

  it('refuses bidirectional overrides and isolates in names and single-line fields, removes them from long text', () => {
    for (const ch of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(parsePayload(form, { ...good, name: `王${ch}梅晓` })).toMatchObject({ ok: false, code: 'INPUT.BIDI_CHAR', field: 'name' });
    }
    expect(parsePayload(form, { ...good, body: '甲\u202e乙' })).toMatchObject({ ok: true, value: { body: '甲乙' } });
  });

  it('normalises to NFC so look-alike forms of one name compare equal', () => {
    const decomposed = 'Zhe\u0301'; // e + combining acute
    expect(parsePayload(form, { ...good, name: decomposed })).toMatchObject({ ok: true, value: { name: 'Zh\u00e9' } });
    expect(parsePayload(form, { ...good, name: '\uf900' })).toMatchObject({ ok: true, value: { name: '\u8c48' } }); // CJK compatibility ideograph
  });

  it('takes NUL and other untypeable characters out of search keywords, which are matched literally', () => {
    expect(parsePayload(form, { ...good, q: '王\u0000\u202e' })).toMatchObject({ ok: true, value: { q: '王' } });
    expect(parsePayload(form, { ...good, q: '\u0000' })).toMatchObject({ ok: false, code: 'INPUT.EMPTY_TEXT', field: 'q' });
    expect(new RegExp(escapeRegExp('a.*(b')).test('xa.*(b')).toBe(true);
    expect(new RegExp(escapeRegExp('a.*')).test('abc')).toBe(false);
  });
});
