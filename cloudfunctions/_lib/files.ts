/**
 * Cloud storage: file ids (cloud://...) to temporary URLs, in one call per screen. Locally the emulator answers
 * storage.batchGetDownloadUrl with URLs it serves at /_local/files/...; in production CloudBase signs them.
 * A file that is gone maps to '' (the page leaves it out) rather than failing the screen.
 */
import { settle, type Cloud } from './db';

/** CloudBase takes at most 50 file ids per getTempFileURL call. */
const BATCH = 50;
/** Seconds a temporary URL stays valid. */
const MAX_AGE_S = 2 * 3600;

export async function tempUrls(cloud: Cloud, fileIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds)];
  const urls = new Map<string, string>();
  for (let i = 0; i < unique.length; i += BATCH) {
    const fileList = unique.slice(i, i + BATCH).map((fileID) => ({ fileID, maxAge: MAX_AGE_S }));
    const result = await settle(cloud.getTempFileURL({ fileList }));
    for (const file of result.fileList) urls.set(file.fileID, file.status === 0 ? file.tempFileURL : '');
  }
  return urls;
}

/** A lookup that answers '' for anything not resolved. */
export function urlLookup(urls: Map<string, string>): (fileId: string) => string {
  return (fileId) => urls.get(fileId) ?? '';
}
