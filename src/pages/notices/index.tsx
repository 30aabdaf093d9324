import { useState } from 'react';
import { BigButton } from '../../components/BigButton';
import { ChoiceChips } from '../../components/ChoiceChips';
import { NoticeCard } from '../../components/NoticeCard';
import { MorePages } from '../../components/MorePages';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { StatusView } from '../../components/StatusView';
import { goTo, openPage } from '../../services/routes';
import { useCloud } from '../../services/useCloud';
import { useTabBadge } from '../../services/tabBar';
import { useRefreshOnShow } from '../../services/useRefreshOnShow';
import { NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, type NoticeCategory } from '../../shared/contracts-notice';

const ALL = 'all';
const CATEGORY_OPTIONS = [{ value: ALL, label: '全部' }, ...NOTICE_CATEGORIES.map((key) => ({ value: key, label: NOTICE_CATEGORY_LABELS[key] }))];

function unreadText(count: number): string {
  return count > 0 ? `有${count}条通知您还没读，标着“未读”。` : '通知您都读过了。';
}

/** 通知公告: pinned first, then newest; each says 未读 until opened. A category filter and pages of 20. */
export default function Notices() {
  const [category, setCategory] = useState<NoticeCategory | typeof ALL>(ALL);
  const [page, setPage] = useState(1);
  const { loading, error, data, retry } = useCloud('notice', 'list', category === ALL ? { page } : { category, page });
  useRefreshOnShow(retry);
  useTabBadge('home', 'notices', data?.unreadCount);
  const choose = (value: string) => {
    setCategory(value as NoticeCategory | typeof ALL);
    setPage(1);
  };
  return (
    <Page>
      <PageTitle title='通知公告' intro={data ? unreadText(data.unreadCount) : undefined} />
      <ChoiceChips label='按类别看' options={CATEGORY_OPTIONS} selected={[category]} onToggle={choose} />
      <StatusView loading={loading && !data} error={error} onRetry={retry} empty={data?.items.length === 0} emptyText='这一类现在没有通知'>
        {data ? (
          <>
            {data.items.map((notice) => (
              <NoticeCard key={notice.id} notice={notice} onClick={() => openPage('notice', { id: notice.id })} />
            ))}
            <MorePages page={page} pageSize={data.pageSize} total={data.total} noun='通知' onPage={setPage} />
          </>
        ) : null}
      </StatusView>
      <BigButton kind='secondary' onClick={() => goTo('home')}>
        回到首页
      </BigButton>
    </Page>
  );
}
