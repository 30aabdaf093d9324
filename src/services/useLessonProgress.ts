/**
 * Saving a lesson's progress: every few seconds while playing, and when the page hides or closes (onHide,
 * unload). Saves go one after another (never two at once); a save that fails is kept and sent with the next.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useUnload } from '@tarojs/taro';
import type { SaveProgressData } from '../shared/contracts-lessons';
import { call } from './cloud';
import { LessonTracker } from './lessonTracker';

export interface LessonProgress {
  tracker: LessonTracker;
  /** the latest answer of a save (finished, points) */
  saved: SaveProgressData | null;
  /** sends what was played now */
  flush: () => void;
}

export function useLessonProgress(lessonId: string, start: number, duration: number, everySeconds: number): LessonProgress {
  const tracker = useRef(new LessonTracker(start, duration)).current;
  const [saved, setSaved] = useState<SaveProgressData | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const carry = useRef<Array<[number, number]>>([]);

  const flush = useCallback(() => {
    if (!tracker.dirty && carry.current.length === 0) return;
    const { position, ranges } = tracker.take();
    const all = [...carry.current, ...ranges].slice(-20);
    carry.current = [];
    chain.current = chain.current.then(async () => {
      const answer = await call('lessons', 'progress', { lessonId, position, ranges: all });
      if (answer.ok) setSaved((before) => (before?.justFinished ? { ...answer.data, justFinished: true } : answer.data));
      else if (answer.error.code === 'NETWORK.FAILED' || answer.error.code.startsWith('SYSTEM.')) carry.current = [...all, ...carry.current].slice(-20);
    });
  }, [lessonId, tracker]);

  useEffect(() => {
    const timer = setInterval(flush, everySeconds * 1000);
    return () => clearInterval(timer);
  }, [flush, everySeconds]);
  const leave = () => {
    tracker.stop();
    flush();
  };
  useDidHide(leave);
  useUnload(leave);
  return { tracker, saved, flush };
}
