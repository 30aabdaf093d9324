/**
 * Every database collection and its unique indexes, in one place.
 * The local emulator creates and enforces exactly these; in production the same list is what must be
 * created in the CloudBase console (数据库 -> 新建集合, 索引管理 -> 唯一索引) before the functions go live.
 * A unique index treats a missing field as null, as MongoDB and CloudBase do.
 */
export interface UniqueIndex {
  /** index name as created in the console */
  name: string;
  /** field paths, in order */
  fields: string[];
}

export interface CollectionSpec {
  name: string;
  purpose: string;
  unique: UniqueIndex[];
}

export const COLLECTIONS = [
  {
    name: 'members',
    purpose: '花名册：离退休干部档案（roster entries; bound to one WeChat once confirmed）',
    unique: [{ name: 'rosterNo_unique', fields: ['rosterNo'] }],
  },
  {
    name: 'accounts',
    purpose: '微信账号与身份：openid -> member / helper / leader / staff / admin',
    unique: [
      { name: 'openid_unique', fields: ['openid'] },
      { name: 'bindingKey_unique', fields: ['bindingKey'] },
    ],
  },
  {
    name: 'associations',
    purpose: '涉老协会',
    unique: [],
  },
  {
    name: 'volunteerTeams',
    purpose: '志愿服务队及其岗位',
    unique: [],
  },
  {
    name: 'campuses',
    purpose: '老年大学校区（本部与分校）',
    unique: [],
  },
  {
    name: 'courses',
    purpose: '老年大学课程（按学期）',
    unique: [],
  },
  {
    name: 'activities',
    purpose: '活动',
    unique: [],
  },
  {
    name: 'notices',
    purpose: '通知、政情通报、阅文',
    unique: [],
  },
  {
    name: 'rosterRequests',
    purpose: '入册申请：不在花名册上的人申请审核（工作人员批准后建档）',
    unique: [{ name: 'activeKey_unique', fields: ['activeKey'] }],
  },
  {
    name: 'deletionRequests',
    purpose: '注销申请：成员申请删除个人信息，工作人员确认后抹去',
    unique: [{ name: 'activeKey_unique', fields: ['activeKey'] }],
  },
  {
    name: 'invitations',
    purpose: '家属代办邀请（一次性邀请码，24小时有效，只存哈希）',
    unique: [],
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
  },
  {
    name: 'enrollments',
    purpose: '报名：协会、志愿岗位、课程、活动（_id 由类型+对象+成员决定，同一人同一项只能有一条）',
    unique: [{ name: 'termSlot_unique', fields: ['termSlot'] }],
  },
  {
    name: 'noticeReads',
    purpose: '通知已读回执：每位成员每条通知一条（唯一索引保证只记一次）',
    unique: [{ name: 'noticeMember_unique', fields: ['noticeId', 'memberId'] }],
  },
  {
    name: 'suggestions',
    purpose: '建言献策：成员的意见建议及其办理过程',
    unique: [{ name: 'trackingNo_unique', fields: ['trackingNo'] }],
  },
  {
    name: 'counters',
    purpose: '流水号计数器（如建议受理编号，按年；_id 为计数器名）',
    unique: [],
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
  },
  {
    name: 'checkins',
    purpose: '签到：活动和志愿服务场次（_id 由类型+对象+成员决定，同一人同一场只记一次）',
    unique: [],
  },
  {
    name: 'timeBankEntries',
    purpose: '时间银行流水：每次记入时长一条，更正为一条冲销（附原因）；合计由流水汇总，不改总数',
    unique: [],
  },
  {
    name: 'visits',
    purpose: '走访慰问（五必访）：生病住院、生日、重大节日、家庭变故、特殊困难、去世',
    unique: [],
  },
  {
    name: 'staffAudit',
    purpose: '工作人员操作日志：每次工作人员写操作的人、事、时间、改前改后（仅管理员可看）',
    unique: [],
  },
  {
    name: 'messages',
    purpose: '消息：发给成员的每条消息（提醒、摇号结果、报名与建议进展），_id 由消息内容决定，同一条只发一次；微信没送达的也在这里，工作人员据此电话通知。生产环境为 memberId+createdAt 建普通索引',
    unique: [],
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
    name: 'settings',
    purpose: '系统设置（单条配置文档，_id 为配置名）',
    unique: [],
  },
] as const satisfies readonly CollectionSpec[];

export type CollectionName = (typeof COLLECTIONS)[number]['name'];
