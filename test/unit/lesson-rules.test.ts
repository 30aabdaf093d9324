/** 云课堂 rules: merging watched ranges, the plausibility cap, finishing at 90 %, the player's tracker, the seed. */
import { buildSeedData } from '../../local/seed/data';
import { demoAudio } from '../../local/seed/lessons';
import type { CourseDoc, LessonDoc, LessonProgressDoc } from '../../src/shared/documents';
import { placementOf } from '../../src/shared/enrollment-rules';
import { capRanges, creditable, isFinished, LESSON_POINTS, MAX_KEPT_RANGES, mergeRanges, saveAllowance, totalOf } from '../../src/shared/lesson-rules';
import { LessonTracker } from '../../src/services/lessonTracker';

describe('watched ranges', () => {
  it('merge overlapping and touching stretches; replays count once', () => {
    expect(mergeRanges([[10, 20], [0, 5], [5, 8], [15, 30], [40, 40]])).toEqual([[0, 8], [10, 30]]);
    expect(totalOf(mergeRanges([[0, 50], [40, 60], [0, 10]]))).toBe(60);
  });

  it('credit a save only up to the allowance, earliest first, already-watched parts free', () => {
    expect(totalOf(creditable([[0, 50]], [[0, 100]], 20))).toBe(70);
    expect(creditable([], [[0, 30], [50, 80]], 40)).toEqual([[0, 30], [50, 60]]);
    expect(saveAllowance(null)).toBe(60);
    expect(saveAllowance(5)).toBe(60);
    expect(saveAllowance(100)).toBe(215);
  });

  it('finish at 90 % in integer arithmetic', () => {
    expect(isFinished(89, 100)).toBe(false);
    expect(isFinished(90, 100)).toBe(true);
    expect(isFinished(0, 0)).toBe(false);
  });

  it('keep at most MAX_KEPT_RANGES stretches without crediting less', () => {
    const many = Array.from({ length: 500 }, (_, i) => [i * 3, i * 3 + 1] as [number, number]);
    const capped = capRanges(many);
    expect(capped.length).toBeLessThanOrEqual(MAX_KEPT_RANGES);
    expect(totalOf(capped)).toBeGreaterThanOrEqual(totalOf(many));
  });
});

describe('the player tracker', () => {
  it('counts continuous playing, not seeking; take() hands over what was played since the last save', () => {
    const t = new LessonTracker(30, 100);
    for (let s = 30; s <= 40; s += 0.25) t.at(s);
    t.at(80); // seek ahead
    t.at(81);
    t.at(82.5);
    expect(t.take()).toEqual({ position: 82, ranges: [[30, 40], [80, 83]] });
    t.at(84);
    t.stop();
    expect(t.take()).toEqual({ position: 84, ranges: [[82, 84]] });
    expect(t.dirty).toBe(false);
  });
});

describe('the seeded 云课堂', () => {
  const data = buildSeedData(new Date('2026-10-12T02:00:00Z'));
  const courses = data.courses as unknown as CourseDoc[];
  const lessons = data.lessons as unknown as LessonDoc[];
  const progress = data.lessonProgress as unknown as LessonProgressDoc[];

  it('has lessons for a few courses, each with a text version', () => {
    expect(new Set(lessons.map((l) => l.courseId)).size).toBeGreaterThanOrEqual(3);
    expect(lessons.every((l) => l.text.length > 10 && l.durationSeconds > 0)).toBe(true);
    expect(progress.length).toBeGreaterThan(10);
  });

  it('has progress only of members holding a place, consistent with the rules', () => {
    for (const p of progress) {
      const course = courses.find((c) => c._id === p.courseId)!;
      const lesson = lessons.find((l) => l._id === p.lessonId)!;
      expect(placementOf(course.line ?? [], p.memberId, course.seats, course.taken)?.state).toBe('enrolled');
      expect(p.watchedSeconds).toBe(totalOf(mergeRanges(p.ranges)));
      expect(Boolean(p.finishedAt)).toBe(isFinished(p.watchedSeconds, lesson.durationSeconds));
      expect(p.points).toBe(p.finishedAt ? LESSON_POINTS : 0);
      expect(p.memberId).not.toBe('member-0001');
    }
    expect(progress.some((p) => p.finishedAt)).toBe(true);
    expect(progress.some((p) => !p.finishedAt)).toBe(true);
  });

  it('stores a playable audio file for the uploaded lesson', () => {
    const wav = demoAudio(2);
    expect(wav.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(wav.length).toBe(44 + 16000);
  });
});
