/**
 * H5 only (local preview): picking a file with an <input type="file"> and uploading staff files to the local
 * gateway (POST /api/_upload). Never part of the weapp build: staffFiles.ts requires it behind a TARO_ENV check.
 */
import { appError } from '../shared/errors';
import type { Result } from '../shared/result';
import type { UploadedFile } from '../shared/transfer-limits';
import { toResult } from './answer';

/** The file the person picked, or null when they closed the chooser. */
export function pickBrowserFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    input.click();
  });
}

export async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Uploads through the local gateway; purpose 'lesson' is a 云课堂 video or audio (staff), else a notice file or photo. */
export async function uploadToGateway(file: File, purpose?: 'lesson'): Promise<Result<UploadedFile>> {
  try {
    const response = await fetch(`/api/_upload?name=${encodeURIComponent(file.name)}${purpose ? `&purpose=${purpose}` : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      credentials: 'same-origin',
      body: file,
    });
    return toResult(await response.json()) as Result<UploadedFile>;
  } catch {
    return { ok: false, error: appError('NETWORK.FAILED') };
  }
}
