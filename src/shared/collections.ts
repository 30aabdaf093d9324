/**
 * Every database collection with its indexes and its client security rules, in one place.
 * The local emulator creates exactly these collections, enforces the unique indexes and, for direct client access
 * (wx.cloud.database() from a page), the rules; `npm run deploy` creates the same collections, indexes and rules in
 * a real CloudBase environment (scripts/deploy). A unique index treats a missing field as null, as MongoDB and
 * CloudBase do. Other indexes (`indexes`) back the functions' queries: every query shape the test suite makes must
 * be covered by one of them (test/emulator/index-coverage.test.ts).
 */
export interface UniqueIndex {
  /** index name as created in the console */
  name: string;
  /** field paths, in order */
  fields: string[];
}

/** A 2dsphere index (索引管理 -> 地理位置索引): needed by geoNear queries and the $geoNear stage. */
export interface GeoIndex {
  name: string;
  /** the field holding a GeoJSON Point (db.Geo.Point) */
  field: string;
}

/**
 * A non-unique index. Fields in order; a leading '-' makes a field descending (e.g. ['status', '-createdAt']).
 * Index names are unique per collection.
 */
export interface QueryIndex {
  name: string;
  fields: string[];
}

/**
 * Security rules for direct client access (wx.cloud.database() from the mini-program), CloudBase's format:
 * a boolean or an expression over auth.openid and doc.* (docs: ../shared/cloudbase-deploy.md §4). Cloud functions
 * bypass them. Omitted = CLIENT_DENIED: the app reaches every collection through its cloud functions only.
 */
export interface ClientRules {
  read: boolean | string;
  write: boolean | string;
}

export const CLIENT_DENIED = { read: false, write: false } as const satisfies ClientRules;

export interface CollectionSpec {
  name: string;
  purpose: string;
  unique: UniqueIndex[];
  geo?: GeoIndex[];
  indexes?: QueryIndex[];
  rules?: ClientRules;
  /** small, bounded collections (settings, campuses…) that functions may read whole without an index */
  wholeReads?: boolean;
}

/** The geo indexes of a declared collection (none for most). */
export const geoIndexesOf = (spec: CollectionSpec): GeoIndex[] => spec.geo ?? [];

