import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { Notice } from '../../../../components/Notice';
import { StaffPage } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { TextArea } from '../../../../components/TextArea';
import { TextField } from '../../../../components/TextField';
import { WhenField } from '../../../../components/form/WhenField';
import { openPage } from '../../../../services/routes';
import { useAction } from '../../../../services/useAction';
import { useCloud } from '../../../../services/useCloud';
import type { SaveSessionRequest, SessionRow, SessionTeam } from '../../../../shared/contracts-checkin';
import { sessionTimesProblem } from '../../../../shared/schemas-checkin';
import { dayFromToday, instantOf, partsOf } from '../../form-values';
import { MODE_TEXT, sessionLines } from '../session-values';
import '../../staff.scss';

const ALL_POSTS = 'all';

interface Draft {
  postId: string;
  title: string;
  place: string;
  day: string;
  start: string;
  end: string;
  notes: string;
  mode: SessionRow['mode'];
}

function draftOf(row: SessionRow | null): Draft {
  if (!row) return { postId: ALL_POSTS, title: '', place: '', day: dayFromToday(1), start: '08:30', end: '11:30', notes: '', mode: 'scan' };
  const start = partsOf(row.startAt);
  return {
    postId: row.postId ?? ALL_POSTS, title: row.title, place: row.place, day: start.day, start: start.clock,
    end: partsOf(row.endAt).clock, notes: row.notes, mode: row.mode,
  };
}

/** The request, or the first thing to fix in plain words. */
function requestOf(d: Draft, team: SessionTeam, row: SessionRow | null): SaveSessionRequest | string {
  if (!d.title.trim()) return '请填写服务内容';
  if (!d.place.trim()) return '请填写服务地点';
  const startAt = instantOf(d.day, d.start);
  const endAt = instantOf(d.day, d.end);
  if (!startAt || !endAt) return '请选择日期、开始时间和结束时间';
  const problem = sessionTimesProblem(startAt, endAt);
  if (problem) return problem;
  const request: SaveSessionRequest = { teamId: team.id, title: d.title.trim(), place: d.place.trim(), startAt, endAt, notes: d.notes.trim(), mode: d.mode };
  if (d.postId !== ALL_POSTS) request.postId = d.postId;
  if (row) request.sessionId = row.id;
  return request;
}

function Editor({ team, row }: { team: SessionTeam; row: SessionRow | null }) {
  const [draft, setDraft] = useState(() => draftOf(row));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<SessionRow | null>(null);
  const save = useAction('checkin', 'saveSession');
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  if (saved) {
    return (
      <>
        <Notice kind='done'>{row ? '修改已保存' : '时段已建好，岗位上的老同志可以按时去服务了'}</Notice>
        <Card title={`${saved.teamName}·${saved.title}`} lines={sessionLines(saved)} />
        <BigButton onClick={() => openPage('staffSession', { id: saved.id })}>打开这个时段</BigButton>
        <BigButton kind='secondary' onClick={() => openPage('staffSessions')}>
          回到志愿服务时段
        </BigButton>
      </>
    );
  }
  const submit = async () => {
    const request = requestOf(draft, team, row);
    if (typeof request === 'string') return setProblem(request);
    setProblem(null);
    const answer = await save.run(request);
    if (answer?.ok) setSaved(answer.data);
  };
  const posts = [{ value: ALL_POSTS, label: '所有岗位' }, ...team.posts.map((p) => ({ value: p.id, label: p.name }))];
  return (
    <>
      <Card title={team.name} lines={[row ? '修改这个时段' : '给这个服务队安排一次服务']} />
      <ChoiceChips label='岗位' options={posts} selected={[draft.postId]} onToggle={(postId) => set({ postId })} />
      <TextField label='服务内容' value={draft.title} onChange={(title) => set({ title })} maxLength={30} hint='例如：综治中心值班' />
      <TextField label='服务地点' value={draft.place} onChange={(place) => set({ place })} maxLength={60} />
      <WhenField mode='date' label='日期' value={draft.day} onChange={(day) => set({ day })} />
      <WhenField mode='time' label='开始时间' value={draft.start} onChange={(start) => set({ start })} />
      <WhenField mode='time' label='结束时间' value={draft.end} onChange={(end) => set({ end })} />
      <ChoiceChips
        label='怎么记时长'
        options={(['scan', 'confirm'] as const).map((value) => ({ value, label: MODE_TEXT[value] }))}
        selected={[draft.mode]}
        onToggle={(mode) => set({ mode: mode === 'confirm' ? 'confirm' : 'scan' })}
      />
      <TextArea label='说明（可以不写）' value={draft.notes} onChange={(notes) => set({ notes })} maxLength={300} hint='例如：请带好工作证' />
      {problem ? <Notice kind='error'>{problem}</Notice> : null}
      {save.error && !problem ? <Notice kind='error'>{save.error.message}</Notice> : null}
      <BigButton onClick={() => void submit()}>{save.pending ? '正在保存…' : row ? '保存修改' : '建好这个时段'}</BigButton>
    </>
  );
}

function Load({ teamId, id }: { teamId: string; id: string }) {
  const { loading, error, data, retry } = useCloud('checkin', 'sessions', teamId ? { teamId } : {});
  const team = data?.teams.find((t) => t.id === data.teamId) ?? null;
  const row = id ? ([...(data?.upcoming ?? []), ...(data?.recent ?? [])].find((s) => s.id === id) ?? null) : null;
  const missing = Boolean(data) && (!team || (Boolean(id) && !row));
  return (
    <StatusView loading={loading} error={error} onRetry={retry} empty={missing} emptyText='没有找到这个时段，可能是60天以前的'>
      {team && (!id || row) ? <Editor team={team} row={row} /> : null}
    </StatusView>
  );
}

/** 新建时段 / 修改时段 of a team (staff). */
export default function StaffSessionEdit() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <StaffPage title={id ? '修改时段' : '新建时段'} intro='一次服务最长12小时。'>
      <Load teamId={params.team ?? ''} id={id} />
    </StaffPage>
  );
}
