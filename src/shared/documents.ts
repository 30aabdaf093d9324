/**
 * The shapes of the documents kept in each collection (see collections.ts).
 * Dates are stored as Date values (db.serverDate() on writes by functions).
 */
import type { Role } from './primitives';
import type { NoticeAudience, NoticeCategory } from './contracts-notice';
import type { SuggestionCategory } from './contracts-suggestion';
import type { NoticeBlock } from './notice-body';
import type { PersonFields } from './person';
import type { SuggestionOutcome, SuggestionStatus, SuggestionStep } from './suggestion-rules';
import type { VisitReason } from './visit-rules';
import type { GeoPoint } from './distance';
import type { LessonFields, Range } from './lesson-rules';
import type { MeetingKind } from './contracts-branch';

export interface MemberDoc extends PersonFields {
  _id: string;
  rosterNo: string; // 花名册编号, unique
  phone: string; // full number; masked in every list
  skills: string[]; // 人才库: 法律, 医疗, 农业技术, 教学, 书法 ...
  emergencyContact: { name: string; relation: string; phone: string } | null;
  createdAt: Date;
  /** set when the member's personal fields were erased on their request (注销); the entry stays for the figures */
  erasedAt?: Date | null;
  /** 'MM-DD' (生日, for the birthday visits of 五必访); absent when not known */
  birthday?: string | null;
  /** when staff were told the member is in hospital (生病住院); null or absent when not (staff function) */
  hospitalizedAt?: Date | null;
  /** the party branch (党支部) the member belongs to; null or absent when none (roster import, branch function) */
  branchId?: string | null;
}

export interface LeadRef {
  /** activity: a leader who runs that activity's check-in (checkin function); branch: the branch's secretary (党支部书记) */
  kind: 'association' | 'team' | 'course' | 'activity' | 'branch';
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
  /**
   * Unique (bindingKey_unique): the memberId for member accounts, 'openid:' + openid for every other account,
   * so one roster entry binds one WeChat and one WeChat one entry, enforced by the database.
   */
  bindingKey: string;
  /** the consent text version the person agreed to, and when (absent on seeded staff accounts) */
  consent?: { version: string; at: Date };
  /** helper: the relation to the member they act for (女儿, 儿子 ...) */
  relation?: string;
  /** helper: when the member revoked them; a revoked helper is refused everywhere */
  revokedAt?: Date | null;
  /** in-app large-text preference of the person using this WeChat */
  largeText?: boolean;
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
  /** memberIds who joined through the app, in order (enrollment-rules.ts); memberCount moves with it */
  line?: string[];
  /** how many times its line(s) changed: the version an enrollment's status follows (cloudfunctions/_domain/seats) */
  seatRev?: number;
}

export interface VolunteerPost {
  id: string;
  name: string;
  duties: string;
  capacity: number;
  taken: number;
  /** memberIds in arrival order: the first places hold the post, the rest wait (enrollment-rules.ts) */
  line?: string[];
}

export interface VolunteerTeamDoc {
  _id: string;
  name: string;
  category: string; // 送思想 / 送法律 / 送技术 ...
  description: string;
  skills: string[]; // skills that fit this team
  leaderMemberId: string | null;
  posts: VolunteerPost[];
  /** how many times its line(s) changed: the version an enrollment's status follows (cloudfunctions/_domain/seats) */
  seatRev?: number;
}

export interface CampusDoc {
  _id: string;
  name: string;
  town: string;
  address: string;
  isMain: boolean;
  /** where it is (就近入学: courses sorted by distance) */
  location?: GeoPoint;
}

/** A venue (活动场所, 教学点, 收视点) with its point: an activity whose place starts with its name is there. */
export interface VenueDoc {
  _id: string;
  name: string;
  town: string;
  kind: 'campus' | 'screening' | 'activity';
  location: GeoPoint;
}

