import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../../components/BigButton';
import { ChoiceChips, type Choice } from '../../../../components/ChoiceChips';
import { Notice } from '../../../../components/Notice';
import { Section } from '../../../../components/Section';
import { StaffPage } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { TextArea } from '../../../../components/TextArea';
import { TextField } from '../../../../components/TextField';
import { SaveButton } from '../../../../components/form/SaveButton';
import { WhenField } from '../../../../components/form/WhenField';
import { formatDateTime } from '../../../../services/format';
import { openPage } from '../../../../services/routes';
import { pickLessonMedia } from '../../../../services/staffFiles';
import { useCloud } from '../../../../services/useCloud';
import { fieldProblem, type FormProblem, useSave } from '../../../../services/useSave';
import type { SaveLessonRequest, ScheduleScreeningRequest, StaffLessonData } from '../../../../shared/contracts-lessons';
import type { AppError } from '../../../../shared/errors';
import { FEED_ID, FINDER_USER_NAME, type LessonKind } from '../../../../shared/lesson-rules';
import { LESSON_TEXT_MAX } from '../../../../shared/request-limits';
import { dayFromToday, instantOf, isDay, wholeOf } from '../../form-values';
import '../../staff.scss';

const KINDS: ReadonlyArray<Choice<LessonKind>> = [
  { value: 'video', label: '视频' },
  { value: 'audio', label: '音频' },
  { value: 'reading', label: '图文（只有文字）' },
];
type Source = 'file' | 'channels';
const SOURCES: ReadonlyArray<Choice<Source>> = [
  { value: 'file', label: '上传文件' },
  { value: 'channels', label: '视频号里的视频' },
];

interface Draft {
  title: string;
  kind: LessonKind | '';
  source: Source;
  fileId: string;
  finderUserName: string;
  feedId: string;
  minutes: string;
  text: string;
}

function draftOf(lesson: StaffLessonData['lesson']): Draft {
  return {
    title: lesson?.title ?? '',
    kind: lesson?.kind ?? '',
    source: lesson?.channels ? 'channels' : 'file',
    fileId: lesson?.fileId ?? '',
    finderUserName: lesson?.channels?.finderUserName ?? '',
    feedId: lesson?.channels?.feedId ?? '',
    minutes: lesson && lesson.kind !== 'reading' ? String(Math.round(lesson.durationSeconds / 60)) : '',
    text: lesson?.text ?? '',
  };
}

/** The request, or the first thing to fix, by its field. */
function requestOf(d: Draft, courseId: string, lessonId: string | null): SaveLessonRequest | FormProblem {
  if (!d.title.trim()) return fieldProblem('title', '请填写这一课的标题');
  if (!d.kind) return fieldProblem('kind', '请选择是视频、音频还是图文');
  const request: SaveLessonRequest = { courseId, title: d.title.trim(), kind: d.kind, text: d.text.trim() };
  if (lessonId) request.lessonId = lessonId;
  if (d.kind !== 'reading') {
    if (d.kind === 'video' && d.source === 'channels') {
      if (!FINDER_USER_NAME.test(d.finderUserName.trim())) return fieldProblem('finderUserName', '视频号编号不对：在视频号主页“设置”里能看到，以 sph 开头');
      if (!FEED_ID.test(d.feedId.trim())) return fieldProblem('feedId', '请填写视频的编号（视频号助手里复制）');
      request.channels = { finderUserName: d.finderUserName.trim(), feedId: d.feedId.trim() };
    } else {
      if (!d.fileId) return fieldProblem('upload', '请先上传这一课的文件');
      request.fileId = d.fileId;
    }
    const minutes = wholeOf(d.minutes, 1, 240);
    if (minutes === null) return fieldProblem('minutes', '时长请填1到240之间的整数（分钟）');
    request.minutes = minutes;
  }
  if (!request.text) return fieldProblem('text', '请填写字幕或文字稿：听不清、看不清的老同志靠它学');
  return request;
}

