/**
 * Photos for a suggestion: picked with the phone's own sheet (album or camera) and uploaded to cloud storage.
 * Only the weapp can do this; the local H5 preview has no upload route, so there canAttachPhotos() is false
 * and the form says so instead of showing a button that cannot work.
 */
import Taro from '@tarojs/taro';
import type { Result } from '../shared/result';
import { uploadFile } from './cloud';

export function canAttachPhotos(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

/** Local paths of up to `max` photos the person picked; [] when they cancelled. */
export async function pickPhotos(max: number): Promise<string[]> {
  if (!canAttachPhotos() || max <= 0) return [];
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

/** Uploads the picked photos in order; the first failure stops and is answered (nothing half-submitted). */
export async function uploadPhotos(paths: readonly string[]): Promise<Result<string[]>> {
  const stamp = Date.now();
  const fileIds: string[] = [];
  for (const [index, path] of paths.entries()) {
    const result = await uploadFile(`suggestions/${stamp}-${index}-${Math.random().toString(36).slice(2, 8)}.${extensionOf(path)}`, path);
    if (!result.ok) return result;
    fileIds.push(result.data);
  }
  return { ok: true, data: fileIds };
}
