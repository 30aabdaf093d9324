/**
 * Demo places in the next days, so reminders can be seen on a fresh preview: the 防范养老诈骗讲座 (in 2 days)
 * and the 门球友谊赛 (in 3 days) hold places for 王建国 (whose daughter acts for him), 刘振山 and roster
 * members without WeChat (they land on staff's 需电话通知 list). Each place is a line entry with its sign-up.
 */
import type { ActivityDoc, EnrollmentDoc } from '../../src/shared/documents';
import { enrollmentId } from '../../src/shared/enrollment-rules';
import { DEMO_PEOPLE } from './demo-accounts';

const PLACES: Record<string, { bring: string; members: string[] }> = {
  'activity-jiangzuo': { bring: '带上老花镜和常用手机', members: [DEMO_PEOPLE.member.memberId, DEMO_PEOPLE.lixiu.memberId, 'member-0004', 'member-0005'] },
  'activity-menqiu': { bring: '自带球杆，穿运动鞋', members: [DEMO_PEOPLE.member.memberId, 'member-0006'] },
};

/** The activities with the demo places in their lines (taken already counts them). */
export function withDemoPlaces(activities: ActivityDoc[]): ActivityDoc[] {
  return activities.map((doc) => {
    const places = PLACES[doc._id];
    return places ? { ...doc, bring: places.bring, line: [...places.members] } : doc;
  });
}

/** The sign-ups behind those places. */
export function buildDemoEnrollments(activities: ActivityDoc[], now: Date): EnrollmentDoc[] {
  return activities.flatMap((doc) =>
    (PLACES[doc._id]?.members ?? []).map((memberId): EnrollmentDoc => {
      const _id = enrollmentId('activity', doc._id, memberId);
      return {
        _id,
        kind: 'activity',
        targetId: doc._id,
        postId: null,
        memberId,
        termId: null,
        termSlot: _id,
        status: 'active',
        title: doc.title,
        createdAt: now,
        updatedAt: now,
        byOpenid: `seed-${memberId}`,
      };
    }),
  );
}
