import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/BigButton';
import { Card } from '../../../components/Card';
import { ChoiceChips } from '../../../components/ChoiceChips';
import { Notice } from '../../../components/Notice';
import { StaffPage } from '../../../components/StaffPage';
import { StatusView } from '../../../components/StatusView';
import { TextArea } from '../../../components/TextArea';
import { TextField } from '../../../components/TextField';
import { WhenField } from '../../../components/form/WhenField';
import { openPage } from '../../../services/routes';
import { useAction } from '../../../services/useAction';
import { useCloud } from '../../../services/useCloud';
import {
  MEETING_AGENDA_MAX,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  meetingTimesProblem,
  type MaterialRow,
  type MeetingDetail,
  type MeetingKind,
  type MeetingRow,
  type SaveMeetingRequest,
} from '../../../shared/contracts-branch';
import { dayFromToday, instantOf, partsOf } from '../../staff/form-values';
import { meetingLines } from '../meeting-values';
import '../../staff/staff.scss';

const NO_MATERIAL = 'none';

interface Draft {
  kind: MeetingKind | null;
  title: string;
  agenda: string;
  place: string;
  day: string;
  start: string;
  end: string;
  materialId: string;
}

function draftOf(detail: MeetingDetail | null): Draft {
  if (!detail) return { kind: null, title: '', agenda: '', place: '', day: dayFromToday(7), start: '09:00', end: '11:00', materialId: NO_MATERIAL };
  const m = detail.meeting;
  const start = partsOf(m.startAt);
  return {
    kind: m.kind, title: m.title, agenda: detail.agenda, place: m.place, day: start.day, start: start.clock, end: partsOf(m.endAt).clock,
    materialId: detail.material?.id ?? NO_MATERIAL,
  };
}

/** The request, or the first thing to fix in plain words. */
function requestOf(d: Draft, branchId: string, meetingId: string): SaveMeetingRequest | string {
  if (!d.kind) return '请选择会议类别';
  if (!d.title.trim()) return '请填写会议主题';
  if (!d.agenda.trim()) return '请填写会议议程';
  if (!d.place.trim()) return '请填写地点';
  const startAt = instantOf(d.day, d.start);
  const endAt = instantOf(d.day, d.end);
  if (!startAt || !endAt) return '请选择日期、开始时间和结束时间';
  const problem = meetingTimesProblem(startAt, endAt);
  if (problem) return problem;
  const request: SaveMeetingRequest = {
    branchId, kind: d.kind, title: d.title.trim(), agenda: d.agenda.trim(), place: d.place.trim(), startAt, endAt,
    materialId: d.materialId === NO_MATERIAL ? '' : d.materialId,
  };
  if (meetingId) request.meetingId = meetingId;
  return request;
}

function Editor({ branchId, detail, materials }: { branchId: string; detail: MeetingDetail | null; materials: MaterialRow[] }) {
  const [draft, setDraft] = useState(() => draftOf(detail));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<MeetingRow | null>(null);
  const save = useAction('branch', 'saveMeeting');
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const meetingId = detail?.meeting.id ?? '';
  if (saved) {
    return (
      <>
        <Notice kind='done'>{meetingId ? '修改已保存' : '会议已安排好，支部党员在“我的党支部”里能看到'}</Notice>
        <Card title={saved.title} lines={meetingLines(saved)} />
        <BigButton onClick={() => openPage('branchMeeting', { id: saved.id })}>打开这次会议</BigButton>
      </>
    );
  }
  const submit = async () => {
    const request = requestOf(draft, branchId, meetingId);
    if (typeof request === 'string') return setProblem(request);
    setProblem(null);
    const answer = await save.run(request);
    if (answer?.ok) setSaved(answer.data);
  };
  const materialOptions = [{ value: NO_MATERIAL, label: '不指定学习资料' }, ...materials.map((m) => ({ value: m.id, label: m.title }))];
  return (
    <>
      <ChoiceChips
        label='会议类别'
        options={MEETING_KINDS.map((value) => ({ value, label: MEETING_KIND_LABELS[value] }))}
        selected={draft.kind ? [draft.kind] : []}
        onToggle={(kind) => set({ kind })}
      />
      <TextField label='会议主题' value={draft.title} onChange={(title) => set({ title })} maxLength={40} hint='例如：学习党的二十届三中全会精神' />
      <TextArea label='会议议程' value={draft.agenda} onChange={(agenda) => set({ agenda })} maxLength={MEETING_AGENDA_MAX} hint='一行写一项' />
      <TextField label='地点' value={draft.place} onChange={(place) => set({ place })} maxLength={60} />
      <WhenField mode='date' label='日期' value={draft.day} onChange={(day) => set({ day })} />
      <WhenField mode='time' label='开始时间' value={draft.start} onChange={(start) => set({ start })} />
      <WhenField mode='time' label='结束时间' value={draft.end} onChange={(end) => set({ end })} />
      <ChoiceChips label='这次学习的资料' options={materialOptions} selected={[draft.materialId]} onToggle={(materialId) => set({ materialId })} hint='没来开会、也没读资料的党员会列进送学上门名单' />
      {problem ? <Notice kind='error'>{problem}</Notice> : null}
      {save.error && !problem ? <Notice kind='error'>{save.error.message}</Notice> : null}
      <BigButton onClick={() => void submit()}>{save.pending ? '正在保存…' : meetingId ? '保存修改' : '安排好这次会议'}</BigButton>
    </>
  );
}

function NewMeeting({ branchId }: { branchId: string }) {
  const { loading, error, data, retry } = useCloud('branch', 'branch', { branchId });
  return (
    <StatusView loading={loading} error={error} onRetry={retry}>
      {data ? (
        <>
          <Card title={data.branch.name} lines={[`党员${data.branch.members}人`]} />
          <Editor branchId={branchId} detail={null} materials={data.materials} />
        </>
      ) : null}
    </StatusView>
  );
}

function EditMeeting({ meetingId }: { meetingId: string }) {
  const { loading, error, data, retry } = useCloud('branch', 'meeting', { meetingId });
  return (
    <StatusView loading={loading} error={error} onRetry={retry}>
      {data ? <Editor branchId={data.meeting.branchId} detail={data} materials={data.materials} /> : null}
    </StatusView>
  );
}

/** 安排会议 / 修改会议 of a branch (staff or the branch's secretary): 三会一课, 主题党日. */
export default function BranchMeetingEdit() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <StaffPage title={id ? '修改会议' : '安排会议'} intro='写好后点最下面的按钮。'>
      {id ? <EditMeeting meetingId={id} /> : <NewMeeting branchId={params.branch ?? ''} />}
    </StaffPage>
  );
}
