/**
 * cloud.openapi.* through the real wx-server-sdk into the emulator's openapi module, over real HTTP.
 * Wire fixtures: UPDATE_WIRE_FIXTURES=1 npx jest test/emulator/openapi.test.ts rewrites test/fixtures/wire/openapi-*.json.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { configureSdkEnvironment } from '../../local/runtime/sdk-env';
import { createOpenApi, isMultipart, readOpenApiRequest, type OpenApi, type OpenApiRequest } from '../../local/emulator/openapi';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cloud = require('wx-server-sdk');

type Call = (args: Record<string, unknown>) => Promise<Record<string, unknown>>;
const openapi = (name: string): Call => name.split('.').reduce((node, key) => node[key], cloud.openapi);

const FIXTURE_DIR = path.join(__dirname, '../fixtures/wire');
const SAMPLE_CALLS: Record<string, Record<string, unknown>> = {
  'security.msgSecCheck': { content: '今天天气很好，一起去打门球', version: 2, scene: 2, openid: 'o_member_001' },
  'subscribeMessage.send': {
    touser: 'o_member_001',
    templateId: 'TPL_ACTIVITY_REMINDER',
    page: 'pages/activity/detail?id=a1',
    miniprogramState: 'developer',
    data: { thing1: { value: '重阳节登山活动' }, time2: { value: '2025年10月29日 09:00' } },
  },
  'wxacode.getUnlimited': { scene: 'a=act_001', page: 'pages/checkin/index', checkPath: false, width: 430 },
};

/** Form fields whose values depend on the environment, not on the SDK: compared by presence only. */
const VOLATILE_FIELDS = ['envName', 'wxCloudApiToken', 'wxCloudbaseAccesstoken', 'tcb_sessionToken', 'crossAuthorizationToken'];
const comparable = ({ fields, apiName, requestData, data }: OpenApiRequest) => ({
  fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, VOLATILE_FIELDS.includes(k) ? '<volatile>' : v])),
  apiName,
  requestData: requestData.toString('base64'),
  data: JSON.parse(JSON.stringify(data)),
});

let dataDir: string;
let api: OpenApi;
let server: http.Server;
let adminUrl: string;
const recorded: (OpenApiRequest | undefined)[] = [];

