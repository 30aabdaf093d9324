/**
 * The H5 upload endpoint of the local gateway (POST /api/_upload): staff files go through wx-server-sdk's
 * cloud.uploadFile into the emulator, and the fileID it answers works in a notice a member then opens.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPreview, type Preview } from '../../local/preview';
import { buildFunctions, REPO_ROOT } from '../../scripts/build-functions';
import type { OpenNoticeData, StaffNoticeRow } from '../../src/shared/contracts-notice';
import { ERROR_MESSAGES, type ErrorCode } from '../../src/shared/errors';
import { GATEWAY_API_BODY_MAX_BYTES, INLINE_FILE_MAX_BYTES, NOTICE_FILE_MAX_BYTES, type UploadedFile } from '../../src/shared/transfer-limits';

let work: string;
let functionsDir: string;
let preview: Preview;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake image body')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ylt-upload-'));
  functionsDir = path.join(REPO_ROOT, 'dist', 'test-fixtures', `upload-${process.pid}`);
  await buildFunctions({ outDir: functionsDir });
  const h5Dir = path.join(work, 'h5');
  fs.mkdirSync(h5Dir, { recursive: true });
  fs.writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>银龄通</title></html>');
  preview = await startPreview({ port: 0, dataDir: path.join(work, 'data'), h5Dir, functionsDir });
}, 60000);

afterAll(async () => {
  await preview?.stop();
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(functionsDir, { recursive: true, force: true });
});

type Answer<T> = { status: number; body: { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } } };

async function upload(bytes: Buffer, openid: string | null, name = '附件.pdf'): Promise<Answer<UploadedFile>> {
  const res = await fetch(new URL(`/api/_upload?name=${encodeURIComponent(name)}`, preview.url), {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(openid ? { 'x-local-openid': openid } : {}) },
    body: bytes,
  });
  return { status: res.status, body: (await res.json()) as Answer<UploadedFile>['body'] };
}

async function api<T>(openid: string, fn: string, action: string, payload: object): Promise<T> {
  const res = await fetch(new URL(`/api/${fn}`, preview.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-openid': openid },
    body: JSON.stringify({ action, payload }),
  });
  const body = (await res.json()) as { ok: boolean; data: T; error?: { code: string } };
  if (!body.ok) throw new Error(`${fn}.${action}: ${body.error?.code}`);
  return body.data;
}

const refused = (status: number, code: ErrorCode) => ({ status, body: { ok: false, error: { code, message: ERROR_MESSAGES[code] } } });

describe('POST /api/_upload', () => {
  it('stores a staff PDF and an image; a member opening the notice gets both back byte for byte', async () => {
    const pdf = await upload(PDF, 'demo-staff', '../../《意见》全文.pdf');
    const png = await upload(PNG, 'demo-staff', 'photo.png');
    expect(pdf.status).toBe(200);
    if (!pdf.body.ok || !png.body.ok) throw new Error('upload refused');
    expect(pdf.body.data).toEqual({ fileId: expect.stringMatching(/^cloud:\/\/.+\/notices\/demo-staff\/.+\.pdf$/), name: '《意见》全文.pdf', size: PDF.length, contentType: 'application/pdf' });
    expect(png.body.data.contentType).toBe('image/png');

    const notice = await api<StaffNoticeRow>('demo-staff', 'notice', 'publish', {
      title: '带附件的通知',
      category: 'study',
      audience: { kind: 'everyone' },
      body: [{ type: 'paragraph', text: '请看附件。' }, { type: 'image', fileId: png.body.data.fileId, caption: '现场照片' }],
      attachments: [{ fileId: pdf.body.data.fileId, name: pdf.body.data.name, size: pdf.body.data.size }],
    });
    const opened = await api<OpenNoticeData>('demo-member', 'notice', 'open', { noticeId: notice.id });
    const attachment = opened.notice.attachments[0]!;
    const image = opened.notice.body.find((block) => block.type === 'image');
    expect(attachment.name).toBe('《意见》全文.pdf');
    expect(Buffer.from(await (await fetch(attachment.url)).arrayBuffer())).toEqual(PDF);
    expect(image && image.type === 'image' ? Buffer.from(await (await fetch(image.url)).arrayBuffer()) : null).toEqual(PNG);
  });

  it('lets an admin upload too', async () => {
    expect((await upload(PNG, 'demo-admin')).status).toBe(200);
  });

  it('refuses members, helpers, unknown WeChats and callers without an identity', async () => {
    expect(await upload(PDF, 'demo-member')).toEqual(refused(403, 'AUTH.FORBIDDEN'));
    expect(await upload(PDF, 'demo-helper')).toEqual(refused(403, 'AUTH.FORBIDDEN'));
    expect(await upload(PDF, 'someone-unknown')).toEqual(refused(403, 'AUTH.FORBIDDEN'));
    expect(await upload(PDF, null)).toEqual(refused(401, 'AUTH.NO_IDENTITY'));
  });

  it('refuses what is not an image or a PDF by its bytes, whatever its name says', async () => {
    expect(await upload(Buffer.from('<script>alert(1)</script>'), 'demo-staff', 'fake.pdf')).toEqual(refused(415, 'FILE.BAD_TYPE'));
    expect(await upload(Buffer.from('PK\u0003\u0004 xlsx'), 'demo-staff', 'roster.png')).toEqual(refused(415, 'FILE.BAD_TYPE'));
  });

  it('refuses a file over the limit', async () => {
    const huge = Buffer.concat([PDF, Buffer.alloc(NOTICE_FILE_MAX_BYTES)]);
    expect(await upload(huge, 'demo-staff')).toEqual(refused(413, 'FILE.TOO_LARGE'));
  });

  it('answers GET with an error, not a file', async () => {
    const res = await fetch(new URL('/api/_upload', preview.url), { headers: { 'x-local-openid': 'demo-staff' } });
    expect(res.status).toBe(405);
  });
});

describe('one set of transfer limits', () => {
  it('lets the largest inline file the app sends (as base64 in a call) through the gateway', async () => {
    expect(Math.ceil(INLINE_FILE_MAX_BYTES / 3) * 4).toBeLessThan(100 * 1024);
    const payload = { fileName: 'x.xlsx', contentBase64: Buffer.alloc(INLINE_FILE_MAX_BYTES).toString('base64') };
    const res = await fetch(new URL('/api/roster', preview.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-openid': 'demo-staff' },
      body: JSON.stringify({ action: 'importRoster', payload }),
    });
    const body = (await res.json()) as { ok: boolean; error?: { code: string } };
    // through the gateway to the function, which finds it is not a spreadsheet
    expect(res.status).toBe(200);
    expect(body.error?.code).toBe('ROSTER.BAD_FILE');
    expect(GATEWAY_API_BODY_MAX_BYTES).toBeGreaterThan(JSON.stringify(payload).length);
  });
});
