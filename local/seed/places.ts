/**
 * Demo places in the next days, so reminders can be seen on a fresh preview: the 防范养老诈骗讲座 and the
 * 门球友谊赛 hold places for 王建国 (whose daughter acts for him), 刘振山 and roster members without WeChat
 * (they land on staff's 需电话通知 list). Each place is a line entry with its sign-up, first in the line, and the
 * activity's `taken` is the line's length (no counter without its records).
 */
import type { EnrollmentDoc } from '../../src/shared/documents';
import { enrollmentId } from '../../src/shared/enrollment-rules';
import { DEMO_PEOPLE } from './demo-accounts';
import type { SeededGroups } from './enrollments';

const PLACES: Record<string, { bring: string; members: string[] }> = {
  'activity-jiangzuo': { bring: '带上老花镜和常用手机', members: [DEMO_PEOPLE.member.memberId, DEMO_PEOPLE.lixiu.memberId, 'member-0004', 'member-0005'] },
  'activity-menqiu': { bring: '自带球杆，穿运动鞋', members: [DEMO_PEOPLE.member.memberId, 'member-0006'] },
};

/** The groups with the demo places at the head of those activities' lines, and the sign-ups behind them. */
export function withDemoPlaces(groups: SeededGroups, now: Date): SeededGroups {
  const placed = (kind: string, targetId: string, memberId: string) =>
    kind === 'activity' && (PLACES[targetId]?.members.includes(memberId) ?? false);
  const demo: EnrollmentDoc[] = [];
  const activities = groups.activities.map((doc) => {
    const places = PLACES[doc._id];
    if (!places) return doc;
    for (const memberId of places.members) {
      const _id = enrollmentId('activity', doc._id, memberId);
      demo.push({
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
      });
    }
    const line = [...places.members, ...(doc.line ?? []).filter((m) => !places.members.includes(m))];
    return { ...doc, bring: places.bring, line, taken: line.length };
  });
  const enrollments = [...groups.enrollments.filter((e) => !placed(e.kind, e.targetId, e.memberId)), ...demo];
  return { ...groups, activities, enrollments };
}
