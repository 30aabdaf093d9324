/**
 * Builds a cloud function's main(event, context) from a map of actions. For each call it:
 * checks the event shape, routes the action, validates the payload with the shared schema, takes identity only
 * from cloud.getWXContext(), loads the caller's account, checks the role, runs the action, and answers
 * {ok: true, data} or {ok: false, error: {code, message}}. Nothing reaches the client as undefined or a stack.
 */
import type * as v from 'valibot';
import type { Role } from '../../src/shared/contracts';
import type { AccountDoc } from '../../src/shared/documents';
import { appError, CodedError, isErrorCode, type ErrorCode } from '../../src/shared/errors';
import type { Result } from '../../src/shared/result';
import { parsePayload } from '../../src/shared/schemas';
import { assertNotRevoked } from './actor';
import { initCloud, openDb, type Cloud, type Db } from './db';
import { runAudited, type AuditSpec } from './staff-audit';

interface BaseContext {
  openid: string;
  appid: string | null;
  unionid: string | null;
  db: Db;
  cloud: Cloud;
}
/** Context of an action open to anyone with a WeChat identity. */
export interface GuestContext extends BaseContext {
  account: AccountDoc | null;
}
/** Context of an action restricted to roles: the account is always there. */
export interface AccountContext extends BaseContext {
  account: AccountDoc;
}

/** An action's request and response types, e.g. Contracts['catalog']['home']. */
export interface ActionContract {
  request: unknown;
  response: unknown;
}

/**
 * roles: 'anyone' (a WeChat identity is still required) or a named role group from src/shared/roles.ts,
 * e.g. ROLES.staff; then the context's account is never null.
 * audit: a staff write; the documents it changes are recorded in the staff audit log (_lib/staff-audit.ts).
 * account: 'recent' lets a member's tap (or a lesson player's progress save) use the account this warm instance read for the same openid within
 *   RECENT_ACCOUNT_MS (the screen the tap is on read it), instead of reading it again: see recentAccounts.
 */
export type ActionDef<C extends ActionContract> =
  | {
      input: v.GenericSchema<unknown, C['request']>;
      roles: 'anyone';
      run: (input: C['request'], ctx: GuestContext) => Promise<C['response']>;
    }
  | {
      input: v.GenericSchema<unknown, C['request']>;
      roles: readonly Role[];
      run: (input: C['request'], ctx: AccountContext) => Promise<C['response']>;
      audit?: AuditSpec<C['request'], C['response']>;
      account?: 'recent';
    };

export type ActionMap<M extends Record<string, ActionContract>> = { [A in keyof M]: ActionDef<M[A]> };

export type Main = (event: unknown, context?: unknown) => Promise<Result<unknown>>;

function fail(code: ErrorCode, message?: string, field?: string): Result<never> {
  return { ok: false, error: appError(code, message, field) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The event as the client sends it; WeChat may add userInfo, which is ignored (identity comes from the context). */
function readEvent(event: unknown): { action: string; payload: unknown } | null {
  if (!isPlainObject(event) || typeof event.action !== 'string') return null;
  if (event.payload !== undefined && !isPlainObject(event.payload)) return null;
  const known = new Set(['action', 'payload', 'userInfo']);
  if (Object.keys(event).some((key) => !known.has(key))) return null;
  return { action: event.action, payload: event.payload };
}

/** A CodedError, also one thrown by another bundle's copy of the class. */
function codeOf(error: unknown): ErrorCode | null {
  if (error instanceof CodedError) return error.code;
  if (error instanceof Error && error.name === 'CodedError') {
    const code: unknown = Reflect.get(error, 'code');
    if (isErrorCode(code)) return code;
  }
  return null;
}

/**
 * How long a warm instance may reuse a member's own account it read, for actions marked `account: 'recent'` (a
 * sign-up or cancel tap right after the screen it is on loaded). Such a tap's writes are checked by their own
 * conditions (window, places, duplicates). Only accounts of members and leaders acting for themselves are
 * reused: a helper's account (which its member may revoke) is always read afresh, and so is every account for
 * staff actions and screens.
 */
export const RECENT_ACCOUNT_MS = 60_000;
const RECENT_ACCOUNTS_MAX = 5000;

/** The accounts this instance read lately, by openid (oldest first, bounded). */
function recentAccounts() {
  const seen = new Map<string, { account: AccountDoc; at: number }>();
  return {
    get(openid: string, now: number): AccountDoc | null {
      const hit = seen.get(openid);
      return hit && now - hit.at < RECENT_ACCOUNT_MS ? hit.account : null;
    },
    put(account: AccountDoc, now: number): void {
      seen.delete(account.openid);
      seen.set(account.openid, { account, at: now });
      if (seen.size > RECENT_ACCOUNTS_MAX) seen.delete(seen.keys().next().value as string);
    },
    forget(openid: string): void {
      seen.delete(openid);
    },
  };
}

export interface HandlerOptions {
  /** the function's name (required), for the staff audit log's '<function>.<action>' and error logs */
  name: string;
}

export function createHandler<M extends Record<string, ActionContract>>(cloud: Cloud, actions: ActionMap<M>, options: HandlerOptions): Main {
  if (!options?.name) throw new Error('createHandler needs the function name');
  initCloud(cloud);
  const db = openDb(cloud);
  const routes = new Map<string, ActionDef<ActionContract>>(
    Object.entries(actions as Record<string, ActionDef<ActionContract>>),
  );
  const recent = recentAccounts();
  const accountOf = async (openid: string, reuse: boolean): Promise<AccountDoc | null> => {
    const now = Date.now();
    const kept = reuse ? recent.get(openid, now) : null;
    if (kept) return kept;
    const account = await db.findOne<AccountDoc>('accounts', { openid });
    if (account && (account.role === 'member' || account.role === 'leader')) recent.put(account, now);
    else recent.forget(openid);
    return account;
  };

  return async function main(event) {
    const request = readEvent(event);
    if (!request) return fail('INPUT.INVALID');
    const def = routes.get(request.action);
    if (!def) return fail('INPUT.UNKNOWN_ACTION');
    try {
      const parsed = parsePayload(def.input, request.payload);
      if (!parsed.ok) return fail(parsed.code, parsed.message, parsed.field);

      const wx = cloud.getWXContext();
      const openid = typeof wx.OPENID === 'string' ? wx.OPENID : '';
      if (!openid) return fail('AUTH.NO_IDENTITY');
      const base: BaseContext = { openid, appid: wx.APPID || null, unionid: wx.UNIONID || null, db, cloud };
      const account = await accountOf(openid, def.roles !== 'anyone' && def.account === 'recent');

      if (def.roles === 'anyone') return { ok: true, data: (await def.run(parsed.value, { ...base, account })) ?? null };
      if (!account) return fail('AUTH.NOT_MEMBER');
      assertNotRevoked(account);
      if (!def.roles.includes(account.role)) return fail('AUTH.FORBIDDEN');
      const run = () => def.run(parsed.value, { ...base, account });
      const data = def.audit
        ? await runAudited(db, account, `${options.name}.${request.action}`, def.audit, parsed.value, run)
        : await run();
      return { ok: true, data: data ?? null };
    } catch (error) {
      const code = codeOf(error);
      if (code) return fail(code, (error as Error).message);
      console.error(`[${options.name}.${request.action}] failed:`, error);
      return fail('SYSTEM.ERROR');
    }
  };
}
