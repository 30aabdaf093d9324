import { useState } from 'react';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { ChoiceChips, optionsOf } from '../../../../components/ChoiceChips';
import { Notice } from '../../../../components/Notice';
import { Section } from '../../../../components/Section';
import { TextArea } from '../../../../components/TextArea';
import { TextField } from '../../../../components/TextField';
import { SaveButton } from '../../../../components/form/SaveButton';
import { WhenField } from '../../../../components/form/WhenField';
import { TwoStepButton } from '../../../../components/TwoStepButton';
import { formatDateTime } from '../../../../services/format';
import { openPage } from '../../../../services/routes';
import { useAction } from '../../../../services/useAction';
import { fieldProblem, type FormProblem, useSave } from '../../../../services/useSave';
import type { SaveActivityRequest, StaffActivityRow } from '../../../../shared/contracts-staff';
import { dayFromToday, instantOf, isDay, partsOf, placesLine, wholeOf } from '../../form-values';
import { editorPage, Saved, type EditorInput } from '../EditorShell';
import '../../staff.scss';

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
    // no category chosen yet: publishing under a wrong one is easy to miss
    return {
      title: '', kind: '', description: '', place: '', day: dayFromToday(7), start: '09:00', endDay: '', end: '11:00',
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

/** The request, or the first thing to fix, by its field. */
function requestOf(d: Draft, row: StaffActivityRow | null): SaveActivityRequest | FormProblem {
  if (!d.title.trim()) return fieldProblem('title', '请填写活动名称');
  if (!d.kind) return fieldProblem('kind', '请选择活动类别');
  if (!d.place.trim()) return fieldProblem('place', '请填写地点');
  const startAt = instantOf(d.day, d.start);
  if (!startAt) return isDay(d.day) ? fieldProblem('start', '请选择开始时间') : fieldProblem('day', '请选择活动日期');
  const endAt = instantOf(d.endDay.trim() || d.day, d.end);
  if (!endAt) return d.endDay.trim() && !isDay(d.endDay.trim()) ? fieldProblem('endDay', '结束日期不对，请重新选择') : fieldProblem('end', '请选择结束时间');
  const signupDeadline = instantOf(d.deadlineDay, d.deadline);
  if (!signupDeadline) return isDay(d.deadlineDay) ? fieldProblem('deadline', '请选择报名截止时间') : fieldProblem('deadlineDay', '请选择报名截止日期');
  if (Date.parse(endAt) <= Date.parse(startAt)) return fieldProblem('end', '结束时间要晚于开始时间');
  if (Date.parse(signupDeadline) > Date.parse(startAt)) return fieldProblem('deadlineDay', '报名截止不能晚于活动开始');
  const seats = wholeOf(d.seats, 1, 10000);
  if (seats === null) return fieldProblem('seats', '名额请填1到10000之间的整数');
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

function Editor({ row, saveLabel }: EditorInput<'activity'>) {
  const [draft, setDraft] = useState(() => draftOf(row));
  const [cancelled, setCancelled] = useState<string | null>(null);
  const { save, problem, saved, submit, errorOf } = useSave('staff', 'saveActivity');
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const kinds = !draft.kind || KINDS.includes(draft.kind) ? KINDS : [...KINDS, draft.kind];

  if (saved || cancelled) {
    return (
      <Saved
        notice={cancelled ?? (row ? '修改已保存，老同志看到的是新的内容' : '活动已发布，老同志在首页和活动页就能看到并报名')}
        roster={{ label: '看报名名单', kind: 'activity', id: saved?.id ?? row?.id ?? '' }}
        back={{ label: '回到活动管理', route: 'staffActivities' }}
      >
        {saved ? <Card title={saved.title} lines={[`${formatDateTime(saved.startAt)} · ${saved.place}`, placesLine(saved)]} /> : null}
      </Saved>
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
      <TextField name='title' error={errorOf('title')} label='活动名称' value={draft.title} onChange={(title) => set({ title })} maxLength={40} />
      <ChoiceChips name='kind' error={errorOf('kind')} label='活动类别' hint='请选一个' options={optionsOf(kinds)} selected={[draft.kind]} onToggle={(kind) => set({ kind })} />
      <TextField name='place' error={errorOf('place')} label='地点' value={draft.place} onChange={(place) => set({ place })} maxLength={60} />
      <WhenField mode='date' name='day' error={errorOf('day')} label='活动日期' value={draft.day} onChange={(day) => set({ day })} />
      <WhenField mode='time' name='start' error={errorOf('start')} label='开始时间' value={draft.start} onChange={(start) => set({ start })} />
      <WhenField mode='time' name='end' error={errorOf('end')} label='结束时间' value={draft.end} onChange={(end) => set({ end })} />
      <WhenField mode='date' name='endDay' error={errorOf('endDay')} label='结束日期（当天结束不用选）' value={draft.endDay} onChange={(endDay) => set({ endDay })} />
      <WhenField mode='date' name='deadlineDay' error={errorOf('deadlineDay')} label='报名截止日期' value={draft.deadlineDay} onChange={(deadlineDay) => set({ deadlineDay })} />
      <WhenField mode='time' name='deadline' error={errorOf('deadline')} label='报名截止时间' value={draft.deadline} onChange={(deadline) => set({ deadline })} />
      <TextField name='seats' error={errorOf('seats')} label='名额（人）' value={draft.seats} onChange={(seats) => set({ seats })} numeric maxLength={5} />
      <ChoiceChips
        label='没报名的能不能到现场参加'
        options={[{ value: 'no', label: '只限报名的人' }, { value: 'yes', label: '可以现场参加' }]}
        selected={[draft.walkUp ? 'yes' : 'no']}
        onToggle={(value) => set({ walkUp: value === 'yes' })}
      />
      <TextArea label='活动介绍（可以不写）' value={draft.description} onChange={(description) => set({ description })} maxLength={1000} />
      <SaveButton label={saveLabel} onClick={() => void submit(requestOf(draft, row))} pending={save.pending} problem={problem} error={save.error} />
      {row ? <CancelActivity row={row} onCancelled={setCancelled} /> : null}
    </>
  );
}

/** 发布活动 / 修改活动 / 取消活动 (with a reason; everyone signed up is told). */
export default editorPage({ kind: 'activity', noun: '活动', emptyText: '没有找到这个活动' }, Editor);
