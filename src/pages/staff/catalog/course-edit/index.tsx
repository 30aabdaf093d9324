import { useState } from 'react';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { ChoiceChips, type Choice } from '../../../../components/ChoiceChips';
import { Notice } from '../../../../components/Notice';
import { TextField } from '../../../../components/TextField';
import { SaveButton } from '../../../../components/form/SaveButton';
import { WhenField } from '../../../../components/form/WhenField';
import { classTime } from '../../../../services/enrollFormat';
import { formatWeekday } from '../../../../services/format';
import { openPage } from '../../../../services/routes';
import { fieldProblem, type FormProblem, useSave } from '../../../../services/useSave';
import type { SaveCourseRequest, StaffCourseRow } from '../../../../shared/contracts-staff';
import { CLOCK, dayFromToday, instantOf, isDay, partsOf, placesLine, wholeOf } from '../../form-values';
import { editorPage, Saved, type EditorInput } from '../EditorShell';
import '../../staff.scss';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: formatWeekday(d) }));
const MODES: ReadonlyArray<Choice<Mode>> = [
  { value: 'firstCome', label: '先报先得' },
  { value: 'lottery', label: '报名截止后摇号' },
];

type Mode = SaveCourseRequest['mode'] & string;

interface Draft {
  title: string;
  campusId: string;
  teacher: string;
  weekday: string;
  from: string;
  to: string;
  place: string;
  seats: string;
  fee: string;
  opensDay: string;
  opens: string;
  closesDay: string;
  closes: string;
  mode: Mode | '';
}

function draftOf(row: StaffCourseRow | null, campuses: EditorInput<'course'>['campuses']): Draft {
  if (!row) {
    // campus (when there are several), weekday and sign-up mode are chosen, never pre-selected
    return {
      title: '', campusId: campuses.length === 1 ? (campuses[0]?.id ?? '') : '', teacher: '', weekday: '', from: '09:00', to: '10:30', place: '', seats: '40', fee: '0',
      opensDay: dayFromToday(1), opens: '09:00', closesDay: dayFromToday(15), closes: '17:00', mode: '',
    };
  }
  const [from = '', to = ''] = row.time.split('-');
  const opens = partsOf(row.enrollOpensAt);
  const closes = partsOf(row.enrollClosesAt);
  return {
    title: row.title, campusId: row.campusId, teacher: row.teacher, weekday: String(row.weekday), from, to, place: row.place,
    seats: String(row.seats), fee: String(row.fee), opensDay: opens.day, opens: opens.clock, closesDay: closes.day, closes: closes.clock, mode: row.mode,
  };
}

function requestOf(d: Draft, termId: string, row: StaffCourseRow | null): SaveCourseRequest | FormProblem {
  if (!d.title.trim()) return fieldProblem('title', '请填写课程名称');
  if (!d.campusId) return fieldProblem('campusId', '请选择校区');
  if (!d.teacher.trim()) return fieldProblem('teacher', '请填写老师');
  if (!d.weekday) return fieldProblem('weekday', '请选择每周哪天上课');
  if (!CLOCK.test(d.from)) return fieldProblem('from', '请选择上课开始时间');
  if (!CLOCK.test(d.to) || d.to <= d.from) return fieldProblem('to', '下课时间要晚于上课时间');
  if (!d.place.trim()) return fieldProblem('place', '请填写教室');
  const seats = wholeOf(d.seats, 1, 1000);
  if (seats === null) return fieldProblem('seats', '名额请填1到1000之间的整数');
  const fee = wholeOf(d.fee, 0, 100000);
  if (fee === null) return fieldProblem('fee', '学费请填整数（元），免费填0');
  const enrollOpensAt = instantOf(d.opensDay, d.opens);
  if (!enrollOpensAt) return isDay(d.opensDay) ? fieldProblem('opens', '请选择报名开始时间') : fieldProblem('opensDay', '请选择报名开始日期');
  const enrollClosesAt = instantOf(d.closesDay, d.closes);
  if (!enrollClosesAt) return isDay(d.closesDay) ? fieldProblem('closes', '请选择报名截止时间') : fieldProblem('closesDay', '请选择报名截止日期');
  if (Date.parse(enrollOpensAt) >= Date.parse(enrollClosesAt)) return fieldProblem('closesDay', '报名截止要晚于报名开始');
  if (!row && !d.mode) return fieldProblem('mode', '请选择报名方式');
  const request: SaveCourseRequest = {
    termId, title: d.title.trim(), campusId: d.campusId, teacher: d.teacher.trim(), weekday: Number(d.weekday), time: `${d.from}-${d.to}`,
    place: d.place.trim(), seats, fee, enrollOpensAt, enrollClosesAt,
  };
  if (row) request.courseId = row.id;
  else if (d.mode) request.mode = d.mode;
  return request;
}

