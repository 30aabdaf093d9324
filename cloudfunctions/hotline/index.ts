/**
 * hotline: the 服务热线 call log kept by staff — log a call (a member or an unknown caller's number), the open
 * follow-ups, marking one done, and a member's record with their calls. Staff and admins only; writes audited.
 */
import * as cloud from 'wx-server-sdk';
import type { Contracts } from '../../src/shared/contracts';
import { ROLES } from '../../src/shared/roles';
import { schemas } from '../../src/shared/schemas';
import { createHandler } from '../_lib/createHandler';
import { auditDoc } from '../_lib/staff-audit';
import { clock } from '../_lib/clock';
import { followUpDone, listCalls, logCall, memberRecord } from './calls';

const input = schemas.hotline;

export const main = createHandler<Contracts['hotline']>(cloud, {
  logCall: {
    input: input.logCall,
    roles: ROLES.staff,
    run: (p, { db, account }) => logCall(db, account, p, clock.now()),
    audit: { created: (row) => [{ collection: 'hotlineCalls', id: row.id }] },
  },
  calls: { input: input.calls, roles: ROLES.staff, run: (p, { db }) => listCalls(db, p) },
  followUpDone: {
    input: input.followUpDone,
    roles: ROLES.staff,
    run: (p, { db, account }) => followUpDone(db, account, p, clock.now()),
    audit: auditDoc('hotlineCalls', (p) => p.callId),
  },
  memberRecord: { input: input.memberRecord, roles: ROLES.staff, run: (p, { db }) => memberRecord(db, p) },
}, { name: 'hotline' });
