import { BigButton } from '../../../../components/BigButton';
import { Facts } from '../../../../components/Facts';
import { LinkCard } from '../../../../components/LinkCard';
import { Section } from '../../../../components/Section';
import { staffScreen, type ScreenParams } from '../../../../components/StaffPage';
import { StatusView } from '../../../../components/StatusView';
import { openPage } from '../../../../services/routes';
import { useCloud } from '../../../../services/useCloud';
import { useRefreshOnShow } from '../../../../services/useRefreshOnShow';
import type { StaffLessonRow } from '../../../../shared/contracts-lessons';
import { durationText, LESSON_KIND_LABEL } from '../../../../shared/lesson-rules';
import '../../staff.scss';

const SOURCE_LABEL: Record<StaffLessonRow['source'], string> = { file: '已上传文件', channels: '视频号', none: '只有文字' };

function Completion({ params }: ScreenParams) {
  const courseId = params.courseId ?? '';
  const { loading, error, data, retry } = useCloud('lessons', 'completion', { courseId });
  useRefreshOnShow(retry);
  return (
    <StatusView loading={loading && !data} error={error} onRetry={retry}>
      {data ? (
        <>
          <Facts
            items={[
              ['课程', data.course.title],
              ['报上名', `${data.course.joined}人`],
              ['云课堂', `${data.course.lessons}课`],
              ['全部学完', `${data.finishedAll}人`],
            ]}
          />
          <BigButton onClick={() => openPage('staffLessonEdit', { courseId })}>加一课</BigButton>
          <Section title='每一课的学习情况' emptyText='这门课还没有云课堂的课' count={data.rows.length}>
            {data.rows.map((row) => (
              <LinkCard
                key={row.id}
                title={`第${row.order}课 ${row.title}`}
                lines={[
                  `${LESSON_KIND_LABEL[row.kind]} · ${durationText(row.durationSeconds)} · ${SOURCE_LABEL[row.source]}`,
                  `开始学${row.started}人，学完${row.finished}人`,
                ]}
                more='修改这一课、安排集体收看'
                onClick={() => openPage('staffLessonEdit', { courseId, id: row.id })}
              />
            ))}
          </Section>
        </>
      ) : null}
    </StatusView>
  );
}

/** One course's 云课堂: members joined, started and finished per lesson (counted from the records); add a lesson. */
export default staffScreen({ title: '云课堂学习情况', intro: '“学完”是看完九成以上，或在收视点集体收看时签了到。' }, Completion);