/** A town (乡镇/街道) of the county with its centre: where a member is taken to be without a position of their own. */
export interface TownDoc {
  _id: string;
  name: string;
  location: GeoPoint;
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
  /** firstCome (default): places by arrival; lottery (摇号): sign-ups collect, staff draw after the close */
  mode?: 'firstCome' | 'lottery';
  /**
   * memberIds in arrival order (or drawn order after a lottery). `taken` moves with it in the same update, so
   * taken counts everyone asking, waitlist included: seats - taken is still the places left (enrollment-rules.ts).
   */
  line?: string[];
  /** the recorded draw of a lottery course, set once with the drawn line */
  lottery?: LotteryRecord;
  /** how many times its line(s) changed: the version an enrollment's status follows (cloudfunctions/_domain/seats) */
  seatRev?: number;
}

/** A lottery draw, kept so anyone can re-run drawLottery(entrants, places, seed) and get the same winners. */
export interface LotteryRecord {
  seed: string;
  drawnAt: Date;
  drawnBy: string;
  places: number;
  entrants: string[];
  winners: string[];
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
  /** the venue's point, when known (lists sorted by distance; without one it comes last) */
  location?: GeoPoint;
  /** what to bring (带什么), told in reminders; a default hint when absent */
  bring?: string | null;
  /** memberIds in arrival order; taken moves with it, waitlist included (see CourseDoc.line) */
  line?: string[];
  /** how many times its line(s) changed: the version an enrollment's status follows (cloudfunctions/_domain/seats) */
  seatRev?: number;
  /** no cancelling within this many hours of the start (default from settings 'enrollment') */
  cancelCutoffHours?: number;
  /** check-in window (default: 30 minutes before the start until the end; timebank-rules.ts checkinWindow) */
  checkinOpensAt?: Date | null;
  checkinClosesAt?: Date | null;
  /** the short key the venue code carries (set when check-in is first opened; checkin function) */
  checkinKey?: string;
  /** set by staff when they cancel it (staff function); everyone signed up is told the reason */
  cancelReason?: string | null;
  cancelledAt?: Date | null;
  cancelledBy?: string | null;
  /** a 云课堂 screening at a 收视点: everyone checked in gets this lesson marked attended (lessons function) */
  lessonId?: string | null;
}

export interface NoticeDoc {
  _id: string;
  title: string;
  category: NoticeCategory;
  /** pinned notices come first */
  pinned: boolean;
  audience: NoticeAudience;
  /** 'everyone' or '<kind>:<id>' (audienceKeyOf in contracts-notice.ts), for one `in` query per member */
  audienceKey: string;
  /** the audience's size when it was published (or its audience last changed): for a group audience the 工作台 and
   * the notice list count this instead of resolving the group ('everyone' is counted live); absent on older notices */
  audienceSize?: number;
  /** structured rich text (notice-body.ts), never HTML */
  body: NoticeBlock[];
  /** PDF files in cloud storage */
  attachments: { fileId: string; name: string; size?: number }[];
  status: 'published' | 'withdrawn';
  publishedAt: Date;
  publisherName: string;
  /** openid of the staff member who published it (absent on seeded notices) */
  publishedBy?: string;
  updatedAt?: Date;
}

/** 已读回执: one per (noticeId, memberId), enforced by the unique index noticeMember_unique. */
export interface NoticeReadDoc {
  _id: string;
  noticeId: string;
  memberId: string;
  readAt: Date;
  /** the openid that opened it: the member's, or a helper's for them */
  byOpenid: string;
  byHelper: boolean;
}

/** One step of a suggestion's timeline: who did what, when. */
export interface SuggestionStepDoc {
  step: SuggestionStep;
  status: SuggestionStatus;
  at: Date;
  byOpenid: string;
  byName: string;
  byRole: Role;
  note: string | null;
}

