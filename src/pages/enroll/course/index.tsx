import { ActingScreen } from '../../../components/Loaded';
import { useRouter } from '@tarojs/taro';
import { BigButton } from '../../../components/BigButton';
import { EnrollPanel } from '../../../components/EnrollPanel';
import { Facts } from '../../../components/Facts';
import { Notice } from '../../../components/Notice';
import { PageTitle } from '../../../components/PageTitle';
import { classTime, feeText, friendlyClock, nextStepOf, seatsText } from '../../../services/enrollFormat';
import { formatDateTime, formatWeekday } from '../../../services/format';
import { openPage } from '../../../services/routes';
import { useCloud } from '../../../services/useCloud';
import { courseAfter } from '../../../services/tapAnswer';
import type { CourseDetail, CourseDetailData, TapAnswer } from '../../../shared/contracts-enrollment';

/** 摇号 in plain words: before the draw, and the recorded outcome after it. */
function lotteryText(course: CourseDetail): string {
  if (!course.lottery) {
    return `这门课报名的人多，采用摇号：报名截止后统一摇号，摇中的人上课，没摇中的按摇号顺序候补。现在已有${course.entrants}人报名，共${course.seats}个名额。`;
  }
  const { lottery } = course;
  const mine = lottery.mine === 'won' ? '您摇中了。' : lottery.mine === 'waitlisted' ? '您这次没有摇中，已按摇号顺序候补。' : '';
  return `${formatDateTime(lottery.drawnAt)}已摇号：${lottery.entrants}人报名，${lottery.winners}人摇中。${mine}`;
}

function CourseView({ data, onChanged }: { data: CourseDetailData; onChanged: (answer: TapAnswer) => void }) {
  const { course, usage } = data;
  const time = classTime(course.weekday, course.time);
  const place = `${course.campusName} ${course.place}`;
  return (
    <>
      <PageTitle title={course.title} />
      <Facts
        items={[
          ['老师', course.teacher],
          ['上课时间', time],
          ['上课地点', place],
          ['地址', course.campusAddress],
          ['名额', course.mode === 'lottery' && !course.lottery ? `共${course.seats}个，摇号决定` : seatsText(course.seats, course.seatsLeft, course.waitlist)],
          ['学费', feeText(course.fee)],
          ['报名时间', friendlyClock(course.windowText)],
          ['本学期', `您已报${usage.used}门，最多可报${usage.limit}门`],
        ]}
      />
      {course.mode === 'lottery' ? <Notice>{lotteryText(course)}</Notice> : null}
      <EnrollPanel
        me={course.me}
        request={{ kind: 'course', targetId: course.id }}
        next={nextStepOf({ kind: 'course', when: `${formatWeekday(course.weekday)} ${course.time}`, place, me: course.me })}
        onChanged={onChanged}
      />
      {course.me.state === 'enrolled' ? (
        <BigButton kind='secondary' onClick={() => openPage('lessons', { courseId: course.id })}>
          看这门课的云课堂
        </BigButton>
      ) : null}
    </>
  );
}

/** 课程详情: teacher, time, place, places left, fee, window, the member's own status and the one button. */
export default function Course() {
  const state = useCloud('enrollment', 'course', { courseId: useRouter().params.id ?? '' });
  return <ActingScreen state={state}>{(data) => <CourseView data={data} onChanged={(answer) => state.update((d) => ({ ...d, ...courseAfter(d, answer) }))} />}</ActingScreen>;
}
