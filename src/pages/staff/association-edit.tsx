import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../components/BigButton';
import { ChoiceChips } from '../../components/ChoiceChips';
import { Notice } from '../../components/Notice';
import { StaffPage } from '../../components/StaffPage';
import { StatusView } from '../../components/StatusView';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { openPage } from '../../services/routes';
import { useAction } from '../../services/useAction';
import { useCloud } from '../../services/useCloud';
import type { SaveAssociationRequest, StaffAssociationRow } from '../../shared/contracts-staff';
import './staff.scss';

const JOIN_MODES = [
  { value: 'open', label: '报名即入会' },
  { value: 'approval', label: '入会要审核' },
];

function Editor({ row }: { row: StaffAssociationRow | null }) {
  const [draft, setDraft] = useState<Omit<SaveAssociationRequest, 'associationId'>>({
    name: row?.name ?? '',
    purpose: row?.purpose ?? '',
    leaderName: row?.leaderName ?? '',
    meetingSchedule: row?.meetingSchedule ?? '',
    joinMode: row?.joinMode ?? 'open',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<StaffAssociationRow | null>(null);
  const save = useAction('staff', 'saveAssociation');
  const set = (change: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...change }));
  if (saved) {
    return (
      <>
        <Notice kind='done'>{row ? `“${saved.name}”的修改已保存` : `“${saved.name}”已发布，老同志在“协会”里就能看到并申请加入`}</Notice>
        <BigButton onClick={() => openPage('staffGroupRoster', { kind: 'association', id: saved.id })}>看会员名单</BigButton>
        <BigButton kind='secondary' onClick={() => openPage('staffGroups')}>
          回到协会与服务队
        </BigButton>
      </>
    );
  }
  const submit = async () => {
    const missing = !draft.name.trim() ? '请填写协会名称' : !draft.purpose.trim() ? '请填写协会宗旨' : !draft.leaderName.trim() ? '请填写会长' : null;
    setProblem(missing);
    if (missing) return;
    const answer = await save.run({ ...draft, ...(row ? { associationId: row.id } : {}) });
    if (answer?.ok) setSaved(answer.data);
  };
  return (
    <>
      {row ? (
        <BigButton kind='secondary' onClick={() => openPage('staffGroupRoster', { kind: 'association', id: row.id })}>
          {`看会员名单（${row.memberCount}人）`}
        </BigButton>
      ) : null}
      <TextField label='协会名称' value={draft.name} onChange={(name) => set({ name })} maxLength={30} />
      <TextField label='会长' value={draft.leaderName} onChange={(leaderName) => set({ leaderName })} maxLength={20} />
      <TextField label='活动时间（可以不写）' value={draft.meetingSchedule} onChange={(meetingSchedule) => set({ meetingSchedule })} maxLength={60} hint='例如：每月第一个周三上午' />
      <ChoiceChips label='入会方式' options={JOIN_MODES} selected={[draft.joinMode]} onToggle={(joinMode) => set({ joinMode: joinMode as SaveAssociationRequest['joinMode'] })} />
      <TextArea label='协会宗旨' value={draft.purpose} onChange={(purpose) => set({ purpose })} maxLength={300} />
      {problem ? <Notice kind='error'>{problem}</Notice> : null}
      {save.error && !problem ? <Notice kind='error'>{save.error.message}</Notice> : null}
      <BigButton onClick={() => void submit()}>{save.pending ? '正在保存…' : row ? '保存修改' : '发布协会'}</BigButton>
    </>
  );
}

function EditAssociation({ id }: { id: string }) {
  const { loading, error, data, retry } = useCloud('staff', 'catalog', {});
  const row = data?.associations.find((a) => a.id === id) ?? null;
  return (
    <StatusView loading={loading} error={error} onRetry={retry} empty={Boolean(data) && !row} emptyText='没有找到这个协会'>
      {row ? <Editor row={row} /> : null}
    </StatusView>
  );
}

/** 发布协会 / 修改协会: name, 会长, meeting time, join mode (open or approval), purpose. */
export default function StaffAssociationEdit() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <StaffPage askWho={!id} title={id ? '修改协会' : '发布协会'} intro='写好后点最下面的按钮。'>
      {id ? <EditAssociation id={id} /> : <Editor row={null} />}
    </StaffPage>
  );
}