/** Where the file comes from: the phone's album or a WeChat chat in the weapp, a file on the computer in H5. */
function uploadLabel(kind: 'video' | 'audio'): string {
  if (process.env.TARO_ENV === 'weapp') return kind === 'video' ? '从手机里选视频上传' : '从聊天记录里选音频上传';
  return kind === 'video' ? '选一个视频文件上传' : '选一个音频文件上传';
}

function Upload({ kind, fileId, onUploaded, error }: { kind: 'video' | 'audio'; fileId: string; onUploaded: (fileId: string, minutes: number | null) => void; error?: string }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<AppError | null>(null);
  const pick = async () => {
    setPending(true);
    const picked = await pickLessonMedia(kind);
    setPending(false);
    if (!picked) return;
    if (!picked.ok) return setFailed(picked.error);
    setFailed(null);
    onUploaded(picked.data.fileId, picked.data.minutes);
  };
  return (
    <>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      {failed ? <Notice kind='error'>{failed.message}</Notice> : null}
      {fileId ? <Notice kind='done'>文件已上传。要换一个就再点下面的按钮。</Notice> : null}
      <BigButton kind='secondary' onClick={() => void pick()}>
        {pending ? '正在上传…' : uploadLabel(kind)}
      </BigButton>
    </>
  );
}

function LessonForm({ data, courseId }: { data: StaffLessonData; courseId: string }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(data.lesson));
  const { save, problem, saved, submit, errorOf } = useSave('lessons', 'saveLesson');
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const saveLabel = data.lesson ? '保存修改' : '加上这一课';
  if (saved) {
    return (
      <>
        <Notice kind='done'>{`第${saved.order}课“${saved.title}”已保存，报上名的老同志在云课堂里就能看到`}</Notice>
        <BigButton onClick={() => openPage('staffLessonCourse', { courseId })}>回到这门课的学习情况</BigButton>
      </>
    );
  }
  return (
    <>
      <TextField name='title' error={errorOf('title')} label='这一课的标题' value={draft.title} onChange={(title) => set({ title })} maxLength={40} hint='例如：第一讲 用手机和家人视频通话' />
      <ChoiceChips name='kind' error={errorOf('kind')} label='这一课是' options={KINDS} selected={draft.kind ? [draft.kind] : []} onToggle={(kind) => set({ kind })} />
      {draft.kind === 'video' ? (
        <ChoiceChips label='视频放在哪里' options={SOURCES} selected={[draft.source]} onToggle={(source) => set({ source })} />
      ) : null}
      {draft.kind === 'audio' || (draft.kind === 'video' && draft.source === 'file') ? (
        <Upload kind={draft.kind} fileId={draft.fileId} error={errorOf('upload')} onUploaded={(fileId, minutes) => set({ fileId, ...(minutes ? { minutes: String(minutes) } : {}) })} />
      ) : null}
      {draft.kind === 'video' && draft.source === 'channels' ? (
        <>
          <TextField name='finderUserName' error={errorOf('finderUserName')} label='视频号编号' value={draft.finderUserName} onChange={(finderUserName) => set({ finderUserName })} maxLength={44} hint='以 sph 开头，在视频号助手的“帐号设置”里' />
          <TextField name='feedId' error={errorOf('feedId')} label='视频编号' value={draft.feedId} onChange={(feedId) => set({ feedId })} maxLength={200} hint='在视频号助手的视频管理里复制' />
        </>
      ) : null}
      {draft.kind && draft.kind !== 'reading' ? (
        <TextField name='minutes' error={errorOf('minutes')} label='时长（分钟）' value={draft.minutes} onChange={(minutes) => set({ minutes })} numeric maxLength={3} hint='看完九成就算学完，按这个时长算' />
      ) : null}
      <TextArea name='text' error={errorOf('text')} label={draft.kind === 'reading' ? '课文' : '字幕或文字稿'} value={draft.text} onChange={(text) => set({ text })} maxLength={LESSON_TEXT_MAX} hint='每一课都要有文字：听不清、看不清的老同志靠它学' />
      <SaveButton label={saveLabel} onClick={() => void submit(requestOf(draft, courseId, data.lesson?.id ?? null))} pending={save.pending} problem={problem} error={save.error} />
    </>
  );
}

