import { useRouter } from '@tarojs/taro';
import { Card } from '../../components/Card';
import { LinkCard } from '../../components/LinkCard';
import { PageTitle } from '../../components/PageTitle';
import { Section } from '../../components/Section';
import { ActingScreen } from '../../components/Loaded';
import { openPage } from '../../services/routes';
import { useCloud } from '../../services/useCloud';
import type { LessonItem } from '../../shared/contracts-lessons';
import { durationText, LESSON_KIND_LABEL } from '../../shared/lesson-rules';
import './lessons.scss';

function stateLine(item: LessonItem): string {
  if (item.state === 'finished') return '已学完';
  if (item.state === 'started') return `已看${item.percent}%，点开接着看`;
  return '还没看';
}

/** 云课堂 of one course: its lessons in order with what the member finished, and the points it earned. */
export default function CourseLessons() {
  const { params } = useRouter();
  const state = useCloud('lessons', 'course', { courseId: params.courseId ?? '' });
  return (
    <ActingScreen state={state} refreshOnShow doing='学习'>
      {(data) => (
        <>
          <PageTitle title={`${data.course.title}·云课堂`} intro={`${data.course.teacher}老师的课，在家就能看。看到哪里，下次从哪里接着看。`} />
          <Card title={`这门课已得学习积分：${data.points}分`} lines={[data.pointsRule]} />
          <Section title='课程列表' emptyText='老师还没有上传这门课的云课堂' count={data.lessons.length}>
            {data.lessons.map((item) => (
              <LinkCard
                key={item.id}
                title={`第${item.order}课 ${item.title}`}
                lines={[`${LESSON_KIND_LABEL[item.kind]} · ${durationText(item.durationSeconds)}`, stateLine(item)]}
                badge={item.state === 'finished' ? '已学完' : undefined}
                more={item.state === 'finished' ? '再看一遍' : item.state === 'started' ? '接着看' : '开始看'}
                onClick={() => openPage('lesson', { id: item.id })}
              />
            ))}
          </Section>
        </>
      )}
    </ActingScreen>
  );
}
