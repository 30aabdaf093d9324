/**
 * Contracts of the `figures` function: the bureau's figures for any period of Beijing calendar days, on one call,
 * and the same figures as an .xlsx. Every figure is counted by aggregate queries on the database.
 */
import type { ExportedFile } from './contracts-staff';
import type { Period, Rates } from './suggestion-rules';
import type { VisitReason } from './visit-rules';
import type { ContractsOf, RequestsOf } from './fields';
import type { figuresSchemas } from './schemas-figures';

/** Each action's request is its validator's output (schemas-figures.ts): written once, there. */
type Req = RequestsOf<typeof figuresSchemas>;

export type FiguresRequest = Req['figures'];

export interface FiguresData {
  period: Period;
  /** on the roster at the end of the period (entries erased on request still count until erased) */
  members: { total: number; lixiu: number; tuixiu: number };
  /** members holding an active place in at least one association (joined before the period's end) */
  associations: { members: number; sharePercent: number | null };
  volunteers: {
    /** members holding an active place on a volunteer team post */
    volunteers: number;
    teams: number;
    /** time bank hours for services in the period, net of reversals */
    hours: number;
  };
  /** courses whose sign-up window overlaps the period */
  courses: { courses: number; seats: number; enrolled: number; waitlisted: number };
  /** activities (not cancelled) starting in the period */
  activities: { held: number; signedUp: number; checkIns: number; attendancePercent: number | null };
  /** notices published in the period (withdrawn ones included) */
  notices: { published: number; audience: number; reads: number; readPercent: number | null };
  /** submitted in the period: 办理率, 办结率, 采纳率 (suggestion-rules.ts computeRates) */
  suggestions: Rates;
  visits: { total: number; byReason: { reason: VisitReason; label: string; count: number }[] };
  /** 党支部: per branch (by name, at most BRANCH_FIGURES_MAX), meetings held in the period and study material sent in it */
  branches: { total: number; rows: BranchFigures[] };
  /** 云课堂: lessons finished in the period (watched to 90 % or attended at a 收视点), by how many members, at screenings, 学习积分 earned */
  lessons: { finished: number; learners: number; atScreenings: number; points: number };
}

/** One branch's figures for a period. Rates are over the branch's members now (not erased). */
export interface BranchFigures {
  branchId: string;
  name: string;
  members: number;
  /** meetings (not cancelled) starting in the period, not later than now (a meeting still to come is not held) */
  meetings: number;
  /** check-ins at those meetings */
  attendances: number;
  /** attendances / (meetings × members) */
  attendancePercent: number | null;
  /** study material (notices to the branch) published in the period */
  materials: number;
  reads: number;
  /** reads / (materials × members) */
  readPercent: number | null;
}

/** Most branches the figures list (a county has tens). */
export const BRANCH_FIGURES_MAX = 500;

export type FiguresContracts = ContractsOf<
  typeof figuresSchemas,
  {
    figures: FiguresData;
    exportFigures: ExportedFile;
  }
>;

export { FIGURES_MAX_DAYS } from './request-limits';

/** part / whole as a percent with one decimal; null when whole is 0. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}
