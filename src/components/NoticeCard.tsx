import { formatDate } from '../services/format';
import type { NoticeListItem } from '../shared/contracts-notice';
import { LinkCard } from './LinkCard';

/** A notice in the list: 置顶 and 未读 said in words (not by colour alone); a tap opens it. */
export function NoticeCard({ notice, onClick }: { notice: NoticeListItem; onClick: () => void }) {
  const facts = [notice.pinned ? '置顶' : null, notice.categoryLabel, `${formatDate(notice.publishedAt)}发布`].filter(Boolean).join(' · ');
  return (
    <LinkCard
      title={notice.title}
      lines={[facts, `发布单位：${notice.publisherName}`, notice.hasAttachments ? '有附件' : null, notice.read ? '已读' : null]}
      badge={notice.read ? undefined : '未读'}
      more={notice.read ? '再看一遍' : '打开阅读'}
      onClick={onClick}
    />
  );
}
