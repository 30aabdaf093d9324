import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/BigButton';
import { CallButtons } from '../../../components/CallButtons';
import { Card } from '../../../components/Card';
import { ChoiceChips } from '../../../components/ChoiceChips';
import { Notice } from '../../../components/Notice';
import { PagedList } from '../../../components/PagedList';
import { StaffPage } from '../../../components/StaffPage';
import { useAction } from '../../../services/useAction';
import { useCloud } from '../../../services/useCloud';
import type { DeliveryRow, DeliverySource } from '../../../shared/contracts-branch';
import { deliveryLines } from '../meeting-values';
import '../../staff/staff.scss';

/** One member to visit or call: the number to tap, and 已上门 / 已电话 once done. */
function Entry({ source, row, onDone }: { source: DeliverySource; row: DeliveryRow; onDone: () => void }) {
  const mark = useAction('branch', 'markDelivered');
  const done = async (how: 'visit' | 'call') => {
    const answer = await mark.run({ source, memberId: row.memberId, how });
    if (answer?.ok) onDone();
  };
  return (
    <Card title={row.name} lines={deliveryLines(row)} badge={row.done ? '已送学' : '待送学'}>
      {row.done ? null : (
        <>
          <CallButtons numbers={[row.phone]} label={`给${row.name}打电话`} />
          {mark.error ? <Notice kind='error'>{mark.error.message}</Notice> : null}
          <BigButton onClick={() => void done('visit')}>{mark.pending ? '正在保存…' : '已上门送学'}</BigButton>
          <BigButton kind='secondary' onClick={() => void done('call')}>
            已电话送学
          </BigButton>
        </>
      )}
    </Card>
  );
}

/** 送学上门: branch members who neither attended the meeting nor read its material (or who have not read a material). */
export default function BranchDeliveries() {
  const { params } = useRouter();
  const source: DeliverySource = { kind: params.kind === 'material' ? 'material' : 'meeting', id: params.id ?? '' };
  const [filter, setFilter] = useState<'todo' | 'done'>('todo');
  const [page, setPage] = useState(1);
  const state = useCloud('branch', 'deliveries', { source, filter, page });
  const data = state.data;
  const why = source.kind === 'meeting' ? '没来开会、也没读学习资料的党员' : '还没读这份学习资料的党员';
  return (
    <StaffPage title='送学上门' intro={`下面是${why}。请上门或打电话把学习内容送到，办好后点“已上门送学”或“已电话送学”。`} loadError={state.error}>
      {data ? <Card title={data.title} lines={[data.branchName, `待送学${data.todo}人，已送学${data.done}人`]} /> : null}
      <ChoiceChips
        label='看哪些人'
        options={[
          { value: 'todo', label: `待送学${data ? `（${data.todo}）` : ''}` },
          { value: 'done', label: `已送学${data ? `（${data.done}）` : ''}` },
        ]}
        selected={[filter]}
        onToggle={(value) => {
          setFilter(value);
          setPage(1);
        }}
      />
      <PagedList
        state={state}
        onPage={setPage}
        emptyText={filter === 'todo' ? '没有要送学的党员了' : '还没有送学记录'}
        renderItem={(row) => <Entry key={row.memberId} source={source} row={row} onDone={state.retry} />}
      />
    </StaffPage>
  );
}