export const COLLECTIONS = [
  {
    name: 'members',
    purpose: '花名册：离退休干部档案（roster entries; bound to one WeChat once confirmed）',
    unique: [{ name: 'rosterNo_unique', fields: ['rosterNo'] }],
    indexes: [
      { name: 'name_birthYear', fields: ['name', 'birthYear'] },
      { name: 'town_type_party', fields: ['town', 'memberType', 'partyMember'] },
      { name: 'birthday_erased', fields: ['birthday', 'erasedAt'] },
      { name: 'erased_hospitalized', fields: ['erasedAt', 'hospitalizedAt'] },
      { name: 'branch_erased_name', fields: ['branchId', 'erasedAt', 'name'] },
    ],
  },
  {
    name: 'accounts',
    purpose: '微信账号与身份：openid -> member / helper / leader / staff / admin',
    unique: [
      { name: 'openid_unique', fields: ['openid'] },
      { name: 'bindingKey_unique', fields: ['bindingKey'] },
    ],
    indexes: [
      { name: 'memberId_role', fields: ['memberId', 'role'] },
      { name: 'actsFor_role', fields: ['actsFor', 'role', 'createdAt'] },
      { name: 'role', fields: ['role'] },
    ],
  },
  {
    name: 'associations',
    purpose: '涉老协会',
    unique: [],
    wholeReads: true,
  },
  {
    name: 'volunteerTeams',
    purpose: '志愿服务队及其岗位',
    unique: [],
    wholeReads: true,
  },
  {
    name: 'campuses',
    purpose: '老年大学校区（本部与分校）',
    unique: [],
    geo: [{ name: 'location_2dsphere', field: 'location' }],
    wholeReads: true,
  },
  {
    name: 'courses',
    purpose: '老年大学课程（按学期）',
    unique: [],
    indexes: [
      { name: 'mode_enrollClosesAt', fields: ['mode', 'enrollClosesAt'] },
      { name: 'term_schedule', fields: ['termId', 'weekday', 'time'] },
      { name: 'enrollOpensAt', fields: ['-enrollOpensAt'] },
    ],
  },
  {
    name: 'activities',
    purpose: '活动',
    unique: [],
    geo: [{ name: 'location_2dsphere', field: 'location' }],
    indexes: [
      { name: 'status_startAt', fields: ['status', 'startAt'] },
      { name: 'startAt', fields: ['startAt'] },
      { name: 'checkinKey', fields: ['checkinKey'] },
    ],
  },
  {
    name: 'notices',
    purpose: '通知、政情通报、阅文',
    unique: [],
    indexes: [
      { name: 'publishedAt', fields: ['-publishedAt'] },
      { name: 'audience_status_pinned', fields: ['audienceKey', 'status', '-pinned', '-publishedAt'] },
      { name: 'audience_publishedAt', fields: ['audienceKey', '-publishedAt'] },
      { name: 'status_publishedAt', fields: ['status', '-publishedAt'] },
    ],
  },
  {
    name: 'rosterRequests',
    purpose: '入册申请：不在花名册上的人申请审核（工作人员批准后建档）',
    unique: [{ name: 'activeKey_unique', fields: ['activeKey'] }],
    indexes: [
      { name: 'status_createdAt', fields: ['status', 'createdAt'] },
      { name: 'openid_createdAt', fields: ['openid', '-createdAt'] },
      { name: 'memberId', fields: ['memberId'] },
    ],
  },
  {
    name: 'deletionRequests',
    purpose: '注销申请：成员申请删除个人信息，工作人员确认后抹去',
    unique: [{ name: 'activeKey_unique', fields: ['activeKey'] }],
    indexes: [
      { name: 'status_createdAt', fields: ['status', 'createdAt'] },
      { name: 'memberId', fields: ['memberId'] },
    ],
  },
  {
    name: 'invitations',
    purpose: '家属代办邀请（一次性邀请码，24小时有效，只存哈希）',
    unique: [],
    indexes: [{ name: 'member_used_expires', fields: ['memberId', 'usedBy', 'expiresAt'] }],
  },
  {
    name: 'bindAttempts',
    purpose: '身份确认失败次数（每个微信一小时内最多5次）',
    unique: [],
  },
  {
    name: 'auditLog',
    purpose: '代办记录：家属或工作人员替成员做了什么',
    unique: [],
    indexes: [
      { name: 'memberId_at', fields: ['memberId', '-at'] },
      { name: 'action_memberId', fields: ['action', 'memberId'] },
    ],
  },
  {
    name: 'enrollments',
    purpose: '报名：协会、志愿岗位、课程、活动（_id 由类型+对象+成员决定，同一人同一项只能有一条）',
    unique: [{ name: 'termSlot_unique', fields: ['termSlot'] }],
    indexes: [
      { name: 'status_id', fields: ['status', '_id'] },
      { name: 'member_kind_status', fields: ['memberId', 'kind', 'status'] },
      { name: 'target_kind_status', fields: ['targetId', 'kind', 'status'] },
      { name: 'kind_status', fields: ['kind', 'status'] },
    ],
  },
  {
    name: 'noticeReads',
    purpose: '通知已读回执：每位成员每条通知一条（唯一索引保证只记一次）',
    unique: [{ name: 'noticeMember_unique', fields: ['noticeId', 'memberId'] }],
    indexes: [{ name: 'memberId', fields: ['memberId'] }],
  },
  {
    name: 'suggestions',
    purpose: '建言献策：成员的意见建议及其办理过程',
    unique: [{ name: 'trackingNo_unique', fields: ['trackingNo'] }],
    indexes: [
      { name: 'memberId_submittedAt', fields: ['memberId', '-submittedAt'] },
      { name: 'status_submittedAt', fields: ['status', 'submittedAt'] },
      { name: 'submittedAt', fields: ['submittedAt'] },
    ],
  },
  {
    name: 'counters',
    purpose: '流水号计数器（如建议受理编号，按年；_id 为计数器名）',
    unique: [],
    wholeReads: true,
  },
  {
    name: 'dailyQuotas',
    purpose: '每人每日次数（如每天最多提交几条建议；_id 为 类型:成员:日期）',
    unique: [],
  },
  {
    name: 'serviceSessions',
    purpose: '志愿服务场次（服务队/岗位的计划时间；扫码签到签退或由队长、工作人员确认时长）。签到码按 checkinKey 查找：生产环境为本集合和 activities 的 checkinKey 建普通索引',
    unique: [],
    indexes: [
      { name: 'team_status_startAt', fields: ['teamId', 'status', 'startAt'] },
      { name: 'status_startAt', fields: ['status', 'startAt'] },
      { name: 'checkinKey', fields: ['checkinKey'] },
    ],
  },
  {
    name: 'checkins',
    purpose: '签到：活动和志愿服务场次（_id 由类型+对象+成员决定，同一人同一场只记一次）',
    unique: [],
    indexes: [
      { name: 'target_kind_method', fields: ['targetId', 'kind', 'method'] },
      { name: 'memberId_at', fields: ['memberId', '-at'] },
    ],
  },
  {
    name: 'timeBankEntries',
    purpose: '时间银行流水：每次记入时长一条，更正为一条冲销（附原因）；合计由流水汇总，不改总数',
    unique: [],
    indexes: [
      { name: 'serviceDate', fields: ['serviceDate'] },
      { name: 'memberId_at', fields: ['memberId', '-at'] },
      { name: 'sessionId_at', fields: ['sessionId', 'at'] },
    ],
  },
  {
    name: 'visits',
    purpose: '走访慰问（五必访）：生病住院、生日、重大节日、家庭变故、特殊困难、去世',
    unique: [],
    indexes: [
      { name: 'member_reason_visitedOn', fields: ['memberId', 'reason', 'visitedOn'] },
      { name: 'visitedOn', fields: ['visitedOn'] },
    ],
  },
  {
    name: 'staffAudit',
    purpose: '工作人员操作日志：每次工作人员写操作的人、事、时间、改前改后（仅管理员可看）',
    unique: [],
    indexes: [
      { name: 'action_at', fields: ['action', '-at'] },
      { name: 'at', fields: ['-at'] },
    ],
  },
  {
    name: 'messages',
    purpose: '消息：发给成员的每条消息（提醒、摇号结果、报名与建议进展），_id 由消息内容决定，同一条只发一次；微信没送达的也在这里，工作人员据此电话通知',
    unique: [],
    indexes: [
      { name: 'memberId_createdAt', fields: ['memberId', '-createdAt'] },
      { name: 'memberId_readAt', fields: ['memberId', 'readAt'] },
      { name: 'delivery_createdAt', fields: ['delivery', '-createdAt'] },
    ],
  },
  {
    name: 'subscriptions',
    purpose: '订阅消息授权：每个微信每个模板还剩几次一次性授权（或长期订阅）；_id 为 openid:模板id',
    unique: [],
  },
  {
    name: 'jobs',
    purpose: '定时任务进度（scheduler 函数）：每项任务已处理到的时间和位置，超时后下次从这里接着做；_id 为任务名',
    unique: [],
  },
  {
    name: 'hotlineCalls',
    purpose: '服务热线来电记录：谁打来（老同志或陌生号码）、什么事、怎么答复的、要不要回访、回访办完没有',
    unique: [],
    indexes: [
      { name: 'followUp_calledAt', fields: ['followUp', '-calledAt'] },
      { name: 'member_calledAt', fields: ['memberId', '-calledAt'] },
      { name: 'calledAt', fields: ['-calledAt'] },
    ],
  },
  {
    name: 'partyBranches',
    purpose: '离退休干部党支部（成员见 members.branchId；支部书记的账号 leads 含 { kind: branch }）',
    unique: [],
    indexes: [{ name: 'name', fields: ['name'] }],
    wholeReads: true,
  },
  {
    name: 'branchMeetings',
    purpose: '党支部会议与学习（三会一课、主题党日）：议程、签到（checkins kind meeting）、会议记录',
    unique: [],
    indexes: [
      { name: 'branch_startAt', fields: ['branchId', '-startAt'] },
      { name: 'status_startAt', fields: ['status', 'startAt'] },
      { name: 'checkinKey', fields: ['checkinKey'] },
    ],
  },
  {
    name: 'branchDeliveries',
    purpose: '送学上门：没参加会议也没读学习资料的党员，书记上门或打电话送学后记一条（_id 由对象和成员决定）',
    unique: [],
    indexes: [{ name: 'sourceKey', fields: ['sourceKey', 'memberId'] }],
  },
  {
    name: 'tallies',
    purpose: '工作台的待办计数（_id 为计数名：待审核入册、注销、入会申请），与所计的记录在同一事务里变动；数据核对可按记录重算',
    unique: [],
    wholeReads: true,
  },
  {
    name: 'settings',
    purpose: '系统设置（单条配置文档，_id 为配置名）',
    unique: [],
    wholeReads: true,
  },
  {
    name: 'towns',
    purpose: '乡镇（街道）及其中心位置：没有给出位置时按家所在乡镇算远近',
    unique: [],
    geo: [{ name: 'location_2dsphere', field: 'location' }],
    wholeReads: true,
  },
  {
    name: 'venues',
    purpose: '场所（活动场所、教学点、收视点）及其位置：发布活动时地点以场所名开头的，记下它的位置，用于按远近排序',
    unique: [],
    geo: [{ name: 'location_2dsphere', field: 'location' }],
    wholeReads: true,
  },
  {
    name: 'lessons',
    purpose: '云课堂的课（视频、音频、图文），属于老年大学的课程',
    unique: [],
    indexes: [{ name: 'course_order', fields: ['courseId', 'order'] }],
  },
  {
    name: 'lessonProgress',
    purpose: '云课堂学习进度（每人每课一条，_id 为 课编号~会员编号）：看过的片段、学完时间、学习积分',
    unique: [],
    indexes: [
      { name: 'member_course', fields: ['memberId', 'courseId'] },
      { name: 'course_lesson', fields: ['courseId', 'lessonId'] },
      { name: 'member_points', fields: ['memberId', 'points'] },
      { name: 'finishedAt', fields: ['finishedAt'] },
    ],
  },
] as const satisfies readonly CollectionSpec[];

export type CollectionName = (typeof COLLECTIONS)[number]['name'];

/** The client rules of a collection (CLIENT_DENIED unless declared). */
export function rulesOf(spec: CollectionSpec): ClientRules {
  return spec.rules ?? CLIENT_DENIED;
}

/** Every index of a collection as field/direction lists, unique ones first. */
/** An index key's direction as CloudBase takes it ('2dsphere' for a geo index). */
export type IndexDirection = 1 | -1 | '2dsphere';

export function indexKeysOf(spec: CollectionSpec): Array<{ name: string; keys: Array<{ field: string; direction: IndexDirection }>; unique: boolean }> {
  const keys = (fields: readonly string[]) =>
    fields.map((f) => (f.startsWith('-') ? { field: f.slice(1), direction: -1 as const } : { field: f, direction: 1 as const }));
  return [
    ...spec.unique.map((u) => ({ name: u.name, keys: keys(u.fields), unique: true })),
    ...(spec.indexes ?? []).map((i) => ({ name: i.name, keys: keys(i.fields), unique: false })),
    ...geoIndexesOf(spec).map((g) => ({ name: g.name, keys: [{ field: g.field, direction: '2dsphere' as const }], unique: false })),
  ];
}
