/**
 * Photos members (and helpers) attach to a suggestion: PNG or JPEG by their first bytes, at most PHOTO_MAX_BYTES,
 * stored under the uploader's own folder suggestions/<openid>/. The folder is chosen by the server side (the H5
 * gateway, or the form's answer for the weapp), and submitting accepts only fileIDs in the caller's own folder,
 * so nobody attaches a file someone else uploaded.
 */
import { isFileId } from './cloud-file';
import { sniffNoticeFileType } from './transfer-limits';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

export const PHOTO_TYPES = { 'image/png': 'png', 'image/jpeg': 'jpg' } as const;
export type PhotoType = keyof typeof PHOTO_TYPES;

/** PNG or JPEG by the first bytes; null for anything else (a PDF included). */
export function sniffPhotoType(head: Uint8Array): PhotoType | null {
  const type = sniffNoticeFileType(head);
  return type === 'image/png' || type === 'image/jpeg' ? type : null;
}

/** The storage folder of one account's suggestion photos. */
export function photoFolder(openid: string): string {
  return `suggestions/${openid}/`;
}

/** The path inside the bucket of a fileID (cloud://<env>.<bucket>/<path>); null when it is not one. */
export function storagePathOf(fileId: string): string | null {
  if (!isFileId(fileId)) return null;
  const rest = fileId.slice('cloud://'.length);
  return rest.slice(rest.indexOf('/') + 1);
}

/** The fileID is a file directly inside `folder` (no sub-folders, no tricks). */
export function isInFolder(fileId: string, folder: string): boolean {
  const path = storagePathOf(fileId);
  if (!path || !path.startsWith(folder)) return false;
  const name = path.slice(folder.length);
  return name.length > 0 && !name.includes('/');
}
