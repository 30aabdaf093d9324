/**
 * The H5 upload endpoint of the local gateway (POST /api/_upload): staff files go through wx-server-sdk's
 * cloud.uploadFile into the emulator, and the fileID it answers works in a notice a member then opens; members and
 * helpers upload PNG/JPEG photos into their own folder, which is the only one their suggestions take photos from.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPreview, type Preview } from '../../local/preview';
import { buildFunctions, REPO_ROOT } from '../../scripts/build-functions';
import type { OpenNoticeData, StaffNoticeRow } from '../../src/shared/contracts-notice';
import type { SuggestionDetail } from '../../src/shared/contracts-suggestion';
import { PHOTO_MAX_BYTES } from '../../src/shared/member-uploads';
import { ERROR_MESSAGES, type ErrorCode } from '../../src/shared/errors';
import { GATEWAY_API_BODY_MAX_BYTES, INLINE_FILE_MAX_BYTES, NOTICE_FILE_MAX_BYTES, type UploadedFile } from '../../src/shared/transfer-limits';

let work: string;
let functionsDir: string;
let preview: Preview;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake image body')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('fake jpeg body')]);
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

async function upload(bytes: Buffer, openid: string | null, name = '附件.pdf', purpose?: 'lesson'): Promise<Answer<UploadedFile>> {
  const res = await fetch(new URL(`/api/_upload?name=${encodeURIComponent(name)}${purpose ? `&purpose=${purpose}` : ''}`, preview.url), {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(openid ? { 'x-local-openid': openid } : {}) },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as Answer<UploadedFile>['body'] };
}

async function apiAnswer<T>(openid: string, fn: string, action: string, payload: object): Promise<{ ok: boolean; data: T; error?: { code: string } }> {
  const res = await fetch(new URL(`/api/${fn}`, preview.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-local-openid': openid },
    body: JSON.stringify({ action, payload }),
  });
  return (await res.json()) as { ok: boolean; data: T; error?: { code: string } };
}

async function api<T>(openid: string, fn: string, action: string, payload: object): Promise<T> {
  const body = await apiAnswer<T>(openid, fn, action, payload);
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

  it('refuses unknown WeChats and callers without an identity', async () => {
    expect(await upload(PNG, 'someone-unknown')).toEqual(refused(403, 'AUTH.FORBIDDEN'));
    expect(await upload(PNG, null)).toEqual(refused(401, 'AUTH.NO_IDENTITY'));
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

describe('POST /api/_upload?purpose=lesson: a 云课堂 video or audio from staff', () => {
  const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(64)]);
  const WAV = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WAVEfmt '), Buffer.alloc(64)]);
  const MP3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(64)]);

  it('stores MP4, WAV and MP3 by their bytes under lessons/<openid>/, and a lesson takes the file', async () => {
    const video = await upload(MP4, 'demo-staff', '第一讲.mp4', 'lesson');
    expect(video.body).toEqual({ ok: true, data: expect.objectContaining({ fileId: expect.stringMatching(/^cloud:\/\/.+\/lessons\/demo-staff\/.+\.mp4$/), contentType: 'video/mp4' }) });
    const wav = await upload(WAV, 'demo-admin', '录音.wav', 'lesson');
    expect(wav.body).toEqual({ ok: true, data: expect.objectContaining({ fileId: expect.stringMatching(/\/lessons\/demo-admin\/.+\.wav$/), contentType: 'audio/wav' }) });
    const mp3 = await upload(MP3, 'demo-staff', 'x.mp4', 'lesson'); // the bytes decide, not the name
    expect(mp3.body).toEqual({ ok: true, data: expect.objectContaining({ fileId: expect.stringMatching(/\.mp3$/), contentType: 'audio/mpeg' }) });
    if (!video.body.ok) throw new Error('upload failed');
    const courses = await api<{ courses: { id: string }[] }>('demo-staff', 'lessons', 'staffCourses', {});
    const saved = await apiAnswer<{ title: string }>('demo-staff', 'lessons', 'saveLesson', {
      courseId: courses.courses[0]!.id, title: '上传的一课', kind: 'video', minutes: 3, fileId: video.body.data.fileId, text: '这一课的文字稿', requestKey: 'gatewaylessonupload01',
    });
    expect(saved).toMatchObject({ ok: true, data: { title: '上传的一课' } });
  });

  it('refuses a PDF or an image as a lesson, and lesson uploads from anyone but staff', async () => {
    expect(await upload(PDF, 'demo-staff', '讲义.pdf', 'lesson')).toEqual(refused(415, 'FILE.BAD_TYPE'));
    expect(await upload(PNG, 'demo-staff', 'a.mp4', 'lesson')).toEqual(refused(415, 'FILE.BAD_TYPE'));
    expect(await upload(MP4, 'demo-member', '第一讲.mp4', 'lesson')).toEqual(refused(403, 'AUTH.FORBIDDEN'));
    // without the purpose a member's video is no photo
    expect(await upload(MP4, 'demo-member', '第一讲.mp4')).toEqual(refused(415, 'FILE.PHOTO_ONLY'));
  });
});

describe('POST /api/_upload by members and helpers: suggestion photos', () => {
  it('stores a member\'s PNG and JPEG in their own folder, whatever the name or query says, and submits it', async () => {
    const png = await upload(PNG, 'demo-member', '../../notices/demo-staff/x.png');
    const jpg = await upload(JPEG, 'demo-member', 'a.jpg');
    if (!png.body.ok || !jpg.body.ok) throw new Error('upload refused');
    expect(png.body.data).toEqual({ fileId: expect.stringMatching(/^cloud:\/\/[^/]+\/suggestions\/demo-member\/[^/]+\.png$/), name: 'x.png', size: PNG.length, contentType: 'image/png' });
    expect(jpg.body.data.fileId).toMatch(/^cloud:\/\/[^/]+\/suggestions\/demo-member\/[^/]+\.jpg$/);
    // a client-supplied path is ignored
    const sneaky = await fetch(new URL('/api/_upload?name=a.png&cloudPath=suggestions/demo-other/a.png&path=notices/a.png', preview.url), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-local-openid': 'demo-member' },
      body: new Uint8Array(PNG),
    });
    expect(((await sneaky.json()) as { data: UploadedFile }).data.fileId).toMatch(/\/suggestions\/demo-member\/[^/]+\.png$/);

    const detail = await api<SuggestionDetail>('demo-member', 'suggestion', 'submit', {
      category: '文化养老',
      text: '活动中心门口的台阶需要扶手，照片在这里。',
      photos: [png.body.data.fileId, jpg.body.data.fileId],
    });
    expect(detail.photos.map((photo) => photo.fileId)).toEqual([png.body.data.fileId, jpg.body.data.fileId]);
    expect(Buffer.from(await (await fetch(detail.photos[0]!.url)).arrayBuffer())).toEqual(PNG);
  });

  it('gives a helper their own folder, which the member\'s other helpers or the member cannot use', async () => {
    const photo = await upload(PNG, 'demo-helper', 'p.png');
    if (!photo.body.ok) throw new Error('upload refused');
    expect(photo.body.data.fileId).toMatch(/\/suggestions\/demo-helper\/[^/]+\.png$/);
    const byOther = await apiAnswer('demo-member', 'suggestion', 'submit', { category: '其他', text: '用别人的照片', photos: [photo.body.data.fileId] });
    expect(byOther.error?.code).toBe('SUGGESTION.BAD_PHOTO');
  });

  it('refuses a member\'s PDF, bytes that are no image, and a photo over 5 MB', async () => {
    expect(await upload(PDF, 'demo-member', 'a.pdf')).toEqual(refused(415, 'FILE.PHOTO_ONLY'));
    expect(await upload(PDF, 'demo-member', 'looks-like.png')).toEqual(refused(415, 'FILE.PHOTO_ONLY'));
    expect(await upload(Buffer.from('GIF89a not allowed'), 'demo-helper', 'a.gif')).toEqual(refused(415, 'FILE.PHOTO_ONLY'));
    expect(await upload(Buffer.from('<svg onload=alert(1)>'), 'demo-member', 'a.png')).toEqual(refused(415, 'FILE.PHOTO_ONLY'));
    const huge = Buffer.concat([PNG, Buffer.alloc(PHOTO_MAX_BYTES)]);
    expect(await upload(huge, 'demo-member', 'big.png')).toEqual(refused(413, 'FILE.PHOTO_TOO_LARGE'));
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
