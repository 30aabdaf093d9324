/**
 * Cloud storage file ids (fileID) as CloudBase hands them out: cloud://<env>.<bucket>/<path>. Photos and
 * attachments travel and are stored as file ids only; functions turn them into temporary URLs when showing them.
 */
export const FILE_ID_MAX = 512;
// eslint-disable-next-line no-control-regex
export const FILE_ID_PATTERN = /^cloud:\/\/[A-Za-z0-9._-]+\/[^\u0000-\u001F\u007F?#]+$/;

export function isFileId(value: string): boolean {
  return value.length <= FILE_ID_MAX && FILE_ID_PATTERN.test(value) && !value.includes('..');
}