function Editor({ row, term, campuses, saveLabel }: EditorInput<'course'>) {
  const [draft, setDraft] = useState(() => draftOf(row, campuses));
  const { save, problem, saved, submit, errorOf } = useSave('staff', 'saveCourse');
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const termId = row?.termId ?? term?.id ?? '';

  if (saved) {
    return (
      <Saved
        notice={row ? '修改已保存' : '课程已发布，到了报名时间老同志就能报名'}
        roster={{ label: '看报名名单', kind: 'course', id: saved.id }}
        back={{ label: '回到学期与课程', route: 'staffCourses' }}
      >
        <Card title={saved.title} lines={[`${saved.campusName} · ${classTime(saved.weekday, saved.time)}`, placesLine(saved)]} />
      </Saved>
    );
  }
  if (!termId) return <Notice kind='error'>请先在“学期与课程”里设定本学期</Notice>;
  return (
    <>
      {row ? (
        <BigButton kind='secondary' onClick={() => openPage('staffGroupRoster', { kind: 'course', id: row.id })}>
          看报名名单
        </BigButton>
      ) : null}
      <TextField name='title' error={errorOf('title')} label='课程名称' value={draft.title} onChange={(title) => set({ title })} maxLength={30} />
      <ChoiceChips name='campusId' error={errorOf('campusId')} label='校区' options={campuses.map((c) => ({ value: c.id, label: c.name }))} selected={[draft.campusId]} onToggle={(campusId) => set({ campusId })} />
      <TextField name='teacher' error={errorOf('teacher')} label='老师' value={draft.teacher} onChange={(teacher) => set({ teacher })} maxLength={20} />
      <ChoiceChips name='weekday' error={errorOf('weekday')} label='每周哪天上课' options={WEEKDAYS} selected={[draft.weekday]} onToggle={(weekday) => set({ weekday })} />
      <WhenField mode='time' name='from' error={errorOf('from')} label='上课时间' value={draft.from} onChange={(from) => set({ from })} />
      <WhenField mode='time' name='to' error={errorOf('to')} label='下课时间' value={draft.to} onChange={(to) => set({ to })} />
      <TextField name='place' error={errorOf('place')} label='教室' value={draft.place} onChange={(place) => set({ place })} maxLength={40} />
      <TextField name='seats' error={errorOf('seats')} label='名额（人）' value={draft.seats} onChange={(seats) => set({ seats })} numeric maxLength={4} />
      <TextField name='fee' error={errorOf('fee')} label='学费（元，免费填0）' value={draft.fee} onChange={(fee) => set({ fee })} numeric maxLength={6} />
      <WhenField mode='date' name='opensDay' error={errorOf('opensDay')} label='报名开始日期' value={draft.opensDay} onChange={(opensDay) => set({ opensDay })} />
      <WhenField mode='time' name='opens' error={errorOf('opens')} label='报名开始时间' value={draft.opens} onChange={(opens) => set({ opens })} />
      <WhenField mode='date' name='closesDay' error={errorOf('closesDay')} label='报名截止日期' value={draft.closesDay} onChange={(closesDay) => set({ closesDay })} />
      <WhenField mode='time' name='closes' error={errorOf('closes')} label='报名截止时间' value={draft.closes} onChange={(closes) => set({ closes })} />
      {row ? (
        <Notice>{`报名方式：${row.mode === 'lottery' ? '报名截止后摇号' : '先报先得'}（发布后不能再改）`}</Notice>
      ) : (
        <ChoiceChips name='mode' error={errorOf('mode')} label='报名方式' hint='热门课程选“摇号”，免得抢课' options={MODES} selected={draft.mode ? [draft.mode] : []} onToggle={(mode) => set({ mode })} />
      )}
      <SaveButton label={saveLabel} onClick={() => void submit(requestOf(draft, termId, row))} pending={save.pending} problem={problem} error={save.error} />
    </>
  );
}

/** 发布课程 / 修改课程: campus, teacher, weekday and time, classroom, places, fee, sign-up window, lottery or not. */
export default editorPage({ kind: 'course', noun: '课程', emptyText: '没有找到这门课程' }, Editor);
