/** Payload validators of the `lessons` function (registered in schemas.ts). */
import * as v from 'valibot';
import { isFileId } from './cloud-file';
import { docId, documentText, emptyPayload, eventTime, int, payload, requestKey, text } from './fields';
import { FEED_ID, FINDER_USER_NAME, MAX_LESSON_SECONDS, MAX_RANGES_PER_SAVE } from './lesson-rules';
import { LESSON_TEXT_MAX } from './request-limits';

/** a player position: seconds from the start, fractions rounded down by the function */
const seconds = (label: string) =>
  v.pipe(v.number(`${label}应当是数字`), v.finite(`${label}不对`), v.minValue(0, `${label}不能是负数`), v.maxValue(MAX_LESSON_SECONDS, `${label}超出了课程长度`));

const range = v.pipe(
  v.tuple([seconds('播放起点'), seconds('播放终点')], '播放记录不对'),
  v.check(([from, to]) => to >= from, '播放记录的终点不能早于起点'),
);

const kind = v.picklist(['video', 'audio', 'reading'] as const, '课的类别不对');

const channels = payload({
  finderUserName: v.pipe(v.string('视频号编号不对'), v.regex(FINDER_USER_NAME, '视频号编号不对，应以 sph 开头')),
  feedId: v.pipe(v.string('视频编号不对'), v.regex(FEED_ID, '视频编号不对')),
});

const fileId = v.pipe(v.string('文件编号不对'), v.check(isFileId, '文件编号不对'));

export const lessonsSchemas = {
  course: payload({ courseId: docId('课程编号') }),
  lesson: payload({ lessonId: docId('课编号') }),
  progress: payload({
    lessonId: docId('课编号'),
    position: seconds('播放位置'),
    ranges: v.pipe(v.array(range, '播放记录不对'), v.maxLength(MAX_RANGES_PER_SAVE, '播放记录太多')),
  }),
  staffCourses: emptyPayload,
  completion: payload({ courseId: docId('课程编号') }),
  staffLesson: payload({ courseId: docId('课程编号'), lessonId: v.optional(docId('课编号')) }),
  saveLesson: v.pipe(
    payload({
      courseId: docId('课程编号'),
      lessonId: v.optional(docId('课编号')),
      title: text('课的标题', 40),
      kind,
      minutes: v.optional(int('时长（分钟）', 1, MAX_LESSON_SECONDS / 60)),
      fileId: v.optional(fileId),
      channels: v.optional(channels),
      text: documentText('字幕或文字稿', LESSON_TEXT_MAX),
      requestKey: requestKey(),
    }),
    v.check((p) => !(p.fileId && p.channels), '视频文件和视频号只能选一个'),
    v.check((p) => p.kind === 'reading' || Boolean(p.fileId || p.channels), '请上传视频或音频文件，或填写视频号'),
    v.check((p) => p.kind === 'reading' || p.minutes !== undefined, '请填写时长（分钟）'),
    v.check((p) => p.kind !== 'audio' || !p.channels, '视频号只能放视频'),
  ),
  scheduleScreening: v.pipe(
    payload({
      lessonId: docId('课编号'),
      place: text('收视点', 60),
      startAt: eventTime('开始时间'),
      endAt: eventTime('结束时间'),
      seats: int('座位数', 1, 2000),
      requestKey: requestKey(),
    }),
    v.check((p) => Date.parse(p.endAt) > Date.parse(p.startAt), '结束时间要晚于开始时间'),
  ),
};
