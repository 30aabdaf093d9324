/**
 * Contracts of the `lessons` function (云课堂): a course's lessons for a member who joined it, one lesson with the
 * member's progress (resume), saving progress, and for staff: the courses with their lessons, adding or changing a
 * lesson, a course's completion, and a 收视点 screening (an activity with check-in that marks the lesson attended).
 */
import type { ChannelsVideo, LessonFields, LessonKind } from './lesson-rules';
import type { Screen } from './screen';
import type { ContractsOf, RequestsOf } from './fields';
import type { lessonsSchemas } from './schemas-lessons';

/** Each action's request is its validator's output (schemas-lessons.ts): written once, there. */
type Req = RequestsOf<typeof lessonsSchemas>;

export type LessonState = 'new' | 'started' | 'finished';

export interface LessonItem {
  id: string;
  order: number;
  title: string;
  kind: LessonKind;
  durationSeconds: number;
  state: LessonState;
  percent: number;
}

export interface CourseLessonsData {
  course: { id: string; title: string; teacher: string };
  lessons: LessonItem[];
  /** 学习积分 earned in this course */
  points: number;
  pointsRule: string;
}

/** Where the lesson plays from: a temporary URL of its cloud file, or a 视频号 video (opened in WeChat). */
export type LessonMedia = { source: 'file'; url: string } | ({ source: 'channels' } & ChannelsVideo) | { source: 'none' };

export interface LessonProgressView {
  /** where to resume, seconds */
  position: number;
  watchedSeconds: number;
  percent: number;
  finished: boolean;
  /** 学习积分 this lesson earned (0 or LESSON_POINTS) */
  points: number;
}

export interface LessonData {
  lesson: {
    id: string;
    courseId: string;
    courseTitle: string;
    title: string;
    kind: LessonKind;
    durationSeconds: number;
    media: LessonMedia;
    /** captions or the text version (a reading's text) */
    text: string;
  };
  progress: LessonProgressView;
  next: { id: string; title: string } | null;
  saveEverySeconds: number;
  finishPercent: number;
  pointsRule: string;
}

export type SaveProgressRequest = Req['progress'];

export interface SaveProgressData extends LessonProgressView {
  /** this save finished the lesson (and earned its point) */
  justFinished: boolean;
}

// --- staff ---

export interface StaffLessonRow {
  id: string;
  order: number;
  title: string;
  kind: LessonKind;
  durationSeconds: number;
  source: LessonMedia['source'];
  /** members who started / finished it */
  started: number;
  finished: number;
}

export interface StaffLessonCourse {
  id: string;
  title: string;
  teacher: string;
  /** members holding a place */
  joined: number;
  lessons: number;
}

export interface StaffLessonCoursesData {
  term: { id: string; name: string } | null;
  courses: StaffLessonCourse[];
}

export interface CourseCompletionData {
  course: StaffLessonCourse;
  rows: StaffLessonRow[];
  /** members who finished every lesson */
  finishedAll: number;
}

export interface StaffLessonData {
  course: { id: string; title: string };
  /** null when adding */
  lesson: (LessonFields & { id: string }) | null;
}

export type SaveLessonRequest = Req['saveLesson'];

export type ScheduleScreeningRequest = Req['scheduleScreening'];

export interface ScreeningData {
  activityId: string;
  title: string;
  place: string;
  startAt: string;
}

export type LessonsContracts = ContractsOf<
  typeof lessonsSchemas,
  {
    course: Screen<CourseLessonsData>;
    lesson: Screen<LessonData>;
    progress: SaveProgressData;
    staffCourses: StaffLessonCoursesData;
    completion: CourseCompletionData;
    staffLesson: StaffLessonData;
    saveLesson: StaffLessonRow;
    scheduleScreening: ScreeningData;
  }
>;
