/** Notice shapes for the screens: list items, the opened notice (file ids resolved to URLs) and the staff row. */
import {
  audienceLabelOf,
  type NoticeBlockView,
  type NoticeDetail,
  type NoticeListItem,
  type StaffNoticeRow,
} from '../../src/shared/contracts-notice';
import type { NoticeDoc } from '../../src/shared/documents';
import { imageFileIds } from '../../src/shared/notice-body';
import type { Cloud } from '../_lib/db';
import { tempUrls, urlLookup } from '../_lib/files';
import type { ReadFigures } from '../_lib/notice-figures';
import { noticeSummary } from '../_lib/notice-summary';

export function listItem(doc: NoticeDoc, read: boolean): NoticeListItem {
  return {
    ...noticeSummary(doc),
    publisherName: doc.publisherName,
    audienceLabel: audienceLabelOf(doc.audience),
    hasAttachments: doc.attachments.length > 0,
    read,
  };
}

export async function detailOf(cloud: Cloud, doc: NoticeDoc): Promise<NoticeDetail> {
  const urlOf = urlLookup(await tempUrls(cloud, [...imageFileIds(doc.body), ...doc.attachments.map((file) => file.fileId)]));
  return {
    ...noticeSummary(doc),
    publisherName: doc.publisherName,
    audienceLabel: audienceLabelOf(doc.audience),
    body: doc.body.map((block): NoticeBlockView => (block.type === 'image' ? { ...block, url: urlOf(block.fileId) } : block)),
    attachments: doc.attachments.map((file) => ({ ...file, url: urlOf(file.fileId) })),
  };
}


export function staffRow(doc: NoticeDoc, figures: ReadFigures): StaffNoticeRow {
  return {
    ...noticeSummary(doc),
    status: doc.status,
    publisherName: doc.publisherName,
    audience: doc.audience,
    audienceLabel: audienceLabelOf(doc.audience),
    audienceCount: figures.audienceCount,
    readCount: figures.readCount,
    unreadCount: Math.max(0, figures.audienceCount - figures.readCount),
  };
}
