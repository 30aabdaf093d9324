/**
 * Typed intents: the server's status answer says what a button does, and the subscribe request is chosen by that
 * meaning, never by the words — so every waitlist (course, activity, volunteer post) asks for the promotion message.
 */
import { myStatus } from '../../cloudfunctions/_domain/seats/status';
import { activityTarget, associationTarget, courseTarget, teamTarget } from '../../cloudfunctions/_domain/seats/targets';
import type { EnrollmentSettingsDoc } from '../../src/shared/documents';
import { CANCEL_WORDS, cancelConfirmWords, messagesAfter, postIntent, SIGN_UP_WORDS, signUpNotifyIntent, type SignUpIntent } from '../../src/shared/enroll-intent';

const settings: EnrollmentSettingsDoc = { _id: 'enrollment', courseLimitPerTerm: 3, activityCancelCutoffHours: 2 };
const now = new Date('2026-05-01T00:00:00Z');
const day = 86_400_000;
const course = { _id: 'c', termId: 't', title: '书法', campusId: 'x', campusName: '本部', teacher: '', weekday: 1, time: '09:00-10:30', place: '', seats: 2, taken: 2, fee: 0, enrollOpensAt: new Date(now.getTime() - day), enrollClosesAt: new Date(now.getTime() + day), line: ['a', 'b'] };
const activity = { _id: 'a', title: '门球赛', kind: '门球赛', description: '', place: '', startAt: new Date(now.getTime() + 3 * day), endAt: new Date(now.getTime() + 3.1 * day), signupDeadline: new Date(now.getTime() + 2 * day), seats: 1, taken: 1, walkUpAllowed: false, status: 'published' as const, line: ['a'] };
const team = { _id: 't', name: '法律服务队', category: '', description: '', skills: [], leaderMemberId: null, posts: [{ id: 'p1', name: '调解员', duties: '', capacity: 1, taken: 1, line: ['a'] }] };
const status = (target: Parameters<typeof myStatus>[0]['target'], postId: string | null = null) =>
  myStatus({ target, enrollment: null, memberId: 'me', now, settings, postId });
/** the bureau's template ids (member.me's bureau.templates) */
const bureauTemplates = { tplEnrollPromoted: 'promoted-id', tplEnrollApproval: 'approval-id', tplLotteryResult: 'lottery-id' };
/** what EnrollPanel asks WeChat for */
const templates = (intent: SignUpIntent) => signUpNotifyIntent(intent, bureauTemplates).templateIds;

describe('sign-up intents', () => {
  it('a full course, a full activity and a full volunteer post are waitlists, and each asks for the promotion message', () => {
    const full = [status(courseTarget(course)), status(activityTarget(activity)), status(teamTarget(team), 'p1')];
    for (const me of full) {
      expect(me).toMatchObject({ signUpIntent: 'waitlist', signUpText: '排队候补' });
      expect(templates(me.signUpIntent)).toEqual(['promoted-id']);
    }
    // the team screen's post button (its words are 排队候补调解员): decided by the post, not by the words
    expect(templates(postIntent({ seatsLeft: 0 }))).toEqual(['promoted-id']);
    expect(templates(postIntent({ seatsLeft: 2 }))).toEqual([]);
  });

  it('approval associations ask for the decision, lotteries for the result, free places for nothing', () => {
    const assoc = { _id: 's', name: '书画研究会', purpose: '', leaderName: '', meetingSchedule: '', joinMode: 'approval' as const, memberCount: 3 };
    expect(status(associationTarget(assoc))).toMatchObject({ signUpIntent: 'apply', signUpText: '申请加入' });
    expect(templates('apply')).toEqual(['approval-id']);
    expect(status(associationTarget({ ...assoc, joinMode: 'open' }))).toMatchObject({ signUpIntent: 'join', signUpText: '加入协会' });
    expect(status(courseTarget({ ...course, mode: 'lottery' }))).toMatchObject({ signUpIntent: 'enterLottery', signUpText: '参加摇号' });
    expect(templates('enterLottery')).toEqual(['lottery-id', 'promoted-id']);
    expect(messagesAfter('enterLottery')).toEqual(['lottery', 'promoted']);
    // a template the bureau has not set is not asked for
    expect(signUpNotifyIntent('waitlist', { tplEnrollPromoted: '' }).templateIds).toEqual([]);
    expect(status(courseTarget({ ...course, taken: 0, line: [] }))).toMatchObject({ signUpIntent: 'signUp', signUpText: '报名' });
    expect(templates('signUp')).toEqual([]);
    expect(templates('join')).toEqual([]);
  });

  it('words come from one table; the cancel confirmation keeps the button’s own verb', () => {
    expect(Object.keys(SIGN_UP_WORDS).sort()).toEqual(['apply', 'enterLottery', 'join', 'signUp', 'waitlist']);
    expect(cancelConfirmWords('leaveAssociation')).toEqual({ confirm: '确定退出', keep: '不退出' });
    expect(cancelConfirmWords('withdraw')).toEqual({ confirm: '确定撤回', keep: '不撤回' });
    expect(cancelConfirmWords('leaveWaitlist')).toEqual({ confirm: '确定取消', keep: '不取消' });
    expect(CANCEL_WORDS.leavePost).toBe('退出岗位');
  });
});
