/**
 * Contracts of the `member` function: binding a WeChat to the roster, the profile, family helpers (代办) and
 * deletion requests. Each screen needs one call: bindForm (first open), profile (我的资料), helpers (家人代办).
 * Dates are ISO 8601 strings.
 */
import type { ConsentText } from './consent';
import type { MemberType, Role } from './primitives';
import type { TemplateSettingKey } from './settings';
import type { PersonFields } from './person';
import type { ClaimAdminData } from './admin-claim';
import type { ContractsOf, RequestsOf } from './fields';
import type { memberSchemas } from './schemas-member';

/** Each action's request is its validator's output (schemas-member.ts): written once, there. */
type Req = RequestsOf<typeof memberSchemas>;

export type ClaimAdminRequest = Req['claimAdmin'];

/** Roster fields a person may be asked for when binding (which pair is asked is set in settings 'binding'). */
export type BindingField = 'name' | 'phoneLast4' | 'birthYear' | 'rosterNo';

export interface BindingFieldSpec {
  key: BindingField;
  label: string; // 姓名, 手机号后4位 ...
  hint: string;
  /** a digits-only input (numeric keyboard) */
  numeric: boolean;
  maxLength: number;
}

export type RequestStatus = 'pending' | 'approved' | 'rejected';

/** The caller's own roster review request (入册申请). */
export interface ReviewStatus {
  requestId: string;
  status: RequestStatus;
  submittedAt: string;
  rejectReason: string | null;
}

/** First open: everything the consent + binding screen shows. */
export interface BindFormData {
  consent: ConsentText;
  fields: BindingFieldSpec[];
  /** this WeChat already has an account: skip the screen */
  account: MeData | null;
  /** locked out after too many mismatches: try again after this time */
  lockedUntil: string | null;
  attemptsLeft: number;
  review: ReviewStatus | null;
}

export type BindRequest = Req['bind'];

export interface EmergencyContact {
  name: string;
  relation: string;
  phone: string;
}

/** Fields a member (or their helper) may correct themselves; the rest only staff change. */
export type EditableField = 'phone' | 'town' | 'community' | 'skills' | 'emergencyContact' | 'largeText';

export interface ProfileData extends PersonFields {
  memberId: string;
  /** the full number: this is the member's own profile */
  phone: string;
  skills: string[];
  emergencyContact: EmergencyContact | null;
  /** the viewer's own large-text preference */
  largeText: boolean;
  /** who is looking: the member, or a helper acting for them */
  viewer: { role: Role; name: string; onBehalf: boolean };
  editable: EditableField[];
  /** skills to pick from with a tap (人才库 categories) */
  skillOptions: string[];
  /** an open deletion request, if any */
  deletion: { requestId: string; requestedAt: string } | null;
}

export type UpdateProfileRequest = Req['updateProfile'];

export type ReviewRequest = Req['requestReview'];

export interface InvitationData {
  /** the one-time code to read out or type (8 characters, no look-alike letters) */
  code: string;
  expiresAt: string;
  /** the mini-program code as a PNG, base64; null when it could not be made (the code still works) */
  qrPngBase64: string | null;
  page: string;
  scene: string;
}

export interface InvitationPreviewData {
  memberName: string;
  expiresAt: string;
}

export type AcceptInvitationRequest = Req['acceptInvitation'];

export interface AcceptInvitationData {
  helperName: string;
  actingFor: { memberId: string; name: string };
}

export interface HelperSummary {
  accountId: string;
  name: string;
  relation: string;
  since: string;
  revokedAt: string | null;
}

export interface AuditEntry {
  at: string;
  actorName: string;
  actorRole: Role;
  action: string;
  detail: string;
}

export interface HelpersData {
  helpers: HelperSummary[];
  /** newest first: what helpers did for the member */
  log: AuditEntry[];
  activeInvitations: number;
}

export interface RevokeHelperData {
  helperAccountId: string;
  revokedAt: string;
}

export type DeletionRequestPayload = Req['requestDeletion'];

export interface DeletionData {
  requestId: string;
  status: 'pending' | 'done';
  requestedAt: string;
}

/** Skills offered as taps on the profile screen (人才库 categories); a member may also add their own. */
export const SKILL_OPTIONS = [
  '法律', '医疗', '护理', '心理疏导', '教学', '农业技术', '财会', '写作', '党史宣讲', '矛盾调解',
  '书法', '绘画', '摄影', '声乐', '戏曲', '电脑与手机', '家电维修',
] as const;


export interface MeData {
  name: string;
  role: Role;
  memberType: MemberType | null;
  formerUnit: string | null;
  town: string | null;
  phoneMasked: string | null;
  /** for a helper: the member they act for */
  actingFor: { memberId: string; name: string } | null;
  /** the bureau's settings the pages show or use, read with this answer (src/shared/settings.ts) */
  bureau: BureauInfo;
  /** large text as saved with the account (any device); null when never set */
  largeText: boolean | null;
  /** 学习积分 and volunteer hours with their rules, for a member or a helper's member; null for staff */
  points: PointsSummary | null;
  /** 党支部: the member (or the one a helper acts for) is in a party branch; the account is a branch secretary */
  party: { inBranch: boolean; secretary: boolean };
}

export interface PointsLine {
  key: 'learning' | 'volunteer';
  label: string;
  /** '3分', '12.5小时' */
  value: string;
  detail: string;
  /** how the line is earned, in words */
  rule: string;
}

export interface PointsSummary {
  lines: PointsLine[];
}

/** The bureau's 服务热线 as the pages offer it: the number to call and when someone answers. */
export interface HotlineInfo {
  number: string;
  /** e.g. 工作日 上午8:30-12:00 下午2:30-5:30 (setting hotlineHours) */
  hours: string;
}

export interface BureauInfo {
  name: string;
  hotline: string;
  /** the hotline to call (help page); null while the bureau has not set a number */
  hotlineInfo: HotlineInfo | null;
  /** subscribe-message template ids to ask for; '' while the bureau has not set one (production) */
  templates: Record<TemplateSettingKey, string>;
}

export type MemberContracts = ContractsOf<
  typeof memberSchemas,
  {
    me: MeData;
    bindForm: BindFormData;
    bind: ProfileData;
    requestReview: ReviewStatus;
    profile: ProfileData;
    updateProfile: ProfileData;
    createInvitation: InvitationData;
    invitation: InvitationPreviewData;
    acceptInvitation: AcceptInvitationData;
    helpers: HelpersData;
    revokeHelper: RevokeHelperData;
    requestDeletion: DeletionData;
    claimAdmin: ClaimAdminData;
  }
>;
