import { Text, View } from '@tarojs/components';
import { BigButton } from '../../../../components/BigButton';
import { FilteredList } from '../../../../components/PagedList';
import { staffScreen } from '../../../../components/StaffPage';
import { openPage } from '../../../../services/routes';
import { useCloud } from '../../../../services/useCloud';
import { useFilterPage } from '../../../../services/useFilterPage';
import { useRefreshOnShow } from '../../../../services/useRefreshOnShow';
import type { CallsRequest } from '../../../../shared/contracts-hotline';
import { CallCard } from '../call-card';
import '../../staff.scss';

const VIEWS = [
  { value: 'open', label: '待回访' },
  { value: 'all', label: '全部来电' },
] as const;

function Calls() {
  const { filter: view, page, setPage, choose } = useFilterPage<CallsRequest['view']>('open');
  const state = useCloud('hotline', 'calls', { view, page });
  useRefreshOnShow(state.retry);
  const open = view === 'open';
  const total = state.data?.total;
  return (
    <>
      <BigButton onClick={() => openPage('staffCallLog')}>记录一次来电</BigButton>
      <FilteredList label='看哪些' options={VIEWS} selected={view} onChoose={choose} state={state} onPage={setPage}
        emptyText={open ? '没有要回访的来电' : '还没有记录来电'} renderItem={(call) => <CallCard key={call.id} call={call} onFollowUpDone={state.retry} />}>
        {total === undefined ? null : (
          <View className='section'>
            <Text className='section__title'>{open ? `待回访（${total}条，等得最久的在上面）` : `全部来电（${total}条，最新的在上面）`}</Text>
          </View>
        )}
      </FilteredList>
    </>
  );
}

/** 服务热线: the open follow-ups (oldest first) or every call, marking a follow-up done, and the way to log a call. */
export default staffScreen({ title: '服务热线', intro: '老同志打来电话，接完就记。要回访的办完后写上回访情况。' }, Calls);
