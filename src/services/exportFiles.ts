/**
 * Opening an .xlsx a function exported (rosters, figures). weapp: downloaded and opened with WeChat's document
 * viewer, whose menu lets staff forward it to a chat or save it. H5 (local preview): the page shows a download link.
 */
import Taro from '@tarojs/taro';
import type { ExportedFile } from '../shared/contracts-staff';
import { appError } from '../shared/errors';
import type { Result } from '../shared/result';

export async function openExportedFile(file: ExportedFile): Promise<Result<null>> {
  try {
    const downloaded = await Taro.downloadFile({ url: file.url });
    if (downloaded.statusCode !== 200) return { ok: false, error: appError('FILE.OPEN_FAILED') };
    await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: 'xlsx', showMenu: true });
    return { ok: true, data: null };
  } catch {
    return { ok: false, error: appError('FILE.OPEN_FAILED') };
  }
}