/** 建言献策: a member's suggestion and its handling. */
export interface SuggestionDoc {
  _id: string;
  /** JY-YYYY-NNNNNN, unique (trackingNo_unique) and sequential per year (counters 'suggestion-YYYY') */
  trackingNo: string;
  memberId: string;
  /** the member's name when submitted (shown to handlers unless hideName) */
  memberName: string;
  category: SuggestionCategory;
  text: string;
  photos: string[];
  hideName: boolean;
  status: SuggestionStatus;
  outcome: SuggestionOutcome | null;
  department: string | null;
  reply: string | null;
  timeline: SuggestionStepDoc[];
  submittedAt: Date;
  acceptedAt: Date | null;
  concludedAt: Date | null;
  updatedAt: Date;
  /** set by the scheduler when it went escalateAfterDays without a change (suggestion-rules.ts isEscalated) */
  escalatedAt?: Date | null;
}

/** A named sequence (_id e.g. 'suggestion-2026'); advanced only by compare-and-set on seq. */
export interface CounterDoc {
  _id: string;
  seq: number;
}

/** How many times a member did something on one Beijing day (_id '<kind>:<memberId>:<YYYY-MM-DD>'). */
export interface DailyQuotaDoc {
  _id: string;
  used: number;
  day: string;
}

/** settings {_id: 'suggestion'}: what staff may change. */
export interface SuggestionSettingsDoc {
  _id: 'suggestion';
  dailyLimit: number;
  departments: string[];
  /** days without a change before an open suggestion escalates (default DEFAULT_ESCALATE_AFTER_DAYS) */
  escalateAfterDays?: number;
}

/**
 * 入册申请: someone not on the roster asks to be reviewed (created by member actions, decided by roster actions).
 * activeKey has a unique index: 'openid:' + openid while pending (one open request per WeChat, enforced by the
 * database), the request's own _id once decided.
 */
export interface RosterRequestDoc extends PersonFields {
  _id: string;
  openid: string; // the requester's WeChat
  activeKey: string;
  phone: string;
  skills: string[];
  note: string; // anything the requester wants staff to know ('' when none)
  /** the consent the requester gave; approval binds their WeChat to the new entry with it */
  consent: { version: string; at: Date };
  status: 'pending' | 'approved' | 'rejected';
  /** approved: the roster entry created from this request */
  memberId: string | null;
  rejectReason: string | null;
  decidedBy: string | null; // staff name
  decidedAt: Date | null;
  createdAt: Date;
}

/**
 * 注销申请 (PIPL): a member asks for their personal data to be erased; staff confirm.
 * activeKey has a unique index: 'member:' + memberId while pending (one open request per member), the
 * request's own _id once done.
 */
export interface DeletionRequestDoc {
  _id: string;
  memberId: string;
  openid: string; // who asked (the member, or a helper for them)
  activeKey: string;
  reason: string; // '' when none given
  status: 'pending' | 'done';
  doneBy: string | null; // staff name
  doneAt: Date | null;
  createdAt: Date;
}

/** A family helper invitation (代办邀请): _id is the SHA-256 of the one-time code, which is never stored. */
export interface InvitationDoc {
  _id: string;
  memberId: string;
  createdBy: string; // openid of the member
  createdAt: Date;
  expiresAt: Date;
  usedBy: string | null; // openid of the helper who accepted it
  usedAt: Date | null;
}

/** Binding mismatches of one WeChat (_id = openid): at most 5 in an hour, then locked for an hour. */
export interface BindAttemptDoc {
  _id: string;
  windowStart: Date;
  failures: number;
  lockedUntil: Date; // epoch when not locked
}

/** What a helper (or staff) did for a member; the member sees it. */
export interface AuditLogDoc {
  _id: string;
  memberId: string;
  actorOpenid: string;
  actorName: string;
  actorRole: Role;
  action: string; // e.g. 'member.updateProfile'
  detail: string; // plain Chinese, shown to the member
  at: Date;
}

/**
 * 报名: one member's sign-up to one association, volunteer team (one post), course or activity.
 * _id = enrollmentId(kind, targetId, memberId) (enrollment-rules.ts): a retry or double tap can never make two.
 * Whether an active one holds a place or waits is read from the target's line, the single source of truth.
 */
