/**
 * checkin (签到 and 时间银行): rotating venue codes bound to one activity or volunteer session (token.ts), scans
 * and check-outs (scan.ts), staff-assisted check-in and the staff board (board.ts, staff.ts), and the time-bank
 * ledger (ledger.ts). Identity only from the WeChat context; every write is idempotent by deterministic _ids.
 */
import * as cloud from 'wx-server-sdk';
import type { Contracts, Role } from '../../src/shared/contracts';
import { ROLES } from '../../src/shared/roles';
import { schemas } from '../../src/shared/schemas';
import { resolveActor } from '../_lib/actor';
import { createHandler, type AccountContext } from '../_lib/createHandler';
import { auditDoc, auditSaved } from '../_lib/staff-audit';
import { checkinId, creditId, parseCreditId, reversalId } from '../../src/shared/timebank-rules';
import { cacheFor } from '../_domain/seats/cache';
import { assertMayRun } from '../_domain/seats/access';
import { board } from './board';
import { checkinEntries } from './entries';
import { mine } from './mine';
import { scan } from './scan';
import { listSessions, saveSession, sessionDetail } from './sessions';
import { assist, confirmHours, correct } from './staff';
import { loadTarget } from './targets';
import { clock } from '../_lib/clock';

const input = schemas.checkin;
/** leaders pass here and are then checked against what they lead (access.ts) */
const RUNNERS = ['leader', 'staff', 'admin'] as const satisfies readonly Role[];

/** The credit a correction of `entryId` writes (schemas only let credit ids through). */
function correctionIdOf(entryId: string): string {
  const parts = parseCreditId(entryId);
  return parts ? creditId(parts.sessionId, parts.memberId, parts.revision + 1) : entryId;
}
function deps(ctx: AccountContext) {
  return { db: ctx.db, cache: cacheFor(ctx.db), cloud: ctx.cloud, now: clock.now(), account: ctx.account };
}

export const main = createHandler<Contracts['checkin']>(cloud, {
  board: {
    input: input.board,
    roles: RUNNERS,
    run: async (p, ctx) => {
      const target = await loadTarget(ctx.db, p.kind, p.id);
      assertMayRun(ctx.account, target);
      return board(ctx.cloud, ctx.db, target, clock.now(), p.name || undefined);
    },
  },
  scan: { input: input.scan, roles: ROLES.members, run: (p, ctx) => scan(deps(ctx), p.token) },
  assist: {
    input: input.assist,
    roles: RUNNERS,
    run: (p, ctx) => assist(deps(ctx), p),
    audit: auditDoc('checkins', (p) => checkinId(p.kind, p.id, p.memberId)),
  },
  confirmHours: {
    input: input.confirmHours,
    roles: RUNNERS,
    run: (p, ctx) => confirmHours(deps(ctx), p),
    audit: auditDoc('timeBankEntries', (p) => creditId(p.sessionId, p.memberId)),
  },
  correct: {
    input: input.correct,
    roles: ROLES.staff,
    run: (p, ctx) => correct(deps(ctx), p),
    // the reversal, and the corrected credit (the next revision) when minutes are given
    audit: { targets: (p) => [reversalId(p.entryId), correctionIdOf(p.entryId)].map((id) => ({ collection: 'timeBankEntries', id })) },
  },
  mine: { input: input.mine, roles: ROLES.members, run: (_in, ctx) => mine(ctx.db, resolveActor(ctx.account), clock.now()) },
  targets: { input: input.targets, roles: RUNNERS, run: (_in, ctx) => checkinEntries(ctx.db, ctx.account, clock.now()) },
  sessions: { input: input.sessions, roles: RUNNERS, run: (p, ctx) => listSessions(ctx.db, ctx.account, p.teamId, clock.now()) },
  saveSession: {
    input: input.saveSession,
    roles: RUNNERS,
    run: (p, ctx) => saveSession(ctx.db, ctx.account, p, clock.now()),
    audit: auditSaved('serviceSessions', (p) => p.sessionId),
  },
  session: { input: input.session, roles: RUNNERS, run: (p, ctx) => sessionDetail(ctx.db, ctx.account, p.sessionId) },
}, { name: 'checkin' });
