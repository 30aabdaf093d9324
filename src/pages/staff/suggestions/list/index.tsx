import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../../components/BigButton';
import { LinkCard } from '../../../../components/LinkCard';
import { Notice } from '../../../../components/Notice';
import { FilteredList } from '../../../../components/PagedList';
import { StaffPage } from '../../../../components/StaffPage';
import { formatDate } from '../../../../services/format';
import { openPage } from '../../../../services/routes';
import { useCloud } from '../../../../services/useCloud';
import { useFilterPage } from '../../../../services/useFilterPage';
import { useRefreshOnShow } from '../../../../services/useRefreshOnShow';
import type { QueueItem } from '../../../../shared/contracts-suggestion';
import { SUGGESTION_STATUS_LABELS, SUGGESTION_STATUS_ORDER, type SuggestionStatus } from '../../../../shared/suggestion-rules';
import '../../staff.scss';

function Item({ item }: { item: QueueItem }) {
  const status = item.outcomeLabel ? `${item.statusLabel}（${item.outcomeLabel}）` : item.statusLabel;
  return (
    <View className={item.overdue || item.escalated ? 'staff-overdue' : undefined}>
      <LinkCard
        title={`${item.trackingNo} ${item.category}`}
        lines={[
          item.excerpt,
          `${item.authorName} · ${formatDate(item.submittedAt)}提交，已${item.ageDays}天`,
          item.department ? `交办：${item.department}` : null,
        ]}
        badge={item.escalated ? `久未办理，已上报 · ${status}` : item.overdue ? `超期未受理 · ${status}` : status}
        more='查看和办理'
        onClick={() => openPage('staffSuggestion', { suggestionId: item.id })}
      />
    </View>
  );
}

/** '' = every open one; 'overdue' = the 工作台's 建议超期未受理 card */
type QueueFilter = SuggestionStatus | '' | 'overdue';
const FILTERS: readonly string[] = ['', 'overdue', ...SUGGESTION_STATUS_ORDER];

function requestOf(filter: QueueFilter, page: number) {
  if (filter === 'overdue') return { overdue: true, page };
  return filter ? { status: filter, page } : { page };
}

function Queue({ initial }: { initial: QueueFilter }) {
  const { filter: status, page, setPage, choose } = useFilterPage<QueueFilter>(initial);
  const state = useCloud('suggestion', 'queue', requestOf(status, page));
  const { data } = state;
  useRefreshOnShow(state.retry);
  const counts = data?.counts;
  const open = counts ? counts.submitted + counts.accepted + counts.inProgress : null;
  const options = [
    { value: '', label: open === null ? '待办理' : `待办理（${open}）` },
    { value: 'overdue', label: data ? `超期未受理（${data.overdueCount}）` : '超期未受理' },
    ...SUGGESTION_STATUS_ORDER.map((s) => ({ value: s, label: counts ? `${SUGGESTION_STATUS_LABELS[s]}（${counts[s]}）` : SUGGESTION_STATUS_LABELS[s] })),
  ];
  return (
    <>
      <BigButton kind='secondary' onClick={() => openPage('staffRates')}>
        办理情况统计
      </BigButton>
      <FilteredList
        label='显示'
        options={options}
        selected={status}
        onChoose={(value) => choose(value as QueueFilter)}
        state={state}
        onPage={setPage}
        emptyText='这里没有建议'
        renderItem={(item) => <Item key={item.id} item={item} />}
      >
        {data?.overdueCount ? <Notice kind='error'>{`有${data.overdueCount}条建议超过3个工作日还没受理，排在最前面，请尽快受理`}</Notice> : null}
      </FilteredList>
    </>
  );
}

/** 建言献策工作台: the queue by status and age; overdue ones stand out. */
export default function StaffSuggestions() {
  const filter = useRouter().params.filter ?? '';
  return (
    <StaffPage title='建言献策工作台' intro='老同志的建议按状态和时间排列。提交后3个工作日内要受理。'>
      <Queue initial={FILTERS.includes(filter) ? (filter as QueueFilter) : ''} />
    </StaffPage>
  );
}
