import { useState } from 'react';
import { BigButton } from '../../../components/BigButton';
import { LinkCard } from '../../../components/LinkCard';
import { Notice } from '../../../components/Notice';
import { PagedList } from '../../../components/PagedList';
import { StaffPage } from '../../../components/StaffPage';
import { TextField } from '../../../components/TextField';
import { openPage } from '../../../services/routes';
import { useAction } from '../../../services/useAction';
import { useCloud } from '../../../services/useCloud';
import { useRefreshOnShow } from '../../../services/useRefreshOnShow';
import { BRANCH_NAME_MAX } from '../../../shared/contracts-branch';
import '../../staff/staff.scss';

/** Staff add a branch by its name (members come with the roster's 党支部 column or are added on its page). */
function NewBranch({ onSaved }: { onSaved: () => void }) {
  const [name, setName] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const save = useAction('branch', 'saveBranch');
  const submit = async () => {
    if (!name.trim()) return;
    const answer = await save.run({ name: name.trim() });
    if (answer?.ok) {
      setDone(answer.data.name);
      setName('');
      onSaved();
    }
  };
  return (
    <>
      <TextField label='新建党支部：支部名称' value={name} onChange={setName} maxLength={BRANCH_NAME_MAX} hint='例如：城关镇离退休干部第一党支部' />
      {save.error ? <Notice kind='error'>{save.error.message}</Notice> : null}
      {done ? <Notice kind='done'>{`已建好“${done}”`}</Notice> : null}
      <BigButton kind='secondary' onClick={() => void submit()}>
        {save.pending ? '正在保存…' : '建好这个党支部'}
      </BigButton>
    </>
  );
}

/** 党支部: staff see every branch; a branch secretary their own. */
export default function Branches() {
  const [page, setPage] = useState(1);
  const state = useCloud('branch', 'branches', { page });
  useRefreshOnShow(state.retry);
  return (
    <StaffPage title='党支部' intro='点开一个党支部，看党员名单、安排会议、发学习资料、查送学上门名单。' loadError={state.error}>
      <PagedList
        state={state}
        onPage={setPage}
        emptyText='还没有党支部。导入花名册时填“党支部”一列会自动建好'
        renderItem={(b) => (
          <LinkCard
            key={b.id}
            title={b.name}
            lines={[`党员${b.members}人`, b.secretaryName ? `支部书记：${b.secretaryName}` : '还没有设支部书记']}
            more='打开这个党支部'
            onClick={() => openPage('branchDetail', { id: b.id })}
          />
        )}
      />
      {state.data?.canManage ? <NewBranch onSaved={state.retry} /> : null}
    </StaffPage>
  );
}
