import { LinkCard } from '../../../../components/LinkCard';
import { Section } from '../../../../components/Section';
import { staffScreen } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { openPage } from '../../../../services/routes';
import { useCloud } from '../../../../services/useCloud';
import { useRefreshOnShow } from '../../../../services/useRefreshOnShow';
import '../../staff.scss';

function Courses() {
  const { loading, error, data, retry } = useCloud('lessons', 'staffCourses', {});
  useRefreshOnShow(retry);
  return (
    <StatusView loading={loading && !data} error={error} onRetry={retry}>
      {data ? (
        <Section title={data.term ? `${data.term.name}的课程` : '还没有设定本学期'} emptyText='本学期还没有课程' count={data.courses.length}>
          {data.courses.map((c) => (
            <LinkCard
              key={c.id}
              title={c.title}
              lines={[`${c.teacher}老师 · 报上名${c.joined}人`, c.lessons ? `云课堂${c.lessons}课` : '还没有云课堂的课']}
              more='看学习情况、加课'
              onClick={() => openPage('staffLessonCourse', { courseId: c.id })}
            />
          ))}
        </Section>
      ) : null}
    </StatusView>
  );
}

/** 云课堂: the term's courses with how many lessons each has; a tap opens a course's lessons and completion. */
export default staffScreen({ title: '云课堂', intro: '报上名的老同志在“课程详情”里就能看到这门课的云课堂。选一门课加课或看学习情况。' }, Courses);
