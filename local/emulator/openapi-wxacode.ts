/**
 * wxacode.getUnlimited: a real PNG QR code that encodes the scene (the real API draws a round mini-program
 * code; a QR code carrying the same scene is what a local scanner or test can read back).
 */
import QRCode from 'qrcode';
import type { ApiAnswer } from './openapi-types';

/** Characters WeChat allows in a scene: visible ASCII letters, digits and !#$&'()*+,/:;=?@-._~ */
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const DEFAULT_WIDTH = 430;

export async function getUnlimited(args: Record<string, unknown>): Promise<ApiAnswer> {
  const { scene, page, width } = args;
  if (typeof scene !== 'string' || !SCENE_PATTERN.test(scene)) {
    return { errcode: 40169, errmsg: 'invalid scene: 1-32 visible characters of [0-9A-Za-z!#$&\'()*+,/:;=?@-._~]' };
  }
  if (page !== undefined && (typeof page !== 'string' || page.startsWith('/') || page.includes('?'))) {
    return { errcode: 41030, errmsg: 'invalid page: a path like pages/index/index, no leading slash, no query' };
  }
  const size = typeof width === 'number' ? Math.min(1280, Math.max(280, Math.round(width))) : DEFAULT_WIDTH;
  // No PNG row filter + default deflate: pngjs's adaptive filtering takes ~0.9 s a code inside jest's VM.
  // A fresh object per call: qrcode writes width/height into it.
  const rendererOpts = { filterType: 0, deflateStrategy: 0 };
  const bytes = await QRCode.toBuffer(scene, { type: 'png', width: size, margin: 2, errorCorrectionLevel: 'M', rendererOpts });
  return { contentType: 'image/png', bytes };
}
