/** Contracts of the `hotline` function: the staff's 服务热线 call log, its open follow-ups, a member's calls. */
import type { CallOutcome, CallTopic, FollowUpState } from './hotline-calls';
import type { MemberType } from './primitives';

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

export interface LogCallRequest {
  requestKey?: string;
  /** the member who called, found on the roster; or leave it out and give callerPhone */
  memberId?: string;
  callerPhone?: string;
  callerName?: string;
  topic: CallTopic;
  text: string;
  outcome: CallOutcome;
  /** someone must call back or act */
  followUp: boolean;
}

export interface CallsRequest {
  /** open: the follow-ups still to do (oldest first); all: every call (newest first) */
  view: 'open' | 'all';
  page?: number;
}

export interface CallsPage {
  items: CallRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface FollowUpDoneRequest {
  callId: string;
  /** what was done */
  note: string;
}

export interface MemberRecordRequest {
  memberId: string;
  page?: number;
}

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

export type HotlineContracts = {
  logCall: { request: LogCallRequest; response: CallRow };
  calls: { request: CallsRequest; response: CallsPage };
  followUpDone: { request: FollowUpDoneRequest; response: CallRow };
  memberRecord: { request: MemberRecordRequest; response: MemberRecordData };
};
