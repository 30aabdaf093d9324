/**
 * 云课堂 of the demo county: lessons for three of this term's courses, and progress for some members who hold a
 * place in them (never the demo people: they start their own lessons in the preview and the tests). Every
 * progress record is what the lessons function would have written: merged ranges, watched seconds, finished at
 * FINISH_PERCENT and the point with it. The one uploaded lesson file is a short generated audio (a soft tone),
 * stored with the seed (seedFiles) so the player plays something in the preview.
 */
import type { CourseDoc, LessonDoc, LessonProgressDoc } from '../../src/shared/documents';
import { placementOf } from '../../src/shared/enrollment-rules';
import { isFinished, LESSON_POINTS, progressId, readingSeconds, type Range } from '../../src/shared/lesson-rules';
import { LOCAL_FILE_ID_PREFIX } from '../emulator/storage';
import { createRng } from './prng';

const LESSON_SEED = 20261206;
const DAY_MS = 86_400_000;
export const DEMO_AUDIO_PATH = 'lessons/demo-shouji-2.wav';
const AUDIO_SECONDS = 150;

interface LessonSpec {
  course: string;
  title: string;
  kind: LessonDoc['kind'];
  minutes?: number;
  file?: boolean;
  channels?: boolean;
  text: string;
}

const SHOUJI_2_TEXT = [
  '【字幕】大家好，这一讲我们学习用微信和家里人视频通话。',
  '第一步，打开微信，找到要通话的家人，点进和他的聊天。',
  '第二步，点右下角的加号，再点“视频通话”。声音小的话，按手机侧面的音量键调大。',
  '第三步，想挂断的时候，点红色的按钮。',
  '记住：陌生人打来的视频电话不要接，谁要您转钱都先给家里人打个电话问一问。',
].join('\n');

const SPECS: readonly LessonSpec[] = [
  { course: 'shouji-1', title: '第一讲 认识智能手机', kind: 'video', minutes: 12, channels: true, text: '【文字稿】手机正面有一个大屏幕，用手指轻轻点一下就能打开应用。侧面有电源键和音量键……' },
  { course: 'shouji-1', title: '第二讲 和家人视频通话', kind: 'audio', file: true, text: SHOUJI_2_TEXT },
  { course: 'shouji-1', title: '第三讲 识别电信诈骗', kind: 'reading', text: '【课文】凡是电话里、微信里让您转账、交“保证金”的，都是诈骗。公检法不会在电话里办案，银行不会要您的验证码。遇到拿不准的事，先挂断，再打子女或社区的电话。记住三不：不轻信、不透露、不转账。' },
  { course: 'taiji', title: '第一讲 起势与野马分鬃', kind: 'video', minutes: 18, channels: true, text: '【文字稿】两脚开立与肩同宽，两臂慢慢向前平举，与肩同高……' },
  { course: 'taiji', title: '第二讲 白鹤亮翅', kind: 'video', minutes: 15, channels: true, text: '【文字稿】上体微向左转，左手翻掌向下，右手向左上划弧……' },
  { course: 'shufa-2', title: '第一讲 行书的用笔', kind: 'reading', text: '【课文】行书介于楷书和草书之间，笔画之间有牵丝映带。练习时先慢后快，先求形似，再求神似。每天临帖半小时，胜过一周写一次。' },
];

/** The lessons of the term's courses (ids by course and order). */
export function buildLessons(now: Date, courses: readonly CourseDoc[]): LessonDoc[] {
  const order = new Map<string, number>();
  return SPECS.flatMap((spec) => {
    const course = courses.find((c) => c._id.endsWith(`-${spec.course}`));
    if (!course) return [];
    const n = (order.get(course._id) ?? 0) + 1;
    order.set(course._id, n);
    return [{
      _id: `lesson-${spec.course}-${n}`,
      courseId: course._id,
      courseTitle: course.title,
      order: n,
      title: spec.title,
      kind: spec.kind,
      durationSeconds: spec.kind === 'reading' ? readingSeconds(spec.text) : spec.file ? AUDIO_SECONDS : (spec.minutes ?? 10) * 60,
      fileId: spec.file ? `${LOCAL_FILE_ID_PREFIX}${DEMO_AUDIO_PATH}` : null,
      channels: spec.channels ? { finderUserName: 'sphDemoCounty01', feedId: `export/demo-${spec.course}-${n}` } : null,
      text: spec.text,
      createdAt: new Date(now.getTime() - 10 * DAY_MS),
      updatedAt: new Date(now.getTime() - 10 * DAY_MS),
      createdBy: '张丽',
    }];
  });
}

/** Progress of members holding a place: about half started each lesson, some of them finished it. */
export function buildLessonProgress(now: Date, courses: readonly CourseDoc[], lessons: readonly LessonDoc[]): LessonProgressDoc[] {
  const rng = createRng(LESSON_SEED);
  const out: LessonProgressDoc[] = [];
  for (const lesson of lessons) {
    const course = courses.find((c) => c._id === lesson.courseId);
    if (!course) continue;
    const placed = (course.line ?? []).filter((m) => placementOf(course.line ?? [], m, course.seats, course.taken)?.state === 'enrolled');
    for (const memberId of placed) {
      if (!rng.chance(0.5)) continue;
      const duration = lesson.durationSeconds;
      const watched = rng.chance(0.5) ? duration : Math.max(1, Math.floor(duration * rng.next() * 0.85));
      const ranges: Range[] = [[0, watched]];
      const at = new Date(now.getTime() - rng.int(1, 9) * DAY_MS);
      const finished = isFinished(watched, duration);
      out.push({
        _id: progressId(lesson._id, memberId),
        lessonId: lesson._id,
        courseId: lesson.courseId,
        memberId,
        position: watched,
        ranges,
        watchedSeconds: watched,
        durationSeconds: duration,
        finishedAt: finished ? at : null,
        finishedBy: finished ? 'watched' : null,
        screeningId: null,
        points: finished ? LESSON_POINTS : 0,
        rev: 1,
        updatedAt: at,
        createdAt: at,
      });
    }
  }
  return out;
}

/** A mono 8 kHz 8-bit WAV of `seconds`: a soft 440 Hz tone that fades in and out every two seconds. */
export function demoAudio(seconds: number = AUDIO_SECONDS): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const buffer = Buffer.alloc(44 + samples);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + samples, 4);
  buffer.write('WAVEfmt ', 8, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate, 28);
  buffer.writeUInt16LE(1, 32);
  buffer.writeUInt16LE(8, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const envelope = 0.5 - 0.5 * Math.cos(Math.PI * (t % 2));
    buffer.writeUInt8(Math.round(128 + 12 * envelope * Math.sin(2 * Math.PI * 440 * t)), 44 + i);
  }
  return buffer;
}

/** Files the seed stores in cloud storage. */
export function seedFiles(): Array<{ cloudPath: string; content: Buffer }> {
  return [{ cloudPath: DEMO_AUDIO_PATH, content: demoAudio() }];
}
