/**
 * Who is acting, carried by every screen a helper may open (正在为王建国报名), so a screen is one call and the app
 * never asks member.me just to show the banner. A member acting for themselves gets null.
 */
import type { ActingFor, Screen } from '../../src/shared/screen';
import type { MemberDoc } from '../../src/shared/documents';
import { resolveActor, type Actor } from './actor';
import type { AccountContext } from './createHandler';
import type { Db } from './db';

/** For a helper: the member they act for; null otherwise (no read). */
export async function actingFor(db: Db, actor: Actor): Promise<ActingFor | null> {
  if (!actor.onBehalf) return null;
  const member = await db.byId<MemberDoc>('members', actor.memberId);
  return { memberId: actor.memberId, name: member?.name ?? '' };
}

/**
 * Turns a view of the actor's screen into an action's run: resolves the actor (refusing revoked helpers) and
 * answers the view with `actingFor`, both read at once.
 */
export function screenAction<I, D, O extends object>(
  depsOf: (ctx: AccountContext) => D,
  view: (deps: D, actor: Actor, input: I) => Promise<O>,
): (input: I, ctx: AccountContext) => Promise<Screen<O>> {
  return async (input, ctx) => {
    const actor = resolveActor(ctx.account);
    const [data, acting] = await Promise.all([view(depsOf(ctx), actor, input), actingFor(ctx.db, actor)]);
    return { ...data, actingFor: acting };
  };
}
