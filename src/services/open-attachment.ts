/**
 * Opening a notice's attachment (PDF and the like): the weapp downloads it and opens WeChat's document viewer;
 * the H5 preview opens it in a new browser tab. Answers false when it could not be opened.
 */
import Taro from '@tarojs/taro';

export async function openDocument(url: string): Promise<boolean> {
  if (!url) return false;
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return true;
  }
  try {
    const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
    if (statusCode !== 200) return false;
    await Taro.openDocument({ filePath: tempFilePath, showMenu: true });
    return true;
  } catch {
    return false;
  }
}
