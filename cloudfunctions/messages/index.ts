/**
 * messages: the member's 消息 (everything the product sent them, delivered by WeChat or not), the subscribe
 * permissions a WeChat gave (counted per template), and for staff the 需电话通知 list of members WeChat could
 * not reach. Sending is in _lib/messages.ts.
 */
import * as cloud from 'wx-server-sdk';
import type { Contracts } from '../../src/shared/contracts';
import { inboxOwner } from '../../src/shared/messages';
import { ROLES } from '../../src/shared/roles';
import { schemas } from '../../src/shared/schemas';
import { now } from '../_lib/clock';
import { createHandler } from '../_lib/createHandler';
import { inbox } from './inbox';
import { recordPermissions } from './permissions';
import { markPhoned, phoneList } from './phone';

const input = schemas.messages;

export const main = createHandler<Contracts['messages']>(cloud, {
  inbox: {
    input: input.inbox,
    roles: ROLES.account,
    run: (p, ctx) => inbox(ctx.db, ctx.account.revokedAt ? null : inboxOwner(ctx.account), p.before, now()),
  },
  permissions: { input: input.permissions, roles: ROLES.members, run: (p, ctx) => recordPermissions(ctx.db, ctx.account, p, now()) },
  phoneList: { input: input.phoneList, roles: ROLES.staff, run: (_p, ctx) => phoneList(ctx.db) },
  phoned: { input: input.phoned, roles: ROLES.staff, run: (p, ctx) => markPhoned(ctx.db, ctx.account, p.messageId, now()) },
}, { name: 'messages' });
