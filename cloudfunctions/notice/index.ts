/**
 * notice: members read the notices meant for them (opening one marks it read, once); staff publish them and see
 * who has and has not read each. Roles are checked by createHandler; identity comes only from the context.
 */
import * as cloud from 'wx-server-sdk';
import type { Contracts } from '../../src/shared/contracts';
import { ROLES } from '../../src/shared/roles';
import { schemas } from '../../src/shared/schemas';
import { resolveActor } from '../_lib/actor';
import { createHandler } from '../_lib/createHandler';
import { auditDoc } from '../_lib/staff-audit';
import { publish, publishForm, updateNotice, withdraw } from './publish';
import { listNotices, openNotice } from './reading';
import { readers, staffNotices } from './staff';

const input = schemas.notice;

export const main = createHandler<Contracts['notice']>(cloud, {
  list: { input: input.list, roles: ROLES.members, run: (payload, { db, account }) => listNotices(db, resolveActor(account), payload) },
  open: {
    input: input.open,
    roles: ROLES.account,
    run: (payload, { db, cloud: sdk, account }) => openNotice(db, sdk, account, payload.noticeId),
  },
  staffList: { input: input.staffList, roles: ROLES.staff, run: (payload, { db }) => staffNotices(db, payload) },
  readers: { input: input.readers, roles: ROLES.staff, run: (payload, { db }) => readers(db, payload) },
  publishForm: { input: input.publishForm, roles: ROLES.staff, run: (payload, { db }) => publishForm(db, payload) },
  publish: {
    input: input.publish,
    roles: ROLES.staff,
    run: (payload, { db, account }) => publish(db, account, payload),
    audit: { created: (row) => [{ collection: 'notices', id: row.id }] },
  },
  update: { input: input.update, roles: ROLES.staff, run: (payload, { db }) => updateNotice(db, payload), audit: auditDoc('notices', (p) => p.noticeId) },
  withdraw: { input: input.withdraw, roles: ROLES.staff, run: (payload, { db }) => withdraw(db, payload.noticeId), audit: auditDoc('notices', (p) => p.noticeId) },
}, { name: 'notice' });
