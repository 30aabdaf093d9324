/**
 * Puts an exported file into cloud storage and answers its file id and a temporary URL: an export can be larger
 * than a cloud call may answer, and the page opens it with wx.downloadFile + wx.openDocument (or the URL in H5).
 */
import { randomBytes } from 'node:crypto';
import type { ExportedFile } from '../../src/shared/contracts-staff';
import { beijingDay } from '../../src/shared/date-rules';
import type { Cloud } from './db';
import { tempUrls } from './files';
import { clock } from './clock';

export async function saveExport(cloud: Cloud, fileName: string, content: Buffer, rows: number, now: Date = clock.now()): Promise<ExportedFile> {
  const cloudPath = `exports/${beijingDay(now)}/${randomBytes(8).toString('hex')}.xlsx`;
  const uploaded = await cloud.uploadFile({ cloudPath, fileContent: content });
  const fileId = (uploaded as { fileID: string }).fileID;
  const url = (await tempUrls(cloud, [fileId])).get(fileId) ?? '';
  return { fileName, fileId, url, rows };
}
