/**
 * 志愿服务场次 and 时间银行 of 示例县: scheduled service sessions (past and upcoming; one whose check-in is open from
 * the moment of seeding, so the preview can try scanning at any hour) and a few ledger entries of the demo member
 * — credits by scan and by staff confirmation, and one correction (a reversal with its reason and the corrected
 * credit). Ids follow src/shared/timebank-rules.ts. A pure function of `now`.
 */
import type { CheckinDoc, ServiceSessionDoc, TimeBankEntryDoc } from '../../src/shared/documents';
import { checkinId, creditId, reversalId } from '../../src/shared/timebank-rules';
import { beijingTime } from './clock';
import { DEMO_PEOPLE } from './demo-accounts';

interface SessionSpec {
  id: string;
  teamId: string;
  teamName: string;
  postId: string | null;
  title: string;
  place: string;
  inDays: number;
  at: string;
  hours: number;
  mode: ServiceSessionDoc['mode'];
  /** demo: check-in open from the moment of seeding */
  openNow?: boolean;
}

const SESSIONS: readonly SessionSpec[] = [
  { id: 'tiaojie-zhiban-next', teamId: 'team-tiaojie', teamName: '矛盾纠纷调解队', postId: 'post-tiaojieyuan', title: '综治中心值班', place: '城关镇综治中心调解室', inDays: 1, at: '08:30', hours: 3, mode: 'scan', openNow: true },
  { id: 'tiaojie-jishi-next', teamId: 'team-tiaojie', teamName: '矛盾纠纷调解队', postId: 'post-zixun', title: '逢集日法律咨询', place: '河口镇集市', inDays: 6, at: '08:00', hours: 4, mode: 'scan' },
  { id: 'keji-shouji-past', teamId: 'team-keji', teamName: '科技服务队', postId: 'post-shouji', title: '社区手机课', place: '城东街道滨河社区党群服务中心', inDays: -12, at: '14:30', hours: 2, mode: 'scan' },
  { id: 'aixin-tanfang-past', teamId: 'team-aixin', teamName: '爱心帮扶队', postId: 'post-tanfang', title: '结对探访（上门）', place: '独居老人家中', inDays: -20, at: '09:00', hours: 2, mode: 'confirm' },
  { id: 'aixin-tanfang-past2', teamId: 'team-aixin', teamName: '爱心帮扶队', postId: 'post-tanfang', title: '结对探访（上门）', place: '独居老人家中', inDays: -6, at: '09:00', hours: 2, mode: 'confirm' },
];

const sessionId = (spec: SessionSpec) => `session-${spec.id}`;

export function buildServiceSessions(now: Date): ServiceSessionDoc[] {
  return SESSIONS.map((spec) => {
    const [hour, minute] = spec.at.split(':').map(Number) as [number, number];
    const startAt = beijingTime(now, spec.inDays, hour, minute);
    return {
      _id: sessionId(spec),
      teamId: spec.teamId,
      teamName: spec.teamName,
      postId: spec.postId,
      title: spec.title,
      place: spec.place,
      startAt,
      endAt: new Date(startAt.getTime() + spec.hours * 3600_000),
      mode: spec.mode,
      status: 'scheduled',
      ...(spec.openNow ? { checkinOpensAt: now } : {}),
    };
  });
}

const STAFF = { byOpenid: 'demo-staff', byName: '张丽' };

export function buildTimeBankEntries(now: Date): TimeBankEntryDoc[] {
  const sessions = new Map(buildServiceSessions(now).map((s) => [s._id, s]));
  const memberId = DEMO_PEOPLE.member.memberId;
  const credit = (id: string, hours: number, minutes: number, source: TimeBankEntryDoc['source'], revision = 0): TimeBankEntryDoc => {
    const session = sessions.get(`session-${id}`) as ServiceSessionDoc;
    return {
      _id: creditId(session._id, memberId, revision),
      memberId,
      kind: 'credit',
      hours,
      sessionId: session._id,
      title: `${session.teamName}·${session.title}`,
      serviceDate: session.startAt,
      minutes,
      source,
      reverses: null,
      reason: null,
      ...(source === 'scan' ? { byOpenid: 'demo-member', byName: DEMO_PEOPLE.member.name } : STAFF),
      at: new Date(session.endAt.getTime() + (revision + 1) * 3600_000),
    };
  };
  const scanned = credit('keji-shouji-past', 2, 118, 'scan');
  const confirmed = credit('aixin-tanfang-past', 2, 110, 'staff');
  const wrong = credit('aixin-tanfang-past2', 2, 120, 'staff');
  const reversal: TimeBankEntryDoc = {
    ...wrong,
    _id: reversalId(wrong._id),
    kind: 'reversal',
    hours: -wrong.hours,
    minutes: null,
    reverses: wrong._id,
    reason: '探访记录核对：当天实际服务1小时，已按实际时长更正',
    at: new Date(wrong.at.getTime() + 24 * 3600_000),
  };
  const corrected = { ...credit('aixin-tanfang-past2', 1, 60, 'correction', 1), at: new Date(reversal.at.getTime() + 1000) };
  return [scanned, confirmed, wrong, reversal, corrected];
}

/** The check-in and check-out behind the demo member's credit by scan (the confirmed ones were confirmed by staff). */
export function buildServiceCheckins(now: Date): CheckinDoc[] {
  return buildTimeBankEntries(now)
    .filter((entry) => entry.kind === 'credit' && entry.source === 'scan')
    .map((entry): CheckinDoc => {
      const session = buildServiceSessions(now).find((s) => s._id === entry.sessionId) as ServiceSessionDoc;
      const minutes = entry.minutes ?? 0;
      return {
        _id: checkinId('session', session._id, entry.memberId),
        kind: 'session',
        targetId: session._id,
        title: entry.title,
        memberId: entry.memberId,
        memberName: DEMO_PEOPLE.member.name,
        at: session.startAt,
        method: 'scan',
        byOpenid: entry.byOpenid,
        byName: entry.byName,
        byRole: 'member',
        checkOutAt: new Date(session.startAt.getTime() + minutes * 60_000),
        presentMinutes: minutes,
      };
    });
}