export interface EnrollmentDoc {
  _id: string;
  kind: 'association' | 'team' | 'course' | 'activity';
  targetId: string;
  /** team: the post signed up for */
  postId: string | null;
  memberId: string;
  /** course: its term */
  termId: string | null;
  /** unique (termSlot_unique): holds the per-term course limit; the _id when it holds no slot */
  termSlot: string;
  /** active: in the line (or being put there); pending: waiting for approval (associations) */
  status: 'active' | 'pending' | 'cancelled' | 'rejected';
  title: string;
  createdAt: Date;
  updatedAt: Date;
  /** who tapped: the member's or a helper's openid */
  byOpenid: string;
  decidedBy?: string | null;
  rejectReason?: string | null;
  /** set when a cancel moved this one from the waitlist into a place */
  promotedAt?: Date | null;
  /** the target's seatRev this status was written at: a write of an older version never lands (_domain/seats) */
  seatRev?: number;
}

/** settings {_id: 'enrollment'}: sign-up rules staff may change. */
export interface EnrollmentSettingsDoc {
  _id: 'enrollment';
  /** most courses a member may sign up for in one term, waitlist and lottery entries included */
  courseLimitPerTerm: number;
  /** default for activities without their own cancelCutoffHours */
  activityCancelCutoffHours: number;
}

/**
 * 志愿服务场次: one scheduled service of a volunteer team (post), e.g. half a day on duty at the town's
 * mediation centre. Volunteers check in and out (mode 'scan'); where scanning makes no sense (indoor, at a frail
 * person's home: mode 'confirm') the team leader or staff confirm the hours.
 */
export interface ServiceSessionDoc {
  _id: string;
  teamId: string;
  teamName: string;
  /** null: any post of the team */
  postId: string | null;
  title: string;
  place: string;
  startAt: Date;
  endAt: Date;
  mode: 'scan' | 'confirm';
  status: 'scheduled' | 'cancelled';
  /** what to bring, told in reminders */
  bring?: string | null;
  checkinOpensAt?: Date | null;
  checkinClosesAt?: Date | null;
  checkinKey?: string;
}

/** 签到: one per (activity or session, member); _id = checkinId(kind, targetId, memberId) (timebank-rules.ts). */
export interface CheckinDoc {
  _id: string;
  kind: 'activity' | 'session' | 'meeting';
  targetId: string;
  /** the activity's or session's title, for the member's records */
  title: string;
  memberId: string;
  memberName: string;
  at: Date;
  /** scan: the member (or their helper) scanned the venue code; staff: checked in by staff or leader; walkUp: scanned without a sign-up */
  method: 'scan' | 'staff' | 'walkUp';
  byOpenid: string;
  byName: string;
  byRole: Role;
  /** sessions: check-out time and the minutes present inside the scheduled time */
  checkOutAt: Date | null;
  presentMinutes: number | null;
}

/**
 * 时间银行 ledger: every credit is an entry, never an edited total; a correction is a reversing entry with a
 * reason the member reads (and possibly a corrected credit). _ids: creditId / reversalId (timebank-rules.ts).
 */
export interface TimeBankEntryDoc {
  _id: string;
  memberId: string;
  kind: 'credit' | 'reversal';
  /** positive for a credit, the negative of the credit for a reversal */
  hours: number;
  sessionId: string;
  title: string;
  serviceDate: Date;
  /** credit: minutes counted; null for reversals */
  minutes: number | null;
  /** scan: check-in/out; staff: confirmed by staff or leader; correction: the corrected credit after a reversal */
  source: 'scan' | 'staff' | 'correction';
  /** reversal: the entry it reverses */
  reverses: string | null;
  /** reversal: why, shown to the member */
  reason: string | null;
  byOpenid: string;
  byName: string;
  at: Date;
}

/** settings {_id: 'timebank'}: rounding steps, presence percentage and certificate issuer (timebank-rules.ts). */
export interface TimeBankSettingsDoc {
  _id: 'timebank';
  rounding: { steps: { fromMinute: number; hours: number }[] };
  presencePercent: number;
  issuer: string;
}

