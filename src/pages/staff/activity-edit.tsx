import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../components/BigButton';
import { Card } from '../../components/Card';
import { ChoiceChips, optionsOf } from '../../components/ChoiceChips';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { StaffPage } from '../../components/StaffPage';
import { StatusView } from '../../components/StatusView';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { TwoStepButton } from '../../components/TwoStepButton';
import { formatDateTime } from '../../services/format';
import { openPage } from '../../services/routes';
import { useAction } from '../../services/useAction';
import { useSave } from '../../services/useSave';
import { useCloud } from '../../services/useCloud';
import type { SaveActivityRequest, StaffActivityRow } from '../../shared/contracts-staff';
import { dayFromToday, instantOf, partsOf, placesLine, wholeOf } from './form-values';
import './staff.scss';

const KINDS = ['门球赛', '乒乓球赛', '掼蛋', '象棋', '歌唱比赛', '书画展', '参观考察', '情况通报会', '座谈会', '健康查体', '荣退仪式', '讲座', '其他'];

interface Draft {
  title: string;
  kind: string;
  description: string;
  place: string;
  day: string;
  start: string;
  endDay: string;
  end: string;
  deadlineDay: string;
  deadline: string;
  seats: string;
  walkUp: boolean;
}

function draftOf(row: StaffActivityRow | null): Draft {
  if (!row) {
    return {
      title: '', kind: '座谈会', description: '', place: '', day: dayFromToday(7), start: '09:00', endDay: '', end: '11:00',
      deadlineDay: dayFromToday(6), deadline: '17:00', seats: '50', walkUp: false,
    };
  }
  const start = partsOf(row.startAt);
  const end = partsOf(row.endAt);
  const deadline = partsOf(row.signupDeadline);
  return {
    title: row.title, kind: row.kind, description: row.description, place: row.place, day: start.day, start: start.clock,
    endDay: end.day === start.day ? '' : end.day, end: end.clock, deadlineDay: deadline.day, deadline: deadline.clock,
    seats: String(row.seats), walkUp: row.walkUpAllowed,
  };
}

/** The request, or the first thing to fix in plain words. */
function requestOf(d: Draft, row: StaffActivityRow | null): SaveActivityRequest | string {
  if (!d.title.trim()) return '请填写活动名称';
  if (!d.place.trim()) return '请填写地点';
  const startAt = instantOf(d.day, d.start);
  const endAt = instantOf(d.endDay.trim() || d.day, d.end);
  const signupDeadline = instantOf(d.deadlineDay, d.deadline);
  if (!startAt || !endAt || !signupDeadline) return '日期请写成 2026-05-03，时间请写成 09:00';
  if (Date.parse(endAt) <= Date.parse(startAt)) return '结束时间要晚于开始时间';
  if (Date.parse(signupDeadline) > Date.parse(startAt)) return '报名截止不能晚于活动开始';
  const seats = wholeOf(d.seats, 1, 10000);
  if (seats === null) return '名额请填1到10000之间的整数';
  const request: SaveActivityRequest = {
    title: d.title.trim(), kind: d.kind, description: d.description.trim(), place: d.place.trim(), startAt, endAt, signupDeadline, seats, walkUpAllowed: d.walkUp,
  };
  if (row) request.activityId = row.id;
  if (row?.cancelCutoffHours !== null && row?.cancelCutoffHours !== undefined) request.cancelCutoffHours = row.cancelCutoffHours;
  return request;
}

function CancelActivity({ row, onCancelled }: { row: StaffActivityRow; onCancelled: (text: string) => void }) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const cancel = useAction('staff', 'cancelActivity');
  const people = row.placed + row.waitlisted;
  const confirm = async () => {
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    const answer = await cancel.run({ activityId: row.id, reason: reason.trim() });
    if (answer?.ok) {
      const { members, notified, already } = answer.data;
      onCancelled(already ? '这个活动之前已经取消了，没有再发通知。' : `活动已取消。已报名和候补的${members}人都会收到取消通知（发出${notified}条微信消息）。`);
    }
  };
  return (
    <Section title='取消活动' emptyText='' count={1}>
      <TextField label='取消原因（会告诉报名的人）' value={reason} onChange={setReason} maxLength={40} hint='例如：因天气原因取消' />
      {missing ? <Notice kind='error'>请先填写取消原因</Notice> : null}
      {cancel.error ? <Notice kind='error'>{cancel.error.message}</Notice> : null}
      <TwoStepButton
        label='取消这个活动'
        question={`确定取消“${row.title}”吗？已报名和候补的${people}人会收到取消通知。`}
        confirmLabel='确定取消活动'
        keepLabel='不取消'
        pending={cancel.pending}
        onConfirm={() => void confirm()}
      />
    </Section>
  );
}

