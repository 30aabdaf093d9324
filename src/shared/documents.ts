/**
 * The shapes of the documents kept in each collection (see collections.ts).
 * Dates are stored as Date values (db.serverDate() on writes by functions).
 */
import type { MemberType, Role } from './contracts';

export interface MemberDoc {
  _id: string;
  rosterNo: string; // 花名册编号, unique
  name: string;
  memberType: MemberType;
  gender: 'male' | 'female';
  birthYear: number;
  formerUnit: string; // 原单位
  town: string; // 乡镇/街道
  community: string; // 社区/村
  partyMember: boolean;
  phone: string; // full number; masked in every list
  skills: string[]; // 人才库: 法律, 医疗, 农业技术, 教学, 书法 ...
  emergencyContact: { name: string; relation: string; phone: string } | null;
  createdAt: Date;
}

export interface LeadRef {
  kind: 'association' | 'team' | 'course';
  id: string;
}

export interface AccountDoc {
  _id: string;
  openid: string; // unique
  role: Role;
  name: string; // display name
  memberId: string | null; // the member this WeChat is bound to (member, leader)
  actsFor: string | null; // helper: the member they act for
  leads: LeadRef[]; // leader: what they lead
  createdAt: Date;
}

export interface AssociationDoc {
  _id: string;
  name: string;
  purpose: string;
  leaderName: string;
  meetingSchedule: string; // 例：每月第一个周三上午
  joinMode: 'open' | 'approval';
  memberCount: number;
}

export interface VolunteerPost {
  id: string;
  name: string;
  duties: string;
  capacity: number;
  taken: number;
}

export interface VolunteerTeamDoc {
  _id: string;
  name: string;
  category: string; // 送思想 / 送法律 / 送技术 ...
  description: string;
  skills: string[]; // skills that fit this team
  leaderMemberId: string | null;
  posts: VolunteerPost[];
}

export interface CampusDoc {
  _id: string;
  name: string;
  town: string;
  address: string;
  isMain: boolean;
}

export interface CourseDoc {
  _id: string;
  termId: string; // e.g. 2026-autumn
  title: string;
  campusId: string;
  campusName: string;
  teacher: string;
  weekday: number; // 1 = Monday
  time: string; // "09:00-10:30"
  place: string;
  seats: number;
  taken: number;
  fee: number; // yuan per term, 0 = free
  enrollOpensAt: Date;
  enrollClosesAt: Date;
}

export interface ActivityDoc {
  _id: string;
  title: string;
  kind: string; // 门球赛, 座谈会, 健康查体 ...
  description: string;
  place: string;
  startAt: Date;
  endAt: Date;
  signupDeadline: Date;
  seats: number;
  taken: number;
  walkUpAllowed: boolean;
  status: 'published' | 'cancelled';
}

export interface NoticeDoc {
  _id: string;
  title: string;
  category: 'notice' | 'briefing' | 'document';
  body: string;
  publishedAt: Date;
  publisherName: string;
}