interface ScreeningDraft {
  place: string;
  day: string;
  start: string;
  end: string;
  seats: string;
}

function screeningRequest(d: ScreeningDraft, lessonId: string): ScheduleScreeningRequest | FormProblem {
  if (!d.place.trim()) return fieldProblem('place', '请填写收视点，例如：城关镇远程教育收视点');
  const startAt = instantOf(d.day, d.start);
  if (!startAt) return isDay(d.day) ? fieldProblem('start', '请选择开始时间') : fieldProblem('day', '请选择日期');
  const endAt = instantOf(d.day, d.end);
  if (!endAt || Date.parse(endAt) <= Date.parse(startAt)) return fieldProblem('end', '结束时间要晚于开始时间');
  const seats = wholeOf(d.seats, 1, 2000);
  if (seats === null) return fieldProblem('seats', '座位数请填1到2000之间的整数');
  return { lessonId, place: d.place.trim(), startAt, endAt, seats };
}

/** 收视点 screening: an activity at the venue with walk-up check-in; checking in there counts as finishing the lesson. */
function Screening({ lessonId }: { lessonId: string }) {
  const [draft, setDraft] = useState<ScreeningDraft>({ place: '', day: dayFromToday(7), start: '09:00', end: '10:30', seats: '40' });
  const { save, problem, saved, submit, errorOf } = useSave('lessons', 'scheduleScreening');
  const set = (change: Partial<ScreeningDraft>) => setDraft((d) => ({ ...d, ...change }));
  return (
    <Section title='安排到收视点集体收看' emptyText='' count={1}>
      {saved ? (
        <>
          <Notice kind='done'>{`已安排：${formatDateTime(saved.startAt)}在${saved.place}。到场的人扫签到码签到，这一课就算学完。`}</Notice>
          <BigButton kind='secondary' onClick={() => openPage('checkinBoard', { kind: 'activity', id: saved.activityId })}>打开签到码</BigButton>
        </>
      ) : (
        <>
          <TextField name='place' error={errorOf('place')} label='收视点' value={draft.place} onChange={(place) => set({ place })} maxLength={60} hint='例如：城关镇远程教育收视点' />
          <WhenField mode='date' name='day' error={errorOf('day')} label='日期' value={draft.day} onChange={(day) => set({ day })} />
          <WhenField mode='time' name='start' error={errorOf('start')} label='开始时间' value={draft.start} onChange={(start) => set({ start })} />
          <WhenField mode='time' name='end' error={errorOf('end')} label='结束时间' value={draft.end} onChange={(end) => set({ end })} />
          <TextField name='seats' error={errorOf('seats')} label='座位数' value={draft.seats} onChange={(seats) => set({ seats })} numeric maxLength={4} />
          <SaveButton label='安排集体收看' onClick={() => void submit(screeningRequest(draft, lessonId))} pending={save.pending} problem={problem} error={save.error} />
        </>
      )}
    </Section>
  );
}

/** 加一课 / 修改一课: title, kind, the file or 视频号 video, length, the text version; a 收视点 screening for a saved one. */
export default function StaffLessonEdit() {
  const { params } = useRouter();
  const courseId = params.courseId ?? '';
  const lessonId = params.id ?? '';
  const { loading, error, data, retry } = useCloud('lessons', 'staffLesson', lessonId ? { courseId, lessonId } : { courseId });
  return (
    <StaffPage title={lessonId ? '修改这一课' : '加一课'} intro='写好后点最下面的按钮保存。' loadError={error}>
      <StatusView loading={loading && !data} error={error} onRetry={retry}>
        {data ? (
          <>
            <Notice>{`课程：${data.course.title}`}</Notice>
            <LessonForm data={data} courseId={courseId} />
            {data.lesson ? <Screening lessonId={data.lesson.id} /> : null}
          </>
        ) : null}
      </StatusView>
    </StaffPage>
  );
}
