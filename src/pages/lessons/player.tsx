import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Video } from '../../components/taroHeavy';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { BigButton } from '../../components/BigButton';
import { Card } from '../../components/Card';
import { Notice } from '../../components/Notice';
import { PageTitle } from '../../components/PageTitle';
import { ActingScreen } from '../../components/Loaded';
import { openPage } from '../../services/routes';
import { useCloud } from '../../services/useCloud';
import { useLessonProgress } from '../../services/useLessonProgress';
import type { LessonData, LessonProgressView } from '../../shared/contracts-lessons';
import { clockText, LESSON_POINTS } from '../../shared/lesson-rules';
import './lessons.scss';

const VIDEO_ID = 'lesson-video';
const BACK_SECONDS = 15;

function statusText(progress: LessonProgressView, finishPercent: number): string {
  if (progress.finished) return `这一课已学完，得了学习积分${progress.points}分。可以再看一遍。`;
  if (progress.percent > 0) return `已看${progress.percent}%。看完${finishPercent}%就算学完，得学习积分${LESSON_POINTS}分。`;
  return `看完${finishPercent}%就算学完，得学习积分${LESSON_POINTS}分。`;
}

function whereText(playing: boolean, stoppedAt: number): string {
  if (playing) return '正在播放。想停下来就点“暂停”，下次从停下的地方接着看';
  if (stoppedAt > 0) return `上次看到 ${clockText(stoppedAt)}，点“播放”接着看`;
  return '点“播放”开始看，声音从手机喇叭出来';
}

/** The player of a cloud file (video or audio): our own big buttons over the component's small controls. */
function FilePlayer({ data, onTime, onStop }: { data: LessonData; onTime: (t: number) => void; onStop: () => void }) {
  const [playing, setPlaying] = useState(false);
  const now = useRef(data.progress.position);
  // where it stopped: the saved point at first, then wherever the member paused
  const [stoppedAt, setStoppedAt] = useState(data.progress.position);
  const media = data.lesson.media;
  if (media.source !== 'file') return null;
  const context = () => Taro.createVideoContext(VIDEO_ID);
  const start = data.progress.position;
  return (
    <View className='lesson-player'>
      <Video
        id={VIDEO_ID}
        className='lesson-player__video'
        src={media.url}
        initialTime={start}
        autoplay={false}
        controls
        showFullscreenBtn
        showCenterPlayBtn
        enableProgressGesture={false}
        title={data.lesson.title}
        onPlay={() => setPlaying(true)}
        onPause={() => {
          setPlaying(false);
          setStoppedAt(now.current);
          onStop();
        }}
        onEnded={() => {
          setPlaying(false);
          onStop();
        }}
        onTimeUpdate={(e) => {
          now.current = e.detail.currentTime;
          onTime(e.detail.currentTime);
        }}
      />
      <Text className='lesson-player__where'>{whereText(playing, stoppedAt)}</Text>
      <BigButton onClick={() => (playing ? context().pause() : context().play())}>{playing ? '暂停' : '播放'}</BigButton>
      <BigButton kind='secondary' onClick={() => context().seek(Math.max(0, now.current - BACK_SECONDS))}>
        {`后退${BACK_SECONDS}秒`}
      </BigButton>
    </View>
  );
}

function Lesson({ data }: { data: LessonData }) {
  const { lesson } = data;
  const { tracker, saved, flush } = useLessonProgress(lesson.id, data.progress.position, lesson.durationSeconds, data.saveEverySeconds);
  const progress: LessonProgressView = saved ?? data.progress;
  const reads = lesson.media.source !== 'file';
  const [shown, setShown] = useState(true);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  // a reading (or a 视频号 lesson's text) counts the seconds the page is open, up to its length
  useEffect(() => {
    if (!reads || !shown) return;
    const timer = setInterval(() => tracker.at(tracker.position + 1), 1000);
    return () => {
      clearInterval(timer);
      tracker.stop();
    };
  }, [reads, shown, tracker]);
  const media = lesson.media;
  return (
    <>
      <PageTitle title={lesson.title} intro={`${lesson.courseTitle} · ${statusText(progress, data.finishPercent)}`} />
      {saved?.justFinished ? <Notice kind='done'>{`这一课学完了！得学习积分${LESSON_POINTS}分，在“我的”里能看到。`}</Notice> : null}
      {media.source === 'file' ? <FilePlayer data={data} onTime={(t) => tracker.at(t)} onStop={() => { tracker.stop(); flush(); }} /> : null}
      {media.source === 'channels' ? (
        <View className='lesson-player'>
          <Text className='lesson-player__where'>这一课的视频在微信视频号里。看完视频后，回来把下面的文字稿读一遍（页面开着就算在学）。</Text>
          {process.env.TARO_ENV === 'weapp' ? (
            <BigButton onClick={() => void Taro.openChannelsActivity({ finderUserName: media.finderUserName, feedId: media.feedId })}>到视频号里看视频</BigButton>
          ) : (
            <Notice>视频号的视频要在手机微信的小程序里看；这里可以先读文字稿。</Notice>
          )}
        </View>
      ) : null}
      {media.source === 'none' && lesson.kind !== 'reading' ? <Notice>视频暂时打不开，可以先读下面的文字稿。</Notice> : null}
      <Card title={lesson.kind === 'reading' ? '课文' : '字幕和文字稿'} lines={lesson.text.split('\n')} />
      {data.next ? (
        <BigButton kind='secondary' onClick={() => { flush(); openPage('lesson', { id: data.next?.id ?? '' }); }}>
          {`下一课：${data.next.title}`}
        </BigButton>
      ) : null}
      <BigButton kind='secondary' onClick={() => { flush(); openPage('lessons', { courseId: lesson.courseId }); }}>
        回到课程列表
      </BigButton>
    </>
  );
}

/** 云课堂 one lesson: plays from where the member stopped, saves what was played, says when it is finished. */
export default function LessonPlayer() {
  const { params } = useRouter();
  const state = useCloud('lessons', 'lesson', { lessonId: params.id ?? '' });
  return (
    <ActingScreen state={state} doing='学习'>
      {(data) => <Lesson key={data.lesson.id} data={data} />}
    </ActingScreen>
  );
}
