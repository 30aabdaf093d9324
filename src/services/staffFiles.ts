/**
 * Files staff send: the roster .xlsx (read as base64 and sent inside the import call, so it must stay under the
 * call size limit) and a notice's images and PDFs (uploaded to cloud storage first; the notice keeps the fileID).
 * weapp: chosen from a WeChat chat with chooseMessageFile; H5 (local preview): an <input type="file">.
 */
import Taro from '@tarojs/taro';
import { appError, type AppError } from '../shared/errors';
import type { Result } from '../shared/result';
import {
  cleanFileName,
  INLINE_FILE_MAX_BYTES,
  LESSON_FILE_MAX_BYTES,
  NOTICE_FILE_MAX_BYTES,
  type NoticeFileType,
  type UploadedFile,
} from '../shared/transfer-limits';
import { uploadFile } from './cloud';

export interface InlineFile {
  fileName: string;
  contentBase64: string;
  size: number;
}

/** null: the person closed the chooser without picking anything. */
export type Picked<T> = { ok: true; data: T } | { ok: false; error: AppError } | null;

// The condition is a build-time constant: the weapp bundle never contains the H5 module.
const h5Files: typeof import('./h5-files') | null =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./h5-files') as typeof import('./h5-files'))
    : null;

async function chooseOne(extension: string[]): Promise<{ path: string; name: string; size: number } | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension });
    const file = res.tempFiles[0];
    return file ? { path: file.path, name: file.name, size: file.size } : null;
  } catch {
    return null; // cancelled
  }
}

const tooLarge = (size: number, max: number) => size > max;

/** The roster .xlsx, read whole as base64 (at most INLINE_FILE_MAX_BYTES). */
export async function pickRosterFile(): Promise<Picked<InlineFile>> {
  if (h5Files) {
    const file = await h5Files.pickBrowserFile('.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    if (!file) return null;
    if (tooLarge(file.size, INLINE_FILE_MAX_BYTES)) return { ok: false, error: appError('ROSTER.FILE_TOO_LARGE') };
    return { ok: true, data: { fileName: file.name, size: file.size, contentBase64: await h5Files.base64Of(file) } };
  }
  const file = await chooseOne(['xlsx']);
  if (!file) return null;
  if (tooLarge(file.size, INLINE_FILE_MAX_BYTES)) return { ok: false, error: appError('ROSTER.FILE_TOO_LARGE') };
  try {
    const contentBase64 = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string;
    return { ok: true, data: { fileName: file.name, size: file.size, contentBase64 } };
  } catch {
    return { ok: false, error: appError('ROSTER.BAD_FILE') };
  }
}

const TYPE_BY_EXTENSION: Record<string, NoticeFileType> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };

/** An image or PDF for a notice, uploaded to cloud storage. */
export async function pickNoticeFile(): Promise<Picked<UploadedFile>> {
  if (h5Files) {
    const file = await h5Files.pickBrowserFile('.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg');
    if (!file) return null;
    if (tooLarge(file.size, NOTICE_FILE_MAX_BYTES)) return { ok: false, error: appError('FILE.TOO_LARGE') };
    return h5Files.uploadToGateway(file);
  }
  const file = await chooseOne(Object.keys(TYPE_BY_EXTENSION));
  if (!file) return null;
  const extension = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const contentType = TYPE_BY_EXTENSION[extension];
  if (!contentType) return { ok: false, error: appError('FILE.BAD_TYPE') };
  if (tooLarge(file.size, NOTICE_FILE_MAX_BYTES)) return { ok: false, error: appError('FILE.TOO_LARGE') };
  const stored: Result<string> = await uploadFile(`notices/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${extension}`, file.path);
  if (!stored.ok) return stored;
  return { ok: true, data: { fileId: stored.data, name: cleanFileName(file.name), size: file.size, contentType } };
}

const LESSON_TOO_LARGE = '文件太大了，一课的视频不能超过200MB';

/**
 * A lesson's video or audio, chosen on the phone (weapp) or the computer (H5 preview, through the local gateway,
 * which checks the type by its bytes) and uploaded to cloud storage. Answers the fileID and the length in whole
 * minutes when the phone knows it.
 */
export async function pickLessonMedia(kind: 'video' | 'audio'): Promise<Picked<{ fileId: string; minutes: number | null }>> {
  if (h5Files) {
    const file = await h5Files.pickBrowserFile(kind === 'video' ? '.mp4,video/mp4' : '.mp3,.m4a,.wav,audio/mpeg,audio/mp4,audio/wav');
    if (!file) return null;
    if (tooLarge(file.size, LESSON_FILE_MAX_BYTES)) return { ok: false, error: appError('FILE.TOO_LARGE', LESSON_TOO_LARGE) };
    const stored = await h5Files.uploadToGateway(file, 'lesson');
    return stored.ok ? { ok: true, data: { fileId: stored.data.fileId, minutes: null } } : stored;
  }
  let file: { path: string; size: number; duration: number | null; extension: string } | null = null;
  try {
    if (kind === 'video') {
      const res = await Taro.chooseMedia({ count: 1, mediaType: ['video'], sourceType: ['album', 'camera'] });
      const picked = res.tempFiles[0];
      if (picked) file = { path: picked.tempFilePath, size: picked.size, duration: picked.duration ?? null, extension: 'mp4' };
    } else {
      const picked = await chooseOne(['mp3', 'm4a', 'aac']);
      if (picked) file = { path: picked.path, size: picked.size, duration: null, extension: /\.([a-z0-9]+)$/i.exec(picked.name)?.[1]?.toLowerCase() ?? 'mp3' };
    }
  } catch {
    return null; // cancelled
  }
  if (!file) return null;
  if (tooLarge(file.size, LESSON_FILE_MAX_BYTES)) return { ok: false, error: appError('FILE.TOO_LARGE', LESSON_TOO_LARGE) };
  const stored = await uploadFile(`lessons/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${file.extension}`, file.path);
  if (!stored.ok) return stored;
  return { ok: true, data: { fileId: stored.data, minutes: file.duration ? Math.max(1, Math.round(file.duration / 60)) : null } };
}
