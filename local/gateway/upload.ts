/**
 * H5 stand-in for Taro.cloud.uploadFile: POST /api/_upload?name=<file name> with the file's bytes as the body.
 * Staff and admins only (asked of the member function as the caller); images and PDFs only, by their first bytes;
 * at most NOTICE_FILE_MAX_BYTES. The bytes go through wx-server-sdk's cloud.uploadFile into the emulator under
 * notices/<openid>/..., and the answer is the fileID the page then sends to the notice function.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Runtime } from '../runtime';
import { runWithIdentity } from '../runtime/sdk-env';
import { cleanFileName, NOTICE_FILE_MAX_BYTES, NOTICE_FILE_TYPES, sniffNoticeFileType, type UploadedFile } from '../../src/shared/transfer-limits';
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

async function isStaff(runtime: Runtime, openid: string): Promise<boolean> {
  const answer = (await runtime.invoke('member', { action: 'me', payload: {} }, { openid })) as { ok?: boolean; data?: { role?: string } };
  return answer?.ok === true && (answer.data?.role === 'staff' || answer.data?.role === 'admin');
}

export async function handleUpload(req: IncomingMessage, res: ServerResponse, runtime: Runtime): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'INPUT.INVALID');
  const openid = readOpenid(req);
  if (!openid) return sendError(res, 401, 'AUTH.NO_IDENTITY');
  if (!(await isStaff(runtime, openid))) return sendError(res, 403, 'AUTH.FORBIDDEN');

  let body: Buffer;
  try {
    body = await readBody(req, NOTICE_FILE_MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendError(res, 413, 'FILE.TOO_LARGE');
    throw error;
  }
  const contentType = sniffNoticeFileType(body.subarray(0, 8));
  if (!contentType) return sendError(res, 415, 'FILE.BAD_TYPE');

  const query = new URL(req.url ?? '/', 'http://local').searchParams;
  const name = cleanFileName(query.get('name') ?? '');
  const cloudPath = `notices/${openid}/${Date.now()}-${randomUUID()}.${NOTICE_FILE_TYPES[contentType]}`;
  const uploaded = await runWithIdentity({ openid }, () => sdk().uploadFile({ cloudPath, fileContent: body }));
  const answer: UploadedFile = { fileId: uploaded.fileID, name, size: body.length, contentType };
  sendJson(res, 200, { ok: true, data: answer });
}
