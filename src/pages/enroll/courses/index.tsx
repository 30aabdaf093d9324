import { ActingScreen } from '../../../components/Loaded';
import { useState } from 'react';
import { NearbySort } from '../../../components/NearbySort';
import { distanceLine, distanceWords, type NearFrom } from '../../../shared/distance';
import { ChoiceChips } from '../../../components/ChoiceChips';
import { LinkCard } from '../../../components/LinkCard';
import { PageTitle } from '../../../components/PageTitle';
import { Section } from '../../../components/Section';
import { classTime, courseBadge, feeText } from '../../../services/enrollFormat';
import { openPage } from '../../../services/routes';
import { moreWords } from '../../../shared/time-words';
import { useCloud } from '../../../services/useCloud';
import type { CampusView, CourseListData } from '../../../shared/contracts-enrollment';

const ALL = 'all';

function campusLabel(campus: CampusView): string {
  if (typeof campus.distanceM === 'number') return `${campus.name} · ${distanceWords(campus.distanceM)}`;
  return campus.nearest ? `${campus.name} · 离您最近` : campus.name;
}

function CourseList({ data, onNear }: { data: CourseListData; onNear: (near: NearFrom | null) => void }) {
  const [campusId, setCampusId] = useState(ALL);
  const options = [{ value: ALL, label: '全部地点' }, ...data.campuses.map((c) => ({ value: c.id, label: campusLabel(c) }))];
  const courses = campusId === ALL ? data.courses : data.courses.filter((c) => c.campusId === campusId);
  const campus = data.campuses.find((c) => c.id === campusId);
  return (
    <>
      <PageTitle
        title='老年大学选课'
        intro={`${data.usage ? `本学期您已报${data.usage.used}门，最多可报${data.usage.limit}门。` : ''}点课程看详情和报名。`}
      />
      <NearbySort near={data.near} onChange={onNear} usualOrder='按上课地点排列' />
      <ChoiceChips label='选上课地点' hint='离您最近的排在最前' options={options} selected={[campusId]} onToggle={setCampusId} />
      <Section title={campus ? campus.name : '全部课程'} emptyText='这里本学期没有开课' count={courses.length}>
        {courses.map((course) => (
          <LinkCard
            key={course.id}
            title={course.title}
            lines={[`${course.campusName}`, course.distanceM === undefined ? null : distanceLine(course.distanceM), `上课：${classTime(course.weekday, course.time)}`, `老师：${course.teacher}　学费：${feeText(course.fee)}`]}
            badge={courseBadge(course)}
            more={moreWords(course.window === 'open' ? 'signupOpen' : 'signupClosed')}
            onClick={() => openPage('course', { id: course.id })}
          />
        ))}
      </Section>
    </>
  );
}

/** 老年大学选课: this term's courses, the member's nearest campus first, with a campus filter. */
export default function Courses() {
  const [near, setNear] = useState<NearFrom | null>(null);
  const state = useCloud('enrollment', 'courses', near ? { near } : {});
  return (
    <ActingScreen state={state} refreshOnShow empty={(data) => data.termId === null} emptyText='本学期的课程还没有公布'>
      {(data) => <CourseList data={data} onNear={setNear} />}
    </ActingScreen>
  );
}
