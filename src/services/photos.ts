/**
 * Photos for a suggestion: picked with the phone's own sheet (album or camera) in the weapp, or a file chooser in
 * the local H5 preview, and uploaded to cloud storage into the caller's own folder (the only one the suggestion
 * function takes photos from). weapp: Taro.cloud.uploadFile under the folder the form's answer names; H5: the
 * local gateway's POST /api/_upload, which picks the folder itself.
 */
import Taro from '@tarojs/taro';
import { appError } from '../shared/errors';
import type { Result } from '../shared/result';
import { uploadFile } from './cloud';

// The condition is a build-time constant: the weapp bundle never contains the H5 module.
const h5Files: typeof import('./h5-files') | null =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./h5-files') as typeof import('./h5-files'))
    : null;

/** H5: the picked files behind the preview URLs the form shows. */
const browserFiles = new Map<string, File>();

export function canAttachPhotos(): boolean {
  return process.env.TARO_ENV === 'weapp' || h5Files !== null;
}

/** Paths (weapp) or preview URLs (H5) of up to `max` photos the person picked; [] when they cancelled. */
export async function pickPhotos(max: number): Promise<string[]> {
  if (!canAttachPhotos() || max <= 0) return [];
  if (h5Files) {
    const file = await h5Files.pickBrowserFile('image/png,image/jpeg,.png,.jpg,.jpeg');
    if (!file) return [];
    const url = URL.createObjectURL(file);
    browserFiles.set(url, file);
    return [url];
  }
  try {
    const res = await Taro.chooseMedia({ count: max, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    return res.tempFiles.map((file) => file.tempFilePath).slice(0, max);
  } catch {
    return [];
  }
}

function extensionOf(path: string): string {
  const match = /\.(jpe?g|png|gif|webp|heic)$/i.exec(path);
  return match ? match[1]!.toLowerCase() : 'jpg';
}

async function uploadOne(path: string, cloudPath: string): Promise<Result<string>> {
  if (!h5Files) return uploadFile(cloudPath, path);
  const file = browserFiles.get(path);
  if (!file) return { ok: false, error: appError('UPLOAD.FAILED') };
  const uploaded = await h5Files.uploadToGateway(file);
  return uploaded.ok ? { ok: true, data: uploaded.data.fileId } : uploaded;
}

/**
 * Uploads the picked photos in order into `folder` (the caller's own, from the form's answer); the first failure
 * stops and is answered (nothing half-submitted).
 */
export async function uploadPhotos(paths: readonly string[], folder: string): Promise<Result<string[]>> {
  const stamp = Date.now();
  const fileIds: string[] = [];
  for (const [index, path] of paths.entries()) {
    const result = await uploadOne(path, `${folder}${stamp}-${index}-${Math.random().toString(36).slice(2, 8)}.${extensionOf(path)}`);
    if (!result.ok) return result;
    fileIds.push(result.data);
  }
  return { ok: true, data: fileIds };
}
