import { useState } from 'react';
import { ActingBanner } from '../../components/ActingBanner';
import { BigButton } from '../../components/BigButton';
import { LinkCard } from '../../components/LinkCard';
import { MorePages } from '../../components/MorePages';
import { Page } from '../../components/Page';
import { PageTitle } from '../../components/PageTitle';
import { StatusView } from '../../components/StatusView';
import { formatDate } from '../../services/format';
import { openPage } from '../../services/routes';
import { useCloud } from '../../services/useCloud';
import { useRefreshOnShow } from '../../services/useRefreshOnShow';
import type { SuggestionSummary } from '../../shared/contracts-suggestion';

function statusText(item: SuggestionSummary): string {
  return item.outcomeLabel ? `${item.statusLabel}，${item.outcomeLabel}` : item.statusLabel;
}

/** 我的建议: newest first, each with its tracking number and status; a tap opens the timeline and the reply. */
export default function MySuggestions() {
  const [page, setPage] = useState(1);
  const { loading, error, data, retry } = useCloud('suggestion', 'mine', { page });
  useRefreshOnShow(retry);
  return (
    <Page>
      <ActingBanner name={data?.actingFor?.name} doing='查看建议' />
      <PageTitle title='我的建议' intro='提过的建议都在这里，点开看办理进度和答复。' />
      <BigButton onClick={() => openPage('suggest')}>提一条新建议</BigButton>
      <StatusView loading={loading && !data} error={error} onRetry={retry} empty={data?.items.length === 0} emptyText='您还没有提过建议'>
        {data ? (
          <>
            {data.items.map((item) => (
              <LinkCard
                key={item.id}
                title={item.excerpt}
                lines={[`类别：${item.category}`, `受理编号：${item.trackingNo}`, `${formatDate(item.submittedAt)}提交`]}
                badge={statusText(item)}
                more='查看进度和答复'
                onClick={() => openPage('suggestion', { id: item.id })}
              />
            ))}
            <MorePages page={page} pageSize={data.pageSize} total={data.total} noun='建议' onPage={setPage} />
          </>
        ) : null}
      </StatusView>
    </Page>
  );
}