function Editor({ row }: { row: StaffActivityRow | null }) {
  const [draft, setDraft] = useState(() => draftOf(row));
  const [cancelled, setCancelled] = useState<string | null>(null);
  const { save, problem, saved, submit } = useSave('staff', 'saveActivity');
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  if (saved || cancelled) {
    const id = saved?.id ?? row?.id ?? '';
    return (
      <>
        <Notice kind='done'>{cancelled ?? (row ? '修改已保存，老同志看到的是新的内容' : '活动已发布，老同志在首页和活动页就能看到并报名')}</Notice>
        {saved ? <Card title={saved.title} lines={[`${formatDateTime(saved.startAt)} · ${saved.place}`, placesLine(saved)]} /> : null}
        <BigButton onClick={() => openPage('staffGroupRoster', { kind: 'activity', id })}>看报名名单</BigButton>
        <BigButton kind='secondary' onClick={() => openPage('staffActivities')}>
          回到活动管理
        </BigButton>
      </>
    );
  }
  if (row?.status === 'cancelled') {
    return (
      <>
        <Notice>{`这个活动已经取消${row.cancelReason ? `，原因：${row.cancelReason}` : ''}。`}</Notice>
        <Card title={row.title} lines={[`${formatDateTime(row.startAt)} · ${row.place}`, placesLine(row)]} />
        <BigButton onClick={() => openPage('staffGroupRoster', { kind: 'activity', id: row.id })}>看报名名单</BigButton>
      </>
    );
  }
  return (
    <>
      {row ? <Card title={row.title} lines={[placesLine(row)]} /> : null}
      {row ? (
        <BigButton kind='secondary' onClick={() => openPage('staffGroupRoster', { kind: 'activity', id: row.id })}>
          看报名名单和签到情况
        </BigButton>
      ) : null}
      <TextField label='活动名称' value={draft.title} onChange={(title) => set({ title })} maxLength={40} />
      <ChoiceChips label='活动类别' options={optionsOf(KINDS)} selected={[draft.kind]} onToggle={(kind) => set({ kind })} />
      <TextField label='地点' value={draft.place} onChange={(place) => set({ place })} maxLength={60} />
      <TextField label='活动日期（年-月-日）' value={draft.day} onChange={(day) => set({ day })} maxLength={10} />
      <TextField label='开始时间（时:分）' value={draft.start} onChange={(start) => set({ start })} maxLength={5} />
      <TextField label='结束时间（时:分）' value={draft.end} onChange={(end) => set({ end })} maxLength={5} />
      <TextField label='结束日期（当天结束不用填）' value={draft.endDay} onChange={(endDay) => set({ endDay })} maxLength={10} />
      <TextField label='报名截止日期（年-月-日）' value={draft.deadlineDay} onChange={(deadlineDay) => set({ deadlineDay })} maxLength={10} />
      <TextField label='报名截止时间（时:分）' value={draft.deadline} onChange={(deadline) => set({ deadline })} maxLength={5} />
      <TextField label='名额（人）' value={draft.seats} onChange={(seats) => set({ seats })} numeric maxLength={5} />
      <ChoiceChips
        label='没报名的能不能到现场参加'
        options={[{ value: 'no', label: '只限报名的人' }, { value: 'yes', label: '可以现场参加' }]}
        selected={[draft.walkUp ? 'yes' : 'no']}
        onToggle={(value) => set({ walkUp: value === 'yes' })}
      />
      <TextArea label='活动介绍（可以不写）' value={draft.description} onChange={(description) => set({ description })} maxLength={1000} />
      {problem ? <Notice kind='error'>{problem}</Notice> : null}
      {save.error && !problem ? <Notice kind='error'>{save.error.message}</Notice> : null}
      <BigButton onClick={() => void submit(requestOf(draft, row))}>{save.pending ? '正在保存…' : row ? '保存修改' : '发布活动'}</BigButton>
      {row ? <CancelActivity row={row} onCancelled={setCancelled} /> : null}
    </>
  );
}

function EditActivity({ id }: { id: string }) {
  const { loading, error, data, retry } = useCloud('staff', 'catalog', {});
  const row = data?.activities.find((a) => a.id === id) ?? null;
  return (
    <StatusView loading={loading} error={error} onRetry={retry} empty={Boolean(data) && !row} emptyText='没有找到这个活动，可能是30天以前的活动'>
      {row ? <Editor row={row} /> : null}
    </StatusView>
  );
}

/** 发布活动 / 修改活动 / 取消活动 (with a reason; everyone signed up is told). */
export default function StaffActivityEdit() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <StaffPage askWho={!id} title={id ? '修改活动' : '发布活动'} intro='日期写成 2026-05-03，时间写成 09:00。写好后点“发布活动”。'>
      {id ? <EditActivity id={id} /> : <Editor row={null} />}
    </StaffPage>
  );
}
