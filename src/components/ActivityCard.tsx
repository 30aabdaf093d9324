import type { ActivitySummary } from '../shared/contracts';
import { formatDateTime } from '../services/format';
import { activityTimeline, cardState } from '../services/phase';
import { LinkCard } from './LinkCard';
import { distanceLine } from '../shared/distance-words';

/** An activity in a list; a tap opens its detail screen (with the sign-up button while sign-up is open). */
export function ActivityCard({ activity, onClick }: { activity: ActivitySummary; onClick: () => void }) {
  const { badge, more } = cardState(activityTimeline(activity), activity.seatsLeft);
  return <LinkCard title={activity.title} lines={[`时间：${formatDateTime(activity.startAt)}`, `地点：${activity.place}`, activity.distanceM === undefined ? null : distanceLine(activity.distanceM)]} badge={badge} more={more} onClick={onClick} />;
}
