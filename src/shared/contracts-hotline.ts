/** Contracts of the `hotline` function: the staff's 服务热线 call log, its open follow-ups, a member's calls. */
import type { CallOutcome, CallTopic, FollowUpState } from './hotline-calls';
import type { MemberType, Paged } from './primitives';
import type { ContractsOf, RequestsOf } from './fields';
import type { hotlineSchemas } from './schemas-hotline';

/** Each action's request is its validator's output (schemas-hotline.ts): written once, there. */
type Req = RequestsOf<typeof hotlineSchemas>;

export interface CallRow {
  id: string;
  memberId: string | null;
  callerName: string;
  /** an unknown caller's number; null for a member */
  callerPhone: string | null;
  topic: CallTopic;
  topicLabel: string;
  text: string;
  outcome: CallOutcome;
  outcomeLabel: string;
  followUp: FollowUpState;
  followUpNote: string;
  followUpDoneAt: string | null;
  followUpDoneBy: string | null;
  calledAt: string;
  byName: string;
}

export type LogCallRequest = Req['logCall'];

export type CallsRequest = Req['calls'];

export type CallsPage = Paged<CallRow>;

export type FollowUpDoneRequest = Req['followUpDone'];

export type MemberRecordRequest = Req['memberRecord'];

/** 老同志档案 for staff: who they are, and their calls to the hotline (newest first, paged). */
export interface MemberRecordData {
  member: {
    id: string;
    name: string;
    rosterNo: string;
    memberType: MemberType;
    town: string;
    community: string;
    phoneMasked: string | null;
    erased: boolean;
  };
  calls: CallsPage;
}

export type HotlineContracts = ContractsOf<
  typeof hotlineSchemas,
  {
    logCall: CallRow;
    calls: CallsPage;
    followUpDone: CallRow;
    memberRecord: MemberRecordData;
  }
>;
