/**
 * Cloud storage as wx-server-sdk 4.0.2 reaches it (through @cloudbase/node-sdk's storage module), kept in
 * <dataDir>/files:
 * - `storage.getUploadMetadata` {path}: answers where to PUT the bytes (here `PUT /_local/upload/<path>`) and the
 *   file id; cloud.uploadFile({cloudPath, fileContent}) then PUTs and expects an empty body.
 * - `storage.batchGetDownloadUrl` {file_list: [{fileid, max_age}]}: temporary URLs, served at `GET /_local/files/<path>`;
 *   a missing file answers code STORAGE_FILE_NONEXIST for that entry (the SDK gives it a non-zero status).
 * - `storage.batchDeleteFile` {fileid_list}.
 * File ids look like CloudBase's: cloud://<env>.<bucket>/<path>. Paths are checked: no '..', no absolute paths.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { invalidParam } from './errors';

export const LOCAL_FILE_ID_PREFIX = 'cloud://local-env.6c6f-local-env-1300000000/';
const MAX_FILE_BYTES = 50 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
};

export const STORAGE_ACTIONS = new Set(['storage.getUploadMetadata', 'storage.batchGetDownloadUrl', 'storage.batchDeleteFile']);

type Body = Record<string, unknown>;

/** A cloud path that stays inside the files folder, or null. */
export function safeCloudPath(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/^\/+/, '');
  if (trimmed === '' || trimmed.length > 400 || /[\0\\]/.test(trimmed)) return null;
  if (trimmed.split('/').some((part) => part === '' || part === '.' || part === '..')) return null;
  return trimmed;
}

export function createStorage(dataDir: string) {
  const root = path.join(dataDir, 'files');
  fs.mkdirSync(root, { recursive: true });
  const fileOf = (cloudPath: string) => path.join(root, ...cloudPath.split('/'));
  const pathOfFileId = (fileId: unknown): string | null =>
    typeof fileId === 'string' && fileId.startsWith(LOCAL_FILE_ID_PREFIX) ? safeCloudPath(fileId.slice(LOCAL_FILE_ID_PREFIX.length)) : null;
  const exists = (cloudPath: string | null) => cloudPath !== null && fs.existsSync(fileOf(cloudPath)) && fs.statSync(fileOf(cloudPath)).isFile();
  const encode = (cloudPath: string) => cloudPath.split('/').map(encodeURIComponent).join('/');

  return {
    /** Answers a storage.* action (the `data` of the wire answer). */
    run(action: string, body: Body, baseUrl: string): Body {
      switch (action) {
        case 'storage.getUploadMetadata': {
          const cloudPath = safeCloudPath(body.path);
          if (!cloudPath) throw invalidParam(`invalid cloudPath: ${String(body.path)}`);
          return {
            url: `${baseUrl}/_local/upload/${encode(cloudPath)}`,
            token: 'local',
            authorization: 'local',
            fileId: LOCAL_FILE_ID_PREFIX + cloudPath,
            cosFileId: 'local',
          };
        }
        case 'storage.batchGetDownloadUrl': {
          if (!Array.isArray(body.file_list)) throw invalidParam('file_list must be an array');
          const expires = Date.now() + 7200_000;
          return {
            download_list: (body.file_list as { fileid?: unknown; max_age?: number }[]).map((entry) => {
              const cloudPath = pathOfFileId(entry.fileid);
              const found = exists(cloudPath);
              return {
                fileID: entry.fileid,
                tempFileURL: found ? `${baseUrl}/_local/files/${encode(cloudPath as string)}?sign=local&t=${expires}` : '',
                code: found ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST',
                maxAge: entry.max_age ?? 7200,
              };
            }),
          };
        }
        case 'storage.batchDeleteFile': {
          if (!Array.isArray(body.fileid_list)) throw invalidParam('fileid_list must be an array');
          return {
            delete_list: (body.fileid_list as unknown[]).map((fileId) => {
              const cloudPath = pathOfFileId(fileId);
              if (!exists(cloudPath)) return { fileID: fileId, code: 'STORAGE_FILE_NONEXIST' };
              fs.rmSync(fileOf(cloudPath as string));
              return { fileID: fileId, code: 'SUCCESS' };
            }),
          };
        }
        default:
          throw invalidParam(`unsupported storage action ${action}`);
      }
    },

    /** PUT /_local/upload/<path>: stores the body (written to a temp file, then renamed). */
    async upload(req: IncomingMessage, res: ServerResponse, encodedPath: string): Promise<void> {
      const cloudPath = safeCloudPath(decodeURIComponent(encodedPath));
      if (!cloudPath) {
        res.writeHead(400, { 'content-type': 'application/xml' }).end('<Error><Code>InvalidURI</Code><Message>bad path</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>');
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_FILE_BYTES) {
          res.writeHead(400, { 'content-type': 'application/xml' }).end('<Error><Code>EntityTooLarge</Code><Message>file too large</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>');
          return;
        }
        chunks.push(chunk as Buffer);
      }
      const file = fileOf(cloudPath);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.${Date.now()}.part`;
      fs.writeFileSync(temp, Buffer.concat(chunks));
      fs.renameSync(temp, file);
      res.writeHead(200, { 'content-length': 0 }).end();
    },

    /** GET /_local/files/<path>: the stored bytes, or 404. */
    serve(res: ServerResponse, encodedPath: string): void {
      let cloudPath: string | null;
      try {
        cloudPath = safeCloudPath(decodeURIComponent(encodedPath));
      } catch {
        cloudPath = null;
      }
      if (!cloudPath || !exists(cloudPath)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('file not found');
        return;
      }
      const bytes = fs.readFileSync(fileOf(cloudPath));
      const type = CONTENT_TYPES[path.extname(cloudPath).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'content-length': bytes.length, 'cache-control': 'private, max-age=3600' }).end(bytes);
    },
  };
}

export type Storage = ReturnType<typeof createStorage>;
