/** roster: the bureau's staff keep the roster (花名册). Every action is for staff and admin only. */
import * as cloud from 'wx-server-sdk';
import type { Contracts } from '../../src/shared/contracts';
import { ROLES } from '../../src/shared/roles';
import { schemas } from '../../src/shared/schemas';
import { createHandler } from '../_lib/createHandler';
import { auditDoc } from '../_lib/staff-audit';
import { confirmDeletion, listDeletions } from './deletion';
import { importRoster } from './import';
import { listMembers } from './members';
import { approveRequest, listRequests, rejectRequest } from './requests';

export const main = createHandler<Contracts['roster']>(cloud, {
  importRoster: {
    input: schemas.roster.importRoster,
    roles: ROLES.staff,
    run: (input, { db }) => importRoster(db, input),
    audit: { summary: ({ rejected: _shown, ...counts }, input) => ({ fileName: input.fileName, ...counts }) },
  },
  members: {
    input: schemas.roster.members,
    roles: ROLES.staff,
    run: (input, { db }) => listMembers(db, input),
  },
  reviewRequests: {
    input: schemas.roster.reviewRequests,
    roles: ROLES.staff,
    run: (input, { db }) => listRequests(db, input),
  },
  approveRequest: {
    input: schemas.roster.approveRequest,
    roles: ROLES.staff,
    run: (input, { db, account }) => approveRequest(db, account, input.requestId),
    audit: auditDoc('rosterRequests', (input) => input.requestId),
  },
  rejectRequest: {
    input: schemas.roster.rejectRequest,
    roles: ROLES.staff,
    run: (input, { db, account }) => rejectRequest(db, account, input.requestId, input.reason),
    audit: auditDoc('rosterRequests', (input) => input.requestId),
  },
  deletionRequests: {
    input: schemas.roster.deletionRequests,
    roles: ROLES.staff,
    run: (input, { db }) => listDeletions(db, input),
  },
  confirmDeletion: {
    input: schemas.roster.confirmDeletion,
    roles: ROLES.staff,
    run: (input, { db, account }) => confirmDeletion(db, account, input.requestId),
    audit: auditDoc('deletionRequests', (input) => input.requestId),
  },
}, { name: 'roster' });