/** Feeds the same request body to the recorder and to the module under test. */
async function route(req: IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'POST' || !isMultipart(req)) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const replay = () => Object.assign(Readable.from([Buffer.concat(chunks)]), { headers: req.headers }) as unknown as IncomingMessage;
  recorded.push(await readOpenApiRequest(replay()).catch(() => undefined));
  await api.handle(replay(), res);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'openapi-test-'));
  api = createOpenApi({ dataDir });
  server = http.createServer((req, res) => void route(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  adminUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`;
  configureSdkEnvironment({ adminUrl });
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => api.clearOutbox());

describe('security.msgSecCheck', () => {
  it('passes benign text', async () => {
    const res = await openapi('security.msgSecCheck')(SAMPLE_CALLS['security.msgSecCheck']!);
    expect(res).toMatchObject({ errCode: 0, result: { suggest: 'pass', label: 100 } });
  });

  it('marks a listed word risky with its label, ignoring spaces', async () => {
    const res = await cloud.openapi.security.msgSecCheck({ content: '周末一起去 赌 博吧', version: 2, scene: 2, openid: 'o1' });
    expect(res.result).toEqual({ suggest: 'risky', label: 20006 });
    expect(res.detail[0]).toMatchObject({ strategy: 'keyword', keyword: '赌博' });
  });

  it('answers v1 calls like v1: errcode 87014 for risky content', async () => {
    await expect(cloud.openapi.security.msgSecCheck({ content: '代开发票' })).rejects.toMatchObject({ errCode: 87014 });
    await expect(cloud.openapi.security.msgSecCheck({ content: '你好' })).resolves.toMatchObject({ errCode: 0 });
  });

  it('rejects a missing content', async () => {
    await expect(cloud.openapi.security.msgSecCheck({ version: 2, scene: 2, openid: 'o1' })).rejects.toMatchObject({ errCode: 47001 });
  });
});

describe('subscribeMessage.send', () => {
  it('keeps the message in the outbox, durably across a re-creation', async () => {
    const res = await openapi('subscribeMessage.send')(SAMPLE_CALLS['subscribeMessage.send']!);
    expect(res).toMatchObject({ errCode: 0 });
    const expected = {
      touser: 'o_member_001',
      templateId: 'TPL_ACTIVITY_REMINDER',
      page: 'pages/activity/detail?id=a1',
      data: { thing1: { value: '重阳节登山活动' }, time2: { value: '2025年10月29日 09:00' } },
    };
    expect(api.outbox()).toEqual([{ ...expected, sentAt: expect.any(String) }]);
    expect(Date.now() - Date.parse(api.outbox()[0]!.sentAt)).toBeLessThan(10_000);
    expect(createOpenApi({ dataDir }).outbox()).toEqual(api.outbox());
  });

  it('keeps messages oldest first and clears them durably', async () => {
    for (const n of [1, 2, 3]) {
      await cloud.openapi.subscribeMessage.send({ touser: `o${n}`, templateId: 'T', data: { number1: { value: n } } });
    }
    expect(api.outbox().map((m) => [m.touser, m.data.number1?.value])).toEqual([['o1', '1'], ['o2', '2'], ['o3', '3']]);
    api.clearOutbox();
    expect(createOpenApi({ dataDir }).outbox()).toEqual([]);
  });

  it.each([
    [{ templateId: 'T', data: { thing1: { value: 'x' } } }, 40003],
    [{ touser: 'o1', data: { thing1: { value: 'x' } } }, 40037],
    [{ touser: 'o1', templateId: 'T' }, 47003],
    [{ touser: 'o1', templateId: 'T', data: { thing1: {} } }, 47003],
    [{ touser: 'o1', templateId: 'T', data: { thing1: { value: '老年大学书画班二零二五年秋季学期结业作品展览开幕' } } }, 47003],
  ])('rejects invalid arguments %j with errcode %d and sends nothing', async (args, errCode) => {
    await expect(cloud.openapi.subscribeMessage.send(args)).rejects.toMatchObject({ errCode });
    expect(api.outbox()).toEqual([]);
  });
});

describe('wxacode.getUnlimited', () => {
  it('returns a PNG QR code that decodes back to the scene', async () => {
    const res = await openapi('wxacode.getUnlimited')(SAMPLE_CALLS['wxacode.getUnlimited']!);
    expect(res.contentType).toBe('image/png');
    const png = PNG.sync.read(res.buffer as Buffer);
    expect(png.width).toBe(430);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe('a=act_001');
  });

  it.each([[''], ['x'.repeat(33)], ['含中文']])('rejects scene %j with errcode 40169', async (scene) => {
    await expect(cloud.openapi.wxacode.getUnlimited({ scene })).rejects.toMatchObject({ errCode: 40169 });
  });
});

it('fails any other API with an error naming it', async () => {
  const error = await cloud.openapi.templateMessage.send({ touser: 'o1' }).catch((e: unknown) => e);
  expect(error).toMatchObject({ errCode: -604101, errMsg: expect.stringContaining('openapi.templateMessage.send:fail') });
  expect(String(error)).toContain('templateMessage.send');
});

it('answers a malformed multipart request with a TCB-style JSON error', async () => {
  const form = new FormData();
  form.append('action', 'wx.openApi');
  form.append('apiName', 'security.msgSecCheck');
  form.append('requestData', new Blob([Buffer.from([0xff, 0xff, 0xff])]));
  const res = await fetch(adminUrl, { method: 'POST', body: form });
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(await res.json()).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('not a CommApiData') });
});

describe('wire contract (wx-server-sdk 4.0.2)', () => {
  it.each(Object.keys(SAMPLE_CALLS))('%s sends the recorded multipart request', async (apiName) => {
    recorded.length = 0;
    await openapi(apiName)(SAMPLE_CALLS[apiName]!);
    expect(recorded).toHaveLength(1);
    const fresh = comparable(recorded[0]!);
    const file = path.join(FIXTURE_DIR, `openapi-${apiName}.json`);
    if (process.env.UPDATE_WIRE_FIXTURES === '1') {
      writeFileSync(file, `${JSON.stringify({ sdk: 'wx-server-sdk@4.0.2', path: '/admin', contentType: 'multipart/form-data', ...fresh }, null, 2)}\n`);
    }
    expect(existsSync(file)).toBe(true);
    const { fields, apiName: recordedApi, requestData, data } = JSON.parse(readFileSync(file, 'utf8'));
    expect({ fields, apiName: recordedApi, requestData, data }).toEqual(fresh);
  });
});
