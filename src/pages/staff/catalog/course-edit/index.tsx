import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { Notice } from '../../../../components/Notice';
import { StaffPage } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { TextField } from '../../../../components/TextField';
import { classTime } from '../../../../services/enrollFormat';
import { formatWeekday } from '../../../../services/format';
import { openPage } from '../../../../services/routes';
import { useSave } from '../../../../services/useSave';
import { useCloud } from '../../../../services/useCloud';
import type { SaveCourseRequest, StaffCatalogData, StaffCourseRow } from '../../../../shared/contracts-staff';
import { dayFromToday, instantOf, partsOf, placesLine, wholeOf } from '../../form-values';
import '../../staff.scss';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: formatWeekday(d) }));
const CLASS_TIME = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;
const MODES = [
  { value: 'firstCome', label: '先报先得' },
  { value: 'lottery', label: '报名截止后摇号' },
];

interface Draft {
  title: string;
  campusId: string;
  teacher: string;
  weekday: string;
  time: string;
  place: string;
  seats: string;
  fee: string;
  opensDay: string;
  opens: string;
  closesDay: string;
  closes: string;
  mode: 'firstCome' | 'lottery';
}

function draftOf(row: StaffCourseRow | null, campuses: StaffCatalogData['campuses']): Draft {
  if (!row) {
    return {
      title: '', campusId: campuses[0]?.id ?? '', teacher: '', weekday: '1', time: '09:00-10:30', place: '', seats: '40', fee: '0',
      opensDay: dayFromToday(1), opens: '09:00', closesDay: dayFromToday(15), closes: '17:00', mode: 'firstCome',
    };
  }
  const opens = partsOf(row.enrollOpensAt);
  const closes = partsOf(row.enrollClosesAt);
  return {
    title: row.title, campusId: row.campusId, teacher: row.teacher, weekday: String(row.weekday), time: row.time, place: row.place,
    seats: String(row.seats), fee: String(row.fee), opensDay: opens.day, opens: opens.clock, closesDay: closes.day, closes: closes.clock, mode: row.mode,
  };
}

function requestOf(d: Draft, termId: string, row: StaffCourseRow | null): SaveCourseRequest | string {
  if (!d.title.trim()) return '请填写课程名称';
  if (!d.campusId) return '请选择校区';
  if (!d.teacher.trim()) return '请填写老师';
  if (!CLASS_TIME.test(d.time.trim())) return '上课时间请写成 09:00-10:30';
  if (!d.place.trim()) return '请填写教室';
  const seats = wholeOf(d.seats, 1, 1000);
  if (seats === null) return '名额请填1到1000之间的整数';
  const fee = wholeOf(d.fee, 0, 100000);
  if (fee === null) return '学费请填整数（元），免费填0';
  const enrollOpensAt = instantOf(d.opensDay, d.opens);
  const enrollClosesAt = instantOf(d.closesDay, d.closes);
  if (!enrollOpensAt || !enrollClosesAt) return '日期请写成 2026-05-03，时间请写成 09:00';
  if (Date.parse(enrollOpensAt) >= Date.parse(enrollClosesAt)) return '报名截止要晚于报名开始';
  const request: SaveCourseRequest = {
    termId, title: d.title.trim(), campusId: d.campusId, teacher: d.teacher.trim(), weekday: Number(d.weekday), time: d.time.trim(),
    place: d.place.trim(), seats, fee, enrollOpensAt, enrollClosesAt,
  };
  if (row) request.courseId = row.id;
  else request.mode = d.mode;
  return request;
}

function Editor({ catalog, row }: { catalog: StaffCatalogData; row: StaffCourseRow | null }) {
  const [draft, setDraft] = useState(() => draftOf(row, catalog.campuses));
  const { save, problem, saved, submit } = useSave('staff', 'saveCourse');
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const termId = row?.termId ?? catalog.term?.id ?? '';

  if (saved) {
    return (
      <>
        <Notice kind='done'>{row ? '修改已保存' : '课程已发布，到了报名时间老同志就能报名'}</Notice>
        <Card title={saved.title} lines={[`${saved.campusName} · ${classTime(saved.weekday, saved.time)}`, placesLine(saved)]} />
        <BigButton onClick={() => openPage('staffGroupRoster', { kind: 'course', id: saved.id })}>看报名名单</BigButton>
        <BigButton kind='secondary' onClick={() => openPage('staffCourses')}>
          回到学期与课程
        </BigButton>
      </>
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
      <TextField label='课程名称' value={draft.title} onChange={(title) => set({ title })} maxLength={30} />
      <ChoiceChips label='校区' options={catalog.campuses.map((c) => ({ value: c.id, label: c.name }))} selected={[draft.campusId]} onToggle={(campusId) => set({ campusId })} />
      <TextField label='老师' value={draft.teacher} onChange={(teacher) => set({ teacher })} maxLength={20} />
      <ChoiceChips label='每周哪天上课' options={WEEKDAYS} selected={[draft.weekday]} onToggle={(weekday) => set({ weekday })} />
      <TextField label='上课时间（如 09:00-10:30）' value={draft.time} onChange={(time) => set({ time })} maxLength={11} />
      <TextField label='教室' value={draft.place} onChange={(place) => set({ place })} maxLength={40} />
      <TextField label='名额（人）' value={draft.seats} onChange={(seats) => set({ seats })} numeric maxLength={4} />
      <TextField label='学费（元，免费填0）' value={draft.fee} onChange={(fee) => set({ fee })} numeric maxLength={6} />
      <TextField label='报名开始日期（年-月-日）' value={draft.opensDay} onChange={(opensDay) => set({ opensDay })} maxLength={10} />
      <TextField label='报名开始时间（时:分）' value={draft.opens} onChange={(opens) => set({ opens })} maxLength={5} />
      <TextField label='报名截止日期（年-月-日）' value={draft.closesDay} onChange={(closesDay) => set({ closesDay })} maxLength={10} />
      <TextField label='报名截止时间（时:分）' value={draft.closes} onChange={(closes) => set({ closes })} maxLength={5} />
      {row ? (
        <Notice>{`报名方式：${row.mode === 'lottery' ? '报名截止后摇号' : '先报先得'}（发布后不能再改）`}</Notice>
      ) : (
        <ChoiceChips label='报名方式' hint='热门课程选“摇号”，免得抢课' options={MODES} selected={[draft.mode]} onToggle={(mode) => set({ mode: mode as Draft['mode'] })} />
      )}
      {problem ? <Notice kind='error'>{problem}</Notice> : null}
      {save.error && !problem ? <Notice kind='error'>{save.error.message}</Notice> : null}
      <BigButton onClick={() => void submit(requestOf(draft, termId, row))}>{save.pending ? '正在保存…' : row ? '保存修改' : '发布课程'}</BigButton>
    </>
  );
}

function CourseForm({ id }: { id: string }) {
  const { loading, error, data, retry } = useCloud('staff', 'catalog', {});
  const row = id ? (data?.courses.find((c) => c.id === id) ?? null) : null;
  return (
    <StatusView loading={loading} error={error} onRetry={retry} empty={Boolean(data && id && !row)} emptyText='没有找到这门课程，可能不是本学期的'>
      {data ? <Editor catalog={data} row={row} /> : null}
    </StatusView>
  );
}

/** 发布课程 / 修改课程: campus, teacher, weekday and time, classroom, places, fee, sign-up window, lottery or not. */
export default function StaffCourseEdit() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <StaffPage title={id ? '修改课程' : '发布课程'} intro='日期写成 2026-05-03，时间写成 09:00。'>
      <CourseForm id={id} />
    </StaffPage>
  );
}
