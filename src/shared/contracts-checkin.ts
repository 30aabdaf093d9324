/**
 * Contracts of the `checkin` function (签到 and 时间银行). One call per screen:
 *  - board: the staff (or leader) check-in screen of one activity or service session: the current code and its
 *    QR image, live counts and the roster with each person's check-in; call again every `refreshInSeconds`.
 *  - scan: what the member's phone sends after scanning the venue code (the wxacode scene); answers the result
 *    screen. A volunteer scans the same code again when leaving to check out (not within 10 minutes of checking in).
 *  - assist: staff or the leader check someone in by tapping their name on the board (people without a phone).
 *  - confirmHours / correct: staff (or the team leader, for confirming) credit hours or reverse a credit with a reason.
 *  - mine: 我的志愿时长 — total, every ledger entry, certificate data, and recent check-ins.
 *  - targets: the 签到码 list of what the caller runs (staff: all; a leader: what they lead), today's and upcoming.
 * Dates are ISO 8601 strings.
 */
import type { Screen } from './screen';
import type { CheckinKind, RoundingRule, WindowPhase } from './timebank-rules';
import type { ContractsOf, RequestsOf } from './fields';
import type { checkinSchemas } from './schemas-checkin';

/** Each action's request is its validator's output (schemas-checkin.ts): written once, there. */
type Req = RequestsOf<typeof checkinSchemas>;

export type { CheckinKind, WindowPhase } from './timebank-rules';

export type CheckinMethod = 'scan' | 'staff' | 'walkUp';

export interface TargetRef {
  kind: CheckinKind;
  id: string;
}

export interface CheckinTargetView {
  kind: CheckinKind;
  id: string;
  title: string;
  place: string;
  startAt: string;
  endAt: string;
  window: { opensAt: string; closesAt: string; phase: WindowPhase; text: string };
  /** activities: walk-ups may scan without a sign-up while seats last */
  walkUpAllowed: boolean;
  /** sessions: 'confirm' means hours are confirmed by the leader or staff instead of scanning */
  mode: 'scan' | 'confirm';
}

export interface VenueCode {
  /** the wxacode scene; also what the local preview's scanner types */
  token: string;
  /** the page the code opens (scene passed as ?scene=) */
  page: string;
  /** data:image/png;base64,... (wxacode in the mini-program, a QR code locally) */
  qrImage: string;
  /** accepted until this instant */
  validUntil: string;
  refreshInSeconds: number;
}

export interface RosterRow {
  memberId: string;
  name: string;
  town: string;
  checkedIn: boolean;
  at: string | null;
  method: CheckinMethod | null;
  /** who checked them in when it was not the member (staff name, or the helper's name) */
  byName: string | null;
  /** sessions */
  checkedOutAt: string | null;
  presentMinutes: number | null;
}

export interface BoardData {
  target: CheckinTargetView;
  code: VenueCode;
  counts: { expected: number; checkedIn: number; walkUps: number; checkedOut: number };
  roster: RosterRow[];
}

export interface CreditView {
  credited: boolean;
  hours: number;
  minutes: number;
  /** plain words: why nothing was credited, or null */
  reason: string | null;
}

export interface ScanData {
  outcome: 'checkedIn' | 'already' | 'checkedOut' | 'alreadyOut';
  target: CheckinTargetView;
  memberName: string;
  /** 签到成功 / 您已签到 / 签退成功 / 您已签退 */
  headline: string;
  /** e.g. '签到时间 3月10日 09:02' */
  detail: string;
  at: string;
  walkUp: boolean;
  checkedOutAt: string | null;
  /** sessions after check-out */
  credit: CreditView | null;
}

export interface AssistData {
  outcome: 'checkedIn' | 'already';
  row: RosterRow;
  counts: BoardData['counts'];
}

