import { ActingScreen } from '../../../components/Loaded';
import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { CheckinBoardLink } from '../../../components/CheckinBoardLink';
import { EnrollPanel } from '../../../components/EnrollPanel';
import { Facts } from '../../../components/Facts';
import { PageTitle } from '../../../components/PageTitle';
import { seatsText } from '../../../services/enrollFormat';
import { formatDateTime, formatTime } from '../../../services/format';
import { useCloud } from '../../../services/useCloud';
import { activityAfter } from '../../../services/tapAnswer';
import type { ActivityView, TapAnswer } from '../../../shared/contracts-enrollment';
import { nextStep } from '../../../shared/enroll-intent';

function ActivityDetail({ activity, runsCheckin, onChanged }: { activity: ActivityView; runsCheckin: boolean; onChanged: (answer: TapAnswer) => void }) {
  const when = `${formatDateTime(activity.startAt)} 到 ${formatTime(activity.endAt)}`;
  return (
    <>
      <PageTitle title={activity.title} />
      <Text className='enroll-text'>{activity.description}</Text>
      <Facts
        items={[
          ['时间', when],
          ['地点', activity.place],
          ['名额', seatsText(activity.seats, activity.seatsLeft, activity.waitlist)],
          ['报名截止', formatDateTime(activity.signupDeadline)],
          ['取消规则', `${activity.cancelRule}，有变化请提前取消，把名额让给别人`],
          ['不报名能来吗', activity.walkUpAllowed ? '可以，没报名也能直接到场' : '需要先报名'],
        ]}
      />
      <EnrollPanel
        me={activity.me}
        request={{ kind: 'activity', targetId: activity.id }}
        next={activity.me.state === 'enrolled' ? nextStep('activity', 'enrolled', null, { when: formatDateTime(activity.startAt), place: activity.place }) : undefined}
        onChanged={onChanged}
      />
      <CheckinBoardLink activityId={activity.id} show={runsCheckin} />
    </>
  );
}

/** 活动详情: time, place, places left, deadline, the cancellation rule, and the one button. */
export default function Activity() {
  const state = useCloud('enrollment', 'activity', { activityId: useRouter().params.id ?? '' });
  return <ActingScreen state={state}>{(data) => <ActivityDetail activity={data.activity} runsCheckin={data.runsCheckin} onChanged={(answer) => state.update((d) => ({ ...d, activity: activityAfter(d.activity, answer) }))} />}</ActingScreen>;
}
