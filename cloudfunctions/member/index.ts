/**
 * member: binding a WeChat to the roster (with consent), the member's own profile, family helpers (代办) and
 * deletion requests. Each action's roles are checked by createHandler; acting for a member goes through
 * _lib/actor (revoked helpers refused), and what a helper does is written to the member's audit log.
 */
import * as cloud from 'wx-server-sdk';
import type { Contracts } from '../../src/shared/contracts';
import { ROLES } from '../../src/shared/roles';
import { schemas } from '../../src/shared/schemas';
import { resolveActor } from '../_lib/actor';
import { createHandler } from '../_lib/createHandler';
import { bind, bindForm } from './bind';
import { claimAdmin } from './claim';
import { requestDeletion } from './deletion';
import { listHelpers, revokeHelper } from './helpers';
import { acceptInvitation, createInvitation, previewInvitation } from './invitations';
import { loadProfile, me, updateProfile } from './profile';
import { requestReview } from './review';

const input = schemas.member;

export const main = createHandler<Contracts['member']>(cloud, {
  me: { input: input.me, roles: ROLES.account, run: (_input, { db, account }) => me(db, account) },
  bindForm: { input: input.bindForm, roles: 'anyone', run: (_input, ctx) => bindForm(ctx) },
  bind: { input: input.bind, roles: 'anyone', run: bind },
  requestReview: { input: input.requestReview, roles: 'anyone', run: requestReview },
  claimAdmin: { input: input.claimAdmin, roles: 'anyone', run: claimAdmin },
  profile: {
    input: input.profile,
    roles: ROLES.members,
    run: (_input, { db, account }) => loadProfile(db, resolveActor(account)),
  },
  updateProfile: {
    input: input.updateProfile,
    roles: ROLES.members,
    run: (payload, { db, account }) => updateProfile(db, resolveActor(account), payload),
  },
  createInvitation: {
    input: input.createInvitation,
    roles: ROLES.memberOnly,
    run: (_input, { db, cloud: sdk, account }) => createInvitation(db, sdk, resolveActor(account)),
  },
  invitation: { input: input.invitation, roles: 'anyone', run: (payload, { db }) => previewInvitation(db, payload.code) },
  acceptInvitation: { input: input.acceptInvitation, roles: 'anyone', run: acceptInvitation },
  helpers: {
    input: input.helpers,
    roles: ROLES.memberOnly,
    run: (_input, { db, account }) => listHelpers(db, resolveActor(account)),
  },
  revokeHelper: {
    input: input.revokeHelper,
    roles: ROLES.memberOnly,
    run: (payload, { db, account }) => revokeHelper(db, resolveActor(account), payload.helperAccountId),
  },
  requestDeletion: {
    input: input.requestDeletion,
    roles: ROLES.memberOnly,
    run: (payload, { db, account }) => requestDeletion(db, resolveActor(account), payload),
  },
}, { name: 'member' });