/** settings {_id: 'checkinSecret'}: the HMAC key of venue codes; created once, never sent to a client. */
export interface CheckinSecretDoc {
  _id: 'checkinSecret';
  secret: string;
  createdAt: Date;
}

/** 走访慰问 (五必访): one visit by the bureau to a member (or, on death, their family). */
export interface VisitDoc {
  _id: string;
  memberId: string;
  /** the member's name when visited (kept for the record) */
  memberName: string;
  reason: VisitReason;
  /** Beijing calendar day 'YYYY-MM-DD' */
  visitedOn: string;
  /** who went, as staff write it (e.g. 局领导李明、干事刘芳) */
  visitors: string;
  notes: string;
  byOpenid: string;
  byName: string;
  createdAt: Date;
}

/** One document an audited staff write changed: its fields before and after that differ (whole document when created). */
export interface StaffAuditChange {
  collection: string;
  id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The staff audit log (staffAudit collection): every staff write, who, what, when, before and after. Admins read it. */
export interface StaffAuditDoc {
  _id: string;
  /** '<function>.<action>', e.g. 'enrollment.approve' */
  action: string;
  actorOpenid: string;
  actorName: string;
  actorRole: Role;
  at: Date;
  changes: StaffAuditChange[];
  /** for writes to many documents (an import): what the answer says was done */
  summary: Record<string, unknown> | null;
}

/** lessons: one lesson (课) of a course's 云课堂. */
export interface LessonDoc extends LessonFields {
  _id: string;
  courseId: string;
  courseTitle: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
}

/** lessonProgress: one member on one lesson (_id progressId(lessonId, memberId)); every figure is counted from these. */
export interface LessonProgressDoc {
  _id: string;
  lessonId: string;
  courseId: string;
  memberId: string;
  /** where the member stopped, seconds */
  position: number;
  /** merged [from, to) stretches played */
  ranges: Range[];
  watchedSeconds: number;
  durationSeconds: number;
  finishedAt: Date | null;
  /** watched: FINISH_PERCENT reached; screening: checked in at a 收视点 screening (its activity id in screeningId) */
  finishedBy: 'watched' | 'screening' | null;
  screeningId?: string | null;
  /** 学习积分 earned: 0, or LESSON_POINTS once finished */
  points: number;
  /** changes with every write: saves are conditional on the version they read */
  rev: number;
  /** when a save last checked that the member holds a place in the course; saves soon after it skip the check */
  accessCheckedAt?: Date | null;
  updatedAt: Date;
  createdAt: Date;
}

/** 离退休干部党支部: a party branch of retired cadres. Members point at it (MemberDoc.branchId). */
export interface PartyBranchDoc {
  _id: string;
  name: string;
  /** 支部书记: a member of the branch; their account leads { kind: 'branch', id } */
  secretaryMemberId: string | null;
  secretaryName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A branch meeting or study session (三会一课, 主题党日): agenda, check-in (kind 'meeting') and minutes. */
export interface BranchMeetingDoc {
  _id: string;
  branchId: string;
  branchName: string;
  kind: MeetingKind;
  title: string;
  agenda: string;
  place: string;
  startAt: Date;
  endAt: Date;
  status: 'scheduled' | 'cancelled';
  /** the study material (a notice to the branch) this meeting studies, if any */
  materialId: string | null;
  minutes: string;
  minutesBy: string | null;
  minutesAt: Date | null;
  checkinOpensAt?: Date | null;
  checkinClosesAt?: Date | null;
  checkinKey?: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** 送学上门 done: one per (meeting or material, member); _id = deliveryId(source, memberId). */
export interface BranchDeliveryDoc {
  _id: string;
  /** 'meeting:<id>' or 'material:<id>' */
  sourceKey: string;
  branchId: string;
  memberId: string;
  how: 'visit' | 'call';
  note: string;
  byOpenid: string;
  byName: string;
  at: Date;
}
