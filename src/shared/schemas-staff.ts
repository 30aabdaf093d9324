/** Payload validators of the `staff` function (registered in schemas.ts). */
import * as v from 'valibot';
import { docId, emptyPayload, eventTime, int, longText, optionalText, pastDay, payload, requestKey, text } from './fields';
import { SETTINGS, type SettingKey } from './settings';
import { VISIT_REASONS } from './visit-rules';

const page = v.optional(int('页码', 1, 10000));

const rosterKind = v.picklist(['association', 'team', 'course', 'activity'] as const, '名单的类别不对');
const groupRoster = payload({
  kind: rosterKind,
  id: docId('编号'),
  postId: v.optional(docId('岗位')),
  page,
  checked: v.optional(v.picklist(['in', 'out'] as const, '签到筛选不对')),
});

const post = payload({
  id: v.optional(docId('岗位')),
  name: text('岗位名称', 30),
  duties: longText('岗位职责', 300),
  capacity: int('岗位人数', 1, 1000),
});

export const staffSchemas = {
  home: emptyPayload,
  catalog: emptyPayload,
  /** id: absent: a new one (a course form still needs the term and campuses) */
  catalogItem: payload({ kind: v.picklist(['activity', 'course', 'association', 'team'] as const, '类别不对'), id: v.optional(docId('编号')) }),
  saveActivity: payload({
    /** absent: a new activity */
    activityId: v.optional(docId('活动编号')),
    /** a create's idempotency key, one per form opened: a repeated or retried request creates one document */
    requestKey: requestKey(),
    title: text('活动名称', 40),
    kind: text('活动类别', 20),
    description: optionalText('活动介绍', 1000),
    place: text('地点', 60),
    startAt: eventTime('开始时间'),
    endAt: eventTime('结束时间'),
    signupDeadline: eventTime('报名截止时间'),
    seats: int('名额', 1, 10000),
    walkUpAllowed: v.boolean('现场报名设置不对'),
    cancelCutoffHours: v.optional(int('取消截止小时数', 0, 168)),
  }),
  /** reason: told to everyone signed up, e.g. 因天气原因取消 */
  cancelActivity: payload({ activityId: docId('活动编号'), reason: text('取消原因', 40) }),
  /** name: 2026年春季学期 */
  setTerm: payload({ termId: docId('学期编号'), name: text('学期名称', 30) }),
  saveCourse: payload({
    courseId: v.optional(docId('课程编号')),
    /** a create's idempotency key, one per form opened: a repeated or retried request creates one document */
    requestKey: requestKey(),
    termId: docId('学期编号'),
    title: text('课程名称', 30),
    campusId: docId('校区'),
    teacher: text('老师', 20),
    weekday: int('星期', 1, 7),
    time: v.pipe(v.string('上课时间不对'), v.regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, '上课时间应当像 09:00-10:30')),
    place: text('教室', 40),
    seats: int('名额', 1, 1000),
    fee: int('学费', 0, 100000),
    enrollOpensAt: eventTime('报名开始时间'),
    enrollClosesAt: eventTime('报名截止时间'),
    mode: v.optional(v.picklist(['firstCome', 'lottery'] as const, '报名方式不对')),
  }),
  saveAssociation: payload({
    associationId: v.optional(docId('协会编号')),
    /** a create's idempotency key, one per form opened: a repeated or retried request creates one document */
    requestKey: requestKey(),
    name: text('协会名称', 30),
    purpose: longText('协会宗旨', 300),
    leaderName: text('会长', 20),
    meetingSchedule: optionalText('活动时间', 60),
    joinMode: v.picklist(['open', 'approval'] as const, '入会方式不对'),
  }),
  saveTeam: payload({
    teamId: v.optional(docId('服务队编号')),
    /** a create's idempotency key, one per form opened: a repeated or retried request creates one document */
    requestKey: requestKey(),
    name: text('服务队名称', 30),
    category: text('服务类别', 20),
    description: longText('服务队介绍', 300),
    skills: v.pipe(v.array(text('特长', 20), '特长不对'), v.maxLength(20, '特长最多20项')),
    leaderMemberId: v.optional(v.nullable(docId('队长'))),
    /** the posts the team keeps; a post left out is removed (refused while anyone is signed up to it) */
    posts: v.pipe(v.array(post, '岗位不对'), v.minLength(1, '至少要有一个岗位'), v.maxLength(30, '岗位最多30个')),
  }),
  /** postId: team: one post only; page: 1-based page of ROSTER_PAGE_SIZE rows (the export always has every row); checked: activity: only those checked in, or only those not yet */
  roster: groupRoster,
  exportRoster: groupRoster,
  recordVisit: payload({
    /** a create's idempotency key, one per form opened: a repeated or retried request creates one document */
    requestKey: requestKey(),
    memberId: docId('成员编号'),
    reason: v.picklist(VISIT_REASONS, '请选择走访原因'),
    visitedOn: pastDay('走访日期'),
    visitors: text('走访人', 60),
    notes: optionalText('情况记录', 1000),
  }),
  visits: payload({ memberId: v.optional(docId('成员编号')), reason: v.optional(v.picklist(VISIT_REASONS, '走访原因不对')), page }),
  setHospital: payload({ memberId: docId('成员编号'), inHospital: v.boolean('住院情况不对') }),
  visitsDue: emptyPayload,
  settings: emptyPayload,
  saveSettings: payload({
    values: v.strictObject(
      Object.fromEntries(
        SETTINGS.map((setting) => [setting.key, v.optional(v.pipe(v.string(`${setting.label}应当是文字`), v.trim(), v.maxLength(80, `${setting.label}太长了`)))]),
      ) as Record<SettingKey, v.OptionalSchema<v.SchemaWithPipe<readonly [v.StringSchema<string>, v.TrimAction, v.MaxLengthAction<string, 80, string>]>, undefined>>,
    ),
  }),
  integrity: emptyPayload,
  repairCounter: payload({ kind: v.picklist(['association', 'team', 'course', 'activity', 'tally'] as const, '计数的类别不对'), id: docId('编号'), postId: v.optional(docId('岗位')) }),
  /** action: '<function>.<action>', e.g. 'enrollment.approve' */
  auditLog: payload({ action: v.optional(v.pipe(v.string('操作名称不对'), v.regex(/^[a-zA-Z]{1,30}\.[a-zA-Z]{1,30}$/, '操作名称不对'))), page }),
};
