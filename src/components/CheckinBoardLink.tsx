import { openPage } from '../services/routes';
import { BigButton } from './BigButton';

/**
 * Opens the 签到码 screen of this activity, for whoever runs its check-in: the screen's own answer says so
 * (runsCheckin), so no second call is needed.
 */
export function CheckinBoardLink({ activityId, show }: { activityId: string; show: boolean }) {
  if (!show) return null;
  return (
    <BigButton kind='secondary' onClick={() => openPage('checkinBoard', { kind: 'activity', id: activityId })}>
      打开这个活动的签到码
    </BigButton>
  );
}
