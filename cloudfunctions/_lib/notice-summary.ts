/** The head of a notice every screen shows (home page, notice list, the opened notice, the staff list). */
import type { NoticeSummary } from '../../src/shared/contracts';
import { NOTICE_CATEGORY_LABELS } from '../../src/shared/contracts-notice';
import type { NoticeDoc } from '../../src/shared/documents';
import { toIso } from './db';

export function noticeSummary(doc: NoticeDoc): NoticeSummary {
  return {
    id: doc._id,
    title: doc.title,
    category: doc.category,
    categoryLabel: NOTICE_CATEGORY_LABELS[doc.category],
    pinned: doc.pinned,
    publishedAt: toIso(doc.publishedAt),
  };
}