export interface LedgerEntryView {
  id: string;
  kind: 'credit' | 'reversal';
  hours: number;
  /** '+1.5小时' / '-2小时' */
  hoursText: string;
  title: string;
  serviceDate: string;
  source: 'scan' | 'staff' | 'correction';
  minutes: number | null;
  /** reversal: why, for the member */
  reason: string | null;
  byName: string;
  at: string;
  /** a credit that has been reversed */
  reversed: boolean;
  /** staff's note on a confirmed credit */
  note?: string;
}

export type ConfirmHoursRequest = Req['confirmHours'];

export interface ConfirmHoursData {
  credit: CreditView;
  /** null when nothing was credited */
  entry: LedgerEntryView | null;
  /** the entry existed already (confirmed or scanned before) */
  already: boolean;
}

export type CorrectRequest = Req['correct'];

export interface CorrectData {
  reversal: LedgerEntryView;
  correction: LedgerEntryView | null;
}

export interface CertificateData {
  name: string;
  hours: number;
  hoursText: string;
  /** first and last service date of credited entries; null when none */
  period: { from: string; to: string } | null;
  /** e.g. '2025年3月至2026年3月' */
  periodText: string;
  issuer: string;
  issuedAt: string;
}

export interface AttendanceItem {
  kind: CheckinKind;
  targetId: string;
  title: string;
  at: string;
  method: CheckinMethod;
}

export interface MyHoursData {
  viewer: { name: string; onBehalf: boolean; memberName: string };
  totalHours: number;
  totalText: string;
  entries: LedgerEntryView[];
  certificate: CertificateData;
  /** recent check-ins (activities and sessions), newest first */
  attendance: AttendanceItem[];
}

/** A volunteer service session (志愿服务时段) as staff and leaders manage it. */
export interface SessionRow {
  id: string;
  teamId: string;
  teamName: string;
  /** null: any post of the team */
  postId: string | null;
  postName: string | null;
  title: string;
  place: string;
  startAt: string;
  endAt: string;
  notes: string;
  mode: 'scan' | 'confirm';
  status: 'scheduled' | 'cancelled';
  scheduledMinutes: number;
}

export interface SessionTeam {
  id: string;
  name: string;
  posts: { id: string; name: string }[];
}

export interface SessionsData {
  /** the teams the caller manages (staff: all; a leader: theirs) */
  teams: SessionTeam[];
  teamId: string | null;
  /** not over yet, soonest first */
  upcoming: SessionRow[];
  /** over within the last 60 days, newest first */
  recent: SessionRow[];
}

export type SaveSessionRequest = Req['saveSession'];

export interface SessionVolunteer extends RosterRow {
  /** this session's ledger entries of the member, oldest first */
  entries: LedgerEntryView[];
  /** net hours credited for this session */
  hours: number;
}

export interface SessionDetailData {
  session: SessionRow;
  /** the rules the function credits by, so a screen can show the hours before saving */
  rules: { rounding: RoundingRule; presencePercent: number };
  /** staff may correct credits; leaders only confirm */
  mayCorrect: boolean;
  /** everyone holding a place for the session and anyone checked in or credited, by name */
  volunteers: SessionVolunteer[];
}

export type CheckinContracts = ContractsOf<
  typeof checkinSchemas,
  {
    board: BoardData;
    /** actingFor: the member a helper checked in (one call: the scan screen asks nothing else) */
    scan: Screen<ScanData>;
    assist: AssistData;
    confirmHours: ConfirmHoursData;
    correct: CorrectData;
    mine: MyHoursData;
    /** the 签到码 list: today's (under way included) and upcoming activities and sessions the caller runs, soonest first */
    targets: { targets: CheckinTargetView[] };
    /** 志愿服务时段: a team's sessions, upcoming and recent (staff: any team; a leader: theirs) */
    sessions: SessionsData;
    /** create or edit a session (staff, or the team's leader) */
    saveSession: SessionRow;
    /** one session for staff: its volunteers' check-ins and credits, and the crediting rules */
    session: SessionDetailData;
  }
>;
