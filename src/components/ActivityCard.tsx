import type { ActivitySummary } from '../shared/contracts';
import { formatDateTime, formatSeatsLeft } from '../services/format';
import { Card } from './Card';

export function ActivityCard({ activity }: { activity: ActivitySummary }) {
  return (
    <Card
      title={activity.title}
      lines={[`时间：${formatDateTime(activity.startAt)}`, `地点：${activity.place}`]}
      badge={formatSeatsLeft(activity.seatsLeft)}
    />
  );
}
