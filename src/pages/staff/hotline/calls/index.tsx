import { useState } from 'react';
import { BigButton } from '../../../../components/BigButton';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { Pager } from '../../../../components/Pager';
import { Section } from '../../../../components/Section';
import { staffScreen } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { openPage } from '../../../../services/routes';
import { useCloud } from '../../../../services/useCloud';
import { useRefreshOnShow } from '../../../../services/useRefreshOnShow';
import type { CallsRequest } from '../../../../shared/contracts-hotline';
import { CallCard } from '../call-card';
import '../../staff.scss';

const VIEWS = [
  { value: 'open', label: '待回访' },
  { value: 'all', label: '全部来电' },
] as const;

function Calls() {
  const [query, setQuery] = useState<CallsRequest>({ view: 'open', page: 1 });
  const { loading, error, data, retry } = useCloud('hotline', 'calls', query);
  useRefreshOnShow(retry);
  const open = query.view === 'open';
  return (
    <>
      <BigButton onClick={() => openPage('staffCallLog')}>记录一次来电</BigButton>
      <ChoiceChips label='看哪些' options={VIEWS} selected={[query.view]} onToggle={(view) => setQuery({ view, page: 1 })} />
      <StatusView loading={loading && !data} error={error} onRetry={retry}>
        {data ? (
          <Section
            title={open ? `待回访（${data.total}条，等得最久的在上面）` : `全部来电（${data.total}条，最新的在上面）`}
            emptyText={open ? '没有要回访的来电' : '还没有记录来电'}
            count={data.items.length}
          >
            {data.items.map((call) => (
              <CallCard key={call.id} call={call} onFollowUpDone={retry} />
            ))}
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setQuery((q) => ({ ...q, page }))} />
          </Section>
        ) : null}
      </StatusView>
    </>
  );
}

/** 服务热线: the open follow-ups (oldest first) or every call, marking a follow-up done, and the way to log a call. */
export default staffScreen({ title: '服务热线', intro: '老同志打来电话，接完就记。要回访的办完后写上回访情况。' }, Calls);
