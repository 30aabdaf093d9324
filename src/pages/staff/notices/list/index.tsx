import { BigButton } from '../../../../components/BigButton';
import { LinkCard } from '../../../../components/LinkCard';
import { FilteredList } from '../../../../components/PagedList';
import { staffScreen } from '../../../../components/StaffPage';
import { formatDateTime } from '../../../../services/format';
import { openPage } from '../../../../services/routes';
import { useCloud } from '../../../../services/useCloud';
import { useFilterPage } from '../../../../services/useFilterPage';
import { useRefreshOnShow } from '../../../../services/useRefreshOnShow';
import { NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, type NoticeCategory, type StaffNoticeRow } from '../../../../shared/contracts-notice';
import '../../staff.scss';

const CATEGORIES = [{ value: '', label: '全部' }, ...NOTICE_CATEGORIES.map((key) => ({ value: key, label: NOTICE_CATEGORY_LABELS[key] }))];

function readLine(row: StaffNoticeRow): string {
  return `已读${row.readCount}人，未读${row.unreadCount}人（共${row.audienceCount}人）`;
}

function Notices() {
  const { filter: category, page, setPage, choose } = useFilterPage<NoticeCategory | undefined>(undefined);
  const state = useCloud('notice', 'staffList', { category, page });
  useRefreshOnShow(state.retry);
  return (
    <>
      <BigButton onClick={() => openPage('staffNoticeEdit')}>发布新通知</BigButton>
      <FilteredList
        label='类别'
        options={CATEGORIES}
        selected={category ?? ''}
        onChoose={(value) => choose((value || undefined) as NoticeCategory | undefined)}
        state={state}
        onPage={setPage}
        emptyText='还没有通知'
        renderItem={(row) => (
          <LinkCard
            key={row.id}
            title={`${row.pinned ? '【置顶】' : ''}${row.title}`}
            lines={[`${row.categoryLabel} · 发给${row.audienceLabel}`, `${formatDateTime(row.publishedAt)} ${row.publisherName}`, readLine(row)]}
            badge={row.status === 'withdrawn' ? '已撤回' : `未读${row.unreadCount}人`}
            more='看未读名单、修改、撤回'
            onClick={() => openPage('staffReaders', { noticeId: row.id })}
          />
        )}
      />
    </>
  );
}

/** 通知管理: every notice with its read and unread counts. */
export default staffScreen({ title: '通知管理', intro: '点一条通知，看谁还没读（可以打电话或送学上门），也可以修改或撤回。' }, Notices);
