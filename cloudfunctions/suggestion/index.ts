/**
 * suggestion (建言献策): members (or their helpers, audited) submit and follow their suggestions; staff handle them
 * from a workbench and read the rates. Roles are checked by createHandler; identity comes only from the context.
 */
import * as cloud from 'wx-server-sdk';
import type { Contracts } from '../../src/shared/contracts';
import { ROLES } from '../../src/shared/roles';
import { schemas } from '../../src/shared/schemas';
import { screenAction } from '../_lib/acting';
import { resolveActor, type Actor } from '../_lib/actor';
import { createHandler, type AccountContext } from '../_lib/createHandler';
import { auditDoc } from '../_lib/staff-audit';
import { mySuggestion, mySuggestions } from './member';
import { rates } from '../_lib/suggestion-rates';
import { submitSuggestion, suggestionForm } from './submit';
import { handleStep, queue, staffDetail } from './workbench';
import { clock } from '../_lib/clock';

const input = schemas.suggestion;
/** a member's screen: its view, with who is acting (one call per screen) */
const screen = <I, O extends object>(view: (ctx: AccountContext, actor: Actor, input: I) => Promise<O>) => screenAction((ctx) => ctx, view);
/** a handling step changes the one suggestion */
const byId = auditDoc<{ suggestionId: string }>('suggestions', (p) => p.suggestionId);

export const main = createHandler<Contracts['suggestion']>(cloud, {
  form: { input: input.form, roles: ROLES.members, run: (_input, { db, account }) => suggestionForm(db, resolveActor(account), clock.now()) },
  submit: {
    input: input.submit,
    roles: ROLES.members,
    run: (payload, { db, cloud: sdk, account }) => submitSuggestion(db, sdk, resolveActor(account), payload, clock.now()),
  },
  mine: { input: input.mine, roles: ROLES.members, run: screen(({ db }, actor, payload) => mySuggestions(db, actor, payload.page)) },
  detail: {
    input: input.detail,
    roles: ROLES.members,
    run: screen(({ db, cloud: sdk }, actor, payload) => mySuggestion(db, sdk, actor, payload.suggestionId)),
  },
  queue: { input: input.queue, roles: ROLES.staff, run: (payload, { db }) => queue(db, payload, clock.now()) },
  staffDetail: {
    input: input.staffDetail,
    roles: ROLES.staff,
    run: (payload, { db, cloud: sdk }) => staffDetail(db, sdk, payload.suggestionId, clock.now()),
  },
  accept: {
    input: input.accept,
    roles: ROLES.staff,
    run: (payload, { db, cloud: sdk, account }) => handleStep(db, sdk, account, { step: 'accept', ...payload }, clock.now()),
    audit: byId,
  },
  assign: {
    input: input.assign,
    roles: ROLES.staff,
    run: (payload, { db, cloud: sdk, account }) => handleStep(db, sdk, account, { step: 'assign', ...payload }, clock.now()),
    audit: byId,
  },
  reply: {
    input: input.reply,
    roles: ROLES.staff,
    run: (payload, { db, cloud: sdk, account }) => handleStep(db, sdk, account, { step: 'reply', ...payload }, clock.now()),
    audit: byId,
  },
  conclude: {
    input: input.conclude,
    roles: ROLES.staff,
    run: (payload, { db, cloud: sdk, account }) => handleStep(db, sdk, account, { step: 'conclude', ...payload }, clock.now()),
    audit: byId,
  },
  rates: { input: input.rates, roles: ROLES.staff, run: (payload, { db }) => rates(db, payload, clock.now()) },
}, { name: 'suggestion' });
