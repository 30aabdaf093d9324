/**
 * How much one request may carry, in one place for the app, the functions and the local gateway.
 * WeChat's callFunction data should stay under about 100 KB (bigger needs cloud storage first); the local gateway
 * accepts a larger body so that whatever the app may send passes there too.
 */
export const CALL_DATA_MAX_BYTES = 100 * 1024;

/** The local gateway's cap on POST /api/<function> bodies (over CALL_DATA_MAX_BYTES, so the app never hits it). */
export const GATEWAY_API_BODY_MAX_BYTES = 256 * 1024;

/** Room left in a call for the action name, the file name and JSON framing. */
const CALL_FRAMING_BYTES = 2 * 1024;

/** The largest file the app sends inside one call as base64 (4 bytes for every 3): about 73 KB. */
export const INLINE_FILE_MAX_BYTES = Math.floor(((CALL_DATA_MAX_BYTES - CALL_FRAMING_BYTES) * 3) / 4);

/** A file staff attach to a notice (uploaded to cloud storage first): images and PDFs. */
export const NOTICE_FILE_MAX_BYTES = 10 * 1024 * 1024;

export const NOTICE_FILE_TYPES = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/pdf': 'pdf',
} as const;

export type NoticeFileType = keyof typeof NOTICE_FILE_TYPES;

/** The type a file's first bytes say it is (what the name or the browser claim is not trusted). */
export function sniffNoticeFileType(head: Uint8Array): NoticeFileType | null {
  const starts = (...bytes: number[]) => bytes.every((byte, i) => head[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}

/** A lesson's video or audio staff upload (cloud storage, folder lessons/): a 45-minute video at phone quality. */
export const LESSON_FILE_MAX_BYTES = 200 * 1024 * 1024;

export const LESSON_MEDIA_TYPES = {
  'video/mp4': 'mp4',
  'audio/mp4': 'm4a',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
} as const;

export type LessonMediaType = keyof typeof LESSON_MEDIA_TYPES;

/** The media type a lesson file's first 12 bytes say it is: MP4/M4A ('ftyp' box), MP3 (ID3 or a frame sync), WAV. */
export function sniffLessonMediaType(head: Uint8Array): LessonMediaType | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 12 && ascii(4, 8) === 'ftyp') return ascii(8, 11) === 'M4A' ? 'audio/mp4' : 'video/mp4';
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'audio/wav';
  if (ascii(0, 3) === 'ID3' || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)) return 'audio/mpeg';
  return null;
}

/** 73 KB, 1.2 MB */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What an upload answers: the cloud file id the page then sends to a function. */
export interface UploadedFile {
  fileId: string;
  name: string;
  size: number;
  contentType: NoticeFileType;
}

export const UPLOAD_NAME_MAX = 100;

/** A file name fit to show: no folders, no control characters, at most UPLOAD_NAME_MAX characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001F\u007F]/g, '').trim();
  return base.slice(-UPLOAD_NAME_MAX) || '附件';
}
