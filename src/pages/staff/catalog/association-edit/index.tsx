import { useState } from 'react';
import { BigButton } from '../../../../components/BigButton';
import { ChoiceChips, type Choice } from '../../../../components/ChoiceChips';
import { SaveButton } from '../../../../components/form/SaveButton';
import { TextArea } from '../../../../components/TextArea';
import { TextField } from '../../../../components/TextField';
import { openPage } from '../../../../services/routes';
import { fieldProblem, type FormProblem, useSave } from '../../../../services/useSave';
import type { SaveAssociationRequest, StaffAssociationRow } from '../../../../shared/contracts-staff';
import { editorPage, Saved, type EditorInput } from '../EditorShell';
import '../../staff.scss';

type JoinMode = SaveAssociationRequest['joinMode'];
const JOIN_MODES: ReadonlyArray<Choice<JoinMode>> = [
  { value: 'open', label: '报名即入会' },
  { value: 'approval', label: '入会要审核' },
];

type Draft = Omit<SaveAssociationRequest, 'associationId' | 'joinMode'> & { joinMode: JoinMode | '' };

function requestOf(d: Draft, row: StaffAssociationRow | null): SaveAssociationRequest | FormProblem {
  if (!d.name.trim()) return fieldProblem('name', '请填写协会名称');
  if (!d.leaderName.trim()) return fieldProblem('leaderName', '请填写会长');
  if (!d.joinMode) return fieldProblem('joinMode', '请选择入会方式');
  if (!d.purpose.trim()) return fieldProblem('purpose', '请填写协会宗旨');
  return { ...d, joinMode: d.joinMode, ...(row ? { associationId: row.id } : {}) };
}

function Editor({ row, saveLabel }: EditorInput<'association'>) {
  const [draft, setDraft] = useState<Draft>({
    name: row?.name ?? '',
    purpose: row?.purpose ?? '',
    leaderName: row?.leaderName ?? '',
    meetingSchedule: row?.meetingSchedule ?? '',
    // a new association has no join mode until staff choose one
    joinMode: row?.joinMode ?? '',
  });
  const { save, problem, saved, submit, errorOf } = useSave('staff', 'saveAssociation');
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  if (saved) {
    return (
      <Saved
        notice={row ? `“${saved.name}”的修改已保存` : `“${saved.name}”已发布，老同志在“协会”里就能看到并申请加入`}
        roster={{ label: '看会员名单', kind: 'association', id: saved.id }}
        back={{ label: '回到协会与服务队', route: 'staffGroups' }}
      />
    );
  }
  return (
    <>
      {row ? (
        <BigButton kind='secondary' onClick={() => openPage('staffGroupRoster', { kind: 'association', id: row.id })}>
          {`看会员名单（${row.memberCount}人）`}
        </BigButton>
      ) : null}
      <TextField name='name' error={errorOf('name')} label='协会名称' value={draft.name} onChange={(name) => set({ name })} maxLength={30} />
      <TextField name='leaderName' error={errorOf('leaderName')} label='会长' value={draft.leaderName} onChange={(leaderName) => set({ leaderName })} maxLength={20} />
      <TextField label='活动时间（可以不写）' value={draft.meetingSchedule} onChange={(meetingSchedule) => set({ meetingSchedule })} maxLength={60} hint='例如：每月第一个周三上午' />
      <ChoiceChips name='joinMode' error={errorOf('joinMode')} label='入会方式' options={JOIN_MODES} selected={draft.joinMode ? [draft.joinMode] : []} onToggle={(joinMode) => set({ joinMode })} />
      <TextArea name='purpose' error={errorOf('purpose')} label='协会宗旨' value={draft.purpose} onChange={(purpose) => set({ purpose })} maxLength={300} />
      <SaveButton label={saveLabel} onClick={() => void submit(requestOf(draft, row))} pending={save.pending} problem={problem} error={save.error} />
    </>
  );
}

/** 发布协会 / 修改协会: name, 会长, meeting time, join mode (open or approval), purpose. */
export default editorPage({ kind: 'association', noun: '协会', emptyText: '没有找到这个协会' }, Editor);
