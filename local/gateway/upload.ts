/**
 * H5 stand-in for Taro.cloud.uploadFile: POST /api/_upload?name=<file name> with the file's bytes as the body.
 * Any account may upload (its role is asked of the member function as the caller): staff and admins images and
 * PDFs for notices (at most NOTICE_FILE_MAX_BYTES, under notices/<openid>/), or with &purpose=lesson a 云课堂 video
 * or audio (MP4, M4A, MP3, WAV; at most LESSON_FILE_MAX_BYTES, under lessons/<openid>/); everyone else PNG or JPEG photos for
 * suggestions (at most PHOTO_MAX_BYTES, under suggestions/<openid>/, the only folder the suggestion function takes
 * photos from). Types go by the first bytes; the path is the gateway's, never the client's. The bytes go through
 * wx-server-sdk's cloud.uploadFile into the emulator, and the answer is the fileID the page then sends on.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Runtime } from '../runtime';
import { runWithIdentity } from '../runtime/sdk-env';
import type { ErrorCode } from '../../src/shared/errors';
import { PHOTO_MAX_BYTES, photoFolder, sniffPhotoType } from '../../src/shared/member-uploads';
import {
  cleanFileName,
  LESSON_FILE_MAX_BYTES,
  LESSON_MEDIA_TYPES,
  NOTICE_FILE_MAX_BYTES,
  NOTICE_FILE_TYPES,
  sniffLessonMediaType,
  sniffNoticeFileType,
} from '../../src/shared/transfer-limits';
import { BodyTooLargeError, readBody, sendError, sendJson } from './http';
import { readOpenid } from './identity';

export const UPLOAD_PATH = '/api/_upload';

type Cloud = typeof import('wx-server-sdk');
let cloud: Cloud | null = null;

function sdk(): Cloud {
  if (!cloud) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cloud = require('wx-server-sdk') as Cloud;
    // DYNAMIC_CURRENT_ENV is typed as a symbol where init expects a string
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  }
  return cloud;
}

/** The uploader's role (asked of the member function as the caller); null without an account. */
async function roleOf(runtime: Runtime, openid: string): Promise<string | null> {
  const answer = (await runtime.invoke('member', { action: 'me', payload: {} }, { openid })) as { ok?: boolean; data?: { role?: string } };
  return answer?.ok === true ? (answer.data?.role ?? null) : null;
}

/** What one kind of uploader may send, and where it goes: the folder is always the gateway's choice. */
interface UploadRule {
  folder: (openid: string) => string;
  maxBytes: number;
  /** the content type the first bytes say, and its file extension */
  sniff: (head: Uint8Array) => string | null;
  extensions: Readonly<Record<string, string>>;
  tooLarge: ErrorCode;
  badType: ErrorCode;
}

/** Staff: images and PDFs for notices. */
const NOTICE_FILES: UploadRule = {
  folder: (openid) => `notices/${openid}/`,
  maxBytes: NOTICE_FILE_MAX_BYTES,
  sniff: sniffNoticeFileType,
  extensions: NOTICE_FILE_TYPES,
  tooLarge: 'FILE.TOO_LARGE',
  badType: 'FILE.BAD_TYPE',
};
/** Staff: a 云课堂 lesson's video or audio (lessons.saveLesson is staff-only; the storage rule allows lessons/). */
const LESSON_MEDIA: UploadRule = {
  folder: (openid) => `lessons/${openid}/`,
  maxBytes: LESSON_FILE_MAX_BYTES,
  sniff: sniffLessonMediaType,
  extensions: LESSON_MEDIA_TYPES,
  tooLarge: 'FILE.TOO_LARGE',
  badType: 'FILE.BAD_TYPE',
};
/** Everyone else with an account (members, helpers, leaders): suggestion photos in their own folder. */
const PHOTOS: UploadRule = {
  folder: photoFolder,
  maxBytes: PHOTO_MAX_BYTES,
  sniff: sniffPhotoType,
  extensions: NOTICE_FILE_TYPES,
  tooLarge: 'FILE.PHOTO_TOO_LARGE',
  badType: 'FILE.PHOTO_ONLY',
};

export async function handleUpload(req: IncomingMessage, res: ServerResponse, runtime: Runtime): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'INPUT.INVALID');
  const openid = readOpenid(req);
  if (!openid) return sendError(res, 401, 'AUTH.NO_IDENTITY');
  const role = await roleOf(runtime, openid);
  if (!role) return sendError(res, 403, 'AUTH.FORBIDDEN');
  const query = new URL(req.url ?? '/', 'http://local').searchParams;
  const isStaff = role === 'staff' || role === 'admin';
  const forLesson = query.get('purpose') === 'lesson';
  if (forLesson && !isStaff) return sendError(res, 403, 'AUTH.FORBIDDEN');
  const rule = forLesson ? LESSON_MEDIA : isStaff ? NOTICE_FILES : PHOTOS;

  let body: Buffer;
  try {
    body = await readBody(req, rule.maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendError(res, 413, rule.tooLarge);
    throw error;
  }
  const contentType = rule.sniff(body.subarray(0, 12));
  const extension = contentType ? rule.extensions[contentType] : undefined;
  if (!contentType || !extension) return sendError(res, 415, rule.badType);

  const name = cleanFileName(query.get('name') ?? '');
  const cloudPath = `${rule.folder(openid)}${Date.now()}-${randomUUID()}.${extension}`;
  const uploaded = await runWithIdentity({ openid }, () => sdk().uploadFile({ cloudPath, fileContent: body }));
  const answer = { fileId: uploaded.fileID, name, size: body.length, contentType };
  sendJson(res, 200, { ok: true, data: answer });
}
