/**
 * The cloud-storage security rule (one per bucket), CloudBase's format (cloudbase-deploy.md §4). Cloud functions
 * bypass it; it governs only wx.cloud.uploadFile / downloadFile / getTempFileURL from a page.
 * - write: only files the caller owns (resource.openid is the uploader), only in the folders pages upload to:
 *   suggestion photos (suggestions/<openid>/, the only folder the suggestion function accepts photos from, and only
 *   the caller's own), notice attachments (notices/) and 云课堂 videos and audio staff upload (lessons/; only
 *   the staff-only lessons.saveLesson makes a file a lesson). Nobody overwrites or deletes someone else's file.
 * - read: only one's own uploads. Everything else (a member's photos shown to staff, notice attachments, exports
 *   under exports/) is handed out by the functions as temporary URLs after their own access checks.
 */
export interface StorageRules {
  read: boolean | string;
  write: boolean | string;
}

export const STORAGE_RULES: StorageRules = {
  read: 'resource.openid == auth.openid',
  write: 'resource.openid == auth.openid && /^(suggestions|notices|lessons)\\/[A-Za-z0-9_.\\/-]+$/.test(resource.path)',
};
