import { useState } from 'react';
import { Card } from '../../../../components/Card';
import type { Choice } from '../../../../components/ChoiceChips';
import { Notice } from '../../../../components/Notice';
import { FilteredList } from '../../../../components/PagedList';
import { staffScreen } from '../../../../components/StaffPage';
import { TwoStepButton } from '../../../../components/TwoStepButton';
import { formatDateTime } from '../../../../services/format';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import { useFilterPage } from '../../../../services/useFilterPage';
import type { DeletionRequestRow, DeletionRequestStatus } from '../../../../shared/contracts-roster';
import '../../staff.scss';

function Request({ item }: { item: DeletionRequestRow }) {
  const confirm = useAction('roster', 'confirmDeletion');
  const [done, setDone] = useState<string | null>(null);
  const onConfirm = async () => {
    const result = await confirm.run({ requestId: item.id });
    if (result?.ok) setDone(`已注销，个人信息已删除（删除了${result.data.accountsRemoved}个微信账号）`);
  };
  return (
    <Card
      title={item.rosterNo ? `${item.memberName}（${item.rosterNo}）` : item.memberName}
      lines={[
        item.town ? `乡镇街道：${item.town}` : null,
        `原因：${item.reason || '没有写'}`,
        `申请时间：${formatDateTime(item.requestedAt)}`,
        item.doneAt ? `${item.doneBy ?? ''}于${formatDateTime(item.doneAt)}确认注销` : null,
      ]}
    >
      {confirm.error ? <Notice kind='error'>{confirm.error.message}</Notice> : null}
      {done ? <Notice kind='done'>{done}</Notice> : null}
      {item.status === 'pending' && !done ? (
        <TwoStepButton
          label='确认注销'
          question={`确认后将删除${item.memberName}的个人信息和微信绑定，统计数字保留，不能恢复。确定吗？`}
          confirmLabel='确定注销'
          keepLabel='先不注销'
          pending={confirm.pending}
          onConfirm={() => void onConfirm()}
        />
      ) : null}
    </Card>
  );
}

function Deletions() {
  const { filter: status, page, setPage, choose } = useFilterPage<DeletionRequestStatus>('pending');
  const state = useCloud('roster', 'deletionRequests', { status, page });
  const { data } = state;
  const options: Choice<DeletionRequestStatus>[] = [
    { value: 'pending', label: data ? `待确认（${data.pendingCount}）` : '待确认' },
    { value: 'done', label: '已注销' },
  ];
  return (
    <FilteredList label='显示' options={options} selected={status} onChoose={choose} state={state} onPage={setPage} emptyText='这里没有注销申请'
      renderItem={(item) => <Request key={item.id} item={item} />} />
  );
}

/** 注销确认: members asked for their account to be deleted (PIPL); staff confirm, personal fields are erased. */
export default staffScreen({ title: '注销确认', intro: '老同志申请注销账号。确认后删除个人信息，统计数字保留。' }, Deletions);
