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
    unique: [{ name: 'openid_unique', fields: ['openid'] }],
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
    name: 'settings',
    purpose: '系统设置（单条配置文档，_id 为配置名）',
    unique: [],
  },
] as const satisfies readonly CollectionSpec[];

export type CollectionName = (typeof COLLECTIONS)[number]['name'];
