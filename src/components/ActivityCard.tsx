import type { ActivitySummary } from '../shared/contracts';
import { formatDateTime, signupWords } from '../services/format';
import { LinkCard } from './LinkCard';

/** An activity in a list; a tap opens its detail screen with the sign-up button. */
export function ActivityCard({ activity, onClick }: { activity: ActivitySummary; onClick: () => void }) {
  return (
    <LinkCard
      title={activity.title}
      lines={[`时间：${formatDateTime(activity.startAt)}`, `地点：${activity.place}`]}
      {...signupWords(activity)}
      onClick={onClick}
    />
  );
}
