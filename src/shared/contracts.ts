/**
 * The action contracts of every cloud function, gathered: each function's request and response types live in its
 * own contracts-<function>.ts, the words they share in primitives.ts; this module defines nothing else and nothing
 * imports it back. Payload validators (valibot) are in src/shared/schemas.ts; a contract's request type is the
 * validator's output.
 */
import type { MemberContracts } from './contracts-member';
import type { EnrollmentContracts } from './contracts-enrollment';
import type { RosterContracts } from './contracts-roster';
import type { NoticeContracts } from './contracts-notice';
import type { CatalogContracts } from './contracts-catalog';
import type { SuggestionContracts } from './contracts-suggestion';
import type { CheckinContracts } from './contracts-checkin';
import type { StaffContracts } from './contracts-staff';
import type { FiguresContracts } from './contracts-figures';
import type { MessagesContracts } from './contracts-messages';
import type { HotlineContracts } from './contracts-hotline';
import type { LessonsContracts } from './contracts-lessons';
import type { BranchContracts } from './contracts-branch';

export type { MemberType, Role, RosterKind } from './primitives';
export type { ActivityList, ActivitySummary, CourseSummary, HomeData, NoticeSummary, SignupWindow } from './contracts-catalog';
export type { BureauInfo, HotlineInfo, MeData } from './contracts-member';

/** name -> action -> { request, response } */
export interface Contracts {
  roster: RosterContracts;
  catalog: CatalogContracts;
  member: MemberContracts;
  enrollment: EnrollmentContracts;
  notice: NoticeContracts;
  suggestion: SuggestionContracts;
  checkin: CheckinContracts;
  staff: StaffContracts;
  figures: FiguresContracts;
  messages: MessagesContracts;
  hotline: HotlineContracts;
  lessons: LessonsContracts;
  branch: BranchContracts;
}

export type FunctionName = keyof Contracts;
export type ActionName<F extends FunctionName> = keyof Contracts[F] & string;
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends { request: infer R } ? R : never;
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends { response: infer R } ? R : never;
