/**
 * branch (党支部): party branches of retired cadres and their members, meetings and study (三会一课, 主题党日) with
 * agenda, check-in attendance and minutes, study material (notices to the branch) and the 送学上门 list. Staff run
 * every branch; a branch secretary (a leader leading { kind: 'branch' }) only their own (access.ts); members see
 * their own branch's meetings. Every write is audited.
 */
import * as cloud from 'wx-server-sdk';
import { deliveryId } from '../../src/shared/contracts-branch';
import type { Contracts } from '../../src/shared/contracts';
import { ROLES } from '../../src/shared/roles';
import { schemas } from '../../src/shared/schemas';
import { resolveActor } from '../_lib/actor';
import { clock } from '../_lib/clock';
import { createHandler } from '../_lib/createHandler';
import { auditDoc, auditSaved } from '../_lib/staff-audit';
import { branchDetail, listBranches, saveBranch, setMemberBranch } from './branches';
import { deliveries, markDelivered } from './deliveries';
import { meetingDetail, myBranch, saveMeeting, saveMinutes } from './meetings';

const input = schemas.branch;

export const main = createHandler<Contracts['branch']>(cloud, {
  branches: { input: input.branches, roles: ROLES.runners, run: (p, { db, account }) => listBranches(db, account, p.page ?? 1) },
  branch: { input: input.branch, roles: ROLES.runners, run: (p, { db, account }) => branchDetail(db, account, p.branchId, p.page ?? 1) },
  saveBranch: {
    input: input.saveBranch,
    roles: ROLES.staff,
    run: (p, { db }) => saveBranch(db, p, clock.now()),
    audit: auditSaved('partyBranches', (p) => p.branchId),
  },
  setMemberBranch: {
    input: input.setMemberBranch,
    roles: ROLES.staff,
    run: (p, { db }) => setMemberBranch(db, p, clock.now()),
    audit: auditDoc('members', (p) => p.memberId),
  },
  saveMeeting: {
    input: input.saveMeeting,
    roles: ROLES.runners,
    run: (p, { db, account }) => saveMeeting(db, account, p, clock.now()),
    audit: auditSaved('branchMeetings', (p) => p.meetingId),
  },
  meeting: { input: input.meeting, roles: ROLES.runners, run: (p, { db, account }) => meetingDetail(db, account, p.meetingId) },
  saveMinutes: {
    input: input.saveMinutes,
    roles: ROLES.runners,
    run: (p, { db, account }) => saveMinutes(db, account, p, clock.now()),
    audit: auditDoc('branchMeetings', (p) => p.meetingId),
  },
  deliveries: { input: input.deliveries, roles: ROLES.runners, run: (p, { db, account }) => deliveries(db, account, p) },
  markDelivered: {
    input: input.markDelivered,
    roles: ROLES.runners,
    run: (p, { db, account }) => markDelivered(db, account, p, clock.now()),
    audit: auditDoc('branchDeliveries', (p) => deliveryId(p.source, p.memberId)),
  },
  myBranch: { input: input.myBranch, roles: ROLES.members, run: (_in, { db, account }) => myBranch(db, resolveActor(account).memberId, clock.now()) },
}, { name: 'branch' });
