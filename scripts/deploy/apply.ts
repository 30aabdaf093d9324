/**
 * Applies a deploy plan to a CloudBase environment through @cloudbase/manager-node 5.6.5: reads what the
 * environment has (checkCollectionExists, describeCollection, DescribeSafeRule, getStorageAcl, getFunctionDetail),
 * then changes only what differs. A second run changes nothing; a run cut off half-way is repaired by the next one
 * (each step is a diff against the live state, and a function's code hash is written only after its code).
 * Indexes or triggers the environment has beyond the plan are kept and reported, never dropped.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CLAIM_CODE_ALPHABET, CLAIM_CODE_LENGTH, formatClaimCode, normalizeClaimCode } from '../../src/shared/admin-claim';
import type { IndexDirection } from '../../src/shared/collections';
import type { CollectionPlan, DeployPlan, FunctionPlan, IndexPlan, Rules, TriggerPlan } from './plan';
import { DEFAULT_MEMORY_MB, FUNCTION_RUNTIME } from './plan';

/** The subset of manager-node's CloudBase app the deploy uses (the real one, or a recorded fake in tests). */
export interface CloudBaseLike {
  database: {
    checkCollectionExists(name: string): Promise<{ Exists: boolean }>;
    createCollection(name: string): Promise<unknown>;
    describeCollection(name: string): Promise<{ Indexes?: Array<{ Name: string; Keys: Array<{ Name: string; Direction: string }>; Unique: boolean }> }>;
    updateCollection(
      name: string,
      info: {
        CreateIndexes?: Array<{ IndexName: string; MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: string }>; MgoIsUnique: boolean } }>;
        DropIndexes?: Array<{ IndexName: string }>;
      },
    ): Promise<unknown>;
  };
  commonService(): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<Record<string, unknown>> };
  storage: {
    getStorageAcl(options: { withRule: true }): Promise<{ acl: string; rule?: { read: boolean | string; write: boolean | string } }>;
    setStorageAcl(acl: 'CUSTOM', rule: { read: boolean | string; write: boolean | string }): Promise<unknown>;
  };
  functions: {
    getFunctionDetail(name: string): Promise<{
      Timeout: number;
      MemorySize: number;
      Environment?: { Variables?: Array<{ Key: string; Value: string }> };
      Triggers?: Array<{ TriggerName: string; Type: string; TriggerDesc: string }>;
    }>;
    createFunction(param: { func: Record<string, unknown>; functionRootPath: string; force: boolean }): Promise<unknown>;
    updateFunctionCode(param: { func: Record<string, unknown>; functionRootPath: string }): Promise<unknown>;
    updateFunctionConfig(func: Record<string, unknown>): Promise<unknown>;
    createFunctionTriggers(name: string, triggers: TriggerPlan[]): Promise<unknown>;
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
  };
}

export interface Change {
  kind: 'collection' | 'index' | 'rules' | 'storage' | 'function' | 'trigger';
  target: string;
  action: string;
}

export interface ApplyOptions {
  envId: string;
  /** the folder holding one built bundle folder per function (dist/cloudfunctions) */
  functionRootPath: string;
  /** the code of a function's bundle (its hash decides whether code is uploaded); null = not built */
  bundle(name: string): Buffer | null;
  log?(line: string): void;
}

export interface ApplyResult {
  changes: Change[];
  /** indexes and triggers the environment has beyond the plan (kept) */
  extras: string[];
  /** printed once, on the run that created it: the first administrator's claim code */
  adminClaimCode: string | null;
}

/** Function environment variables the deploy owns. */
export const ENV_STAGE = 'YLT_STAGE';
export const ENV_CODE_HASH = 'YLT_CODE_SHA256';
export const ENV_ADMIN_CLAIM_HASH = 'ADMIN_CLAIM_HASH';
/** The function that takes the first administrator's claim (member.claimAdmin). */
export const CLAIM_FUNCTION = 'member';

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** A one-time claim code people can type: 12 characters without look-alikes, in groups of four. */
export function newClaimCode(): string {
  const bytes = randomBytes(CLAIM_CODE_LENGTH);
  return formatClaimCode(Array.from(bytes, (b) => CLAIM_CODE_ALPHABET[b % CLAIM_CODE_ALPHABET.length]).join(''));
}

const sameRules = (a: unknown, b: Rules) => {
  const r = a as Partial<Rules> | null | undefined;
  return !!r && r.read === b.read && r.write === b.write;
};

const indexSignature = (keys: Array<{ field: string; direction: IndexDirection }>, unique: boolean) =>
  `${keys.map((k) => `${k.field}:${k.direction}`).join(',')}|${unique}`;

/** A trigger's cron as the environment reports it (TriggerDesc is '{"cron":"..."}' or the bare cron). */
function cronOf(desc: string): string {
  try {
    const parsed = JSON.parse(desc) as { cron?: unknown };
    if (parsed && typeof parsed.cron === 'string') return parsed.cron.trim().split(/\s+/).join(' ');
  } catch {
    // a bare cron string
  }
  return desc.trim().split(/\s+/).join(' ');
}

/** Checks everything needed before the first change, so a run that cannot finish starts nothing. */
export function preflight(plan: DeployPlan, options: ApplyOptions): void {
  const missing = plan.functions.filter((fn) => options.bundle(fn.name) === null).map((fn) => fn.name);
  if (missing.length) throw new DeployError(`函数还没有构建：${missing.join('、')}。请先运行 npm run build:functions`);
}

export class DeployError extends Error {}

async function applyCollection(app: CloudBaseLike, envId: string, plan: CollectionPlan, changes: Change[], extras: string[]): Promise<void> {
  const { Exists } = await app.database.checkCollectionExists(plan.name);
  if (!Exists) {
    await app.database.createCollection(plan.name);
    changes.push({ kind: 'collection', target: plan.name, action: 'create' });
  }
  const live = Exists ? ((await app.database.describeCollection(plan.name)).Indexes ?? []) : [];
  const liveByName = new Map(live.map((i) => [i.Name, i]));
  for (const index of plan.indexes) {
    const have = liveByName.get(index.name);
    const wanted = indexSignature(index.keys, index.unique);
    if (have) {
      const haveKeys = have.Keys.map((k) => ({ field: k.Name, direction: (k.Direction === '-1' ? -1 : k.Direction === '2dsphere' ? '2dsphere' : 1) as IndexDirection }));
      if (indexSignature(haveKeys, !!have.Unique) === wanted) continue;
      await app.database.updateCollection(plan.name, { DropIndexes: [{ IndexName: index.name }] });
    }
    await app.database.updateCollection(plan.name, { CreateIndexes: [createIndexParam(index)] });
    changes.push({ kind: 'index', target: `${plan.name}.${index.name}`, action: have ? 'recreate' : 'create' });
  }
  const planned = new Set(plan.indexes.map((i) => i.name));
  for (const index of live) if (index.Name !== '_id_' && !planned.has(index.Name)) extras.push(`index ${plan.name}.${index.Name}`);

  const rule = await app.commonService().call({ Action: 'DescribeSafeRule', Param: { EnvId: envId, CollectionName: plan.name } });
  let liveRules: unknown = null;
  try {
    liveRules = typeof rule.Rule === 'string' ? JSON.parse(rule.Rule) : null;
  } catch {
    liveRules = null;
  }
  if (rule.AclTag !== 'CUSTOM' || !sameRules(liveRules, plan.rules)) {
    await app.commonService().call({
      Action: 'ModifySafeRule',
      Param: { EnvId: envId, CollectionName: plan.name, AclTag: 'CUSTOM', Rule: JSON.stringify(plan.rules) },
    });
    changes.push({ kind: 'rules', target: plan.name, action: 'set' });
  }
}

function createIndexParam(index: IndexPlan) {
  return {
    IndexName: index.name,
    MgoKeySchema: { MgoIndexKeys: index.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })), MgoIsUnique: index.unique },
  };
}

async function functionDetail(app: CloudBaseLike, name: string) {
  try {
    return await app.functions.getFunctionDetail(name);
  } catch (error) {
    const text = `${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`;
    if (/ResourceNotFound|not ?found|不存在/i.test(text)) return null;
    throw error;
  }
}

async function applyFunction(
  app: CloudBaseLike,
  fn: FunctionPlan,
  options: ApplyOptions,
  changes: Change[],
  extras: string[],
): Promise<string | null> {
  const code = options.bundle(fn.name) as Buffer;
  const live = await functionDetail(app, fn.name);
  const liveVars = new Map((live?.Environment?.Variables ?? []).map((v) => [v.Key, v.Value]));
  const envVariables: Record<string, string> = { [ENV_STAGE]: 'production', [ENV_CODE_HASH]: sha256(code) };
  let claimCode: string | null = null;
  if (fn.name === CLAIM_FUNCTION) {
    const kept = liveVars.get(ENV_ADMIN_CLAIM_HASH);
    if (kept) envVariables[ENV_ADMIN_CLAIM_HASH] = kept;
    else {
      claimCode = newClaimCode();
      envVariables[ENV_ADMIN_CLAIM_HASH] = sha256(normalizeClaimCode(claimCode));
    }
  }
  const config = { name: fn.name, timeout: fn.timeout, memorySize: fn.memorySize, envVariables, installDependency: true };
  const common = { functionRootPath: options.functionRootPath };
  if (!live) {
    await app.functions.createFunction({
      func: { ...config, handler: 'index.main', runtime: FUNCTION_RUNTIME, triggers: fn.triggers },
      ...common,
      force: false,
    });
    changes.push({ kind: 'function', target: fn.name, action: 'create' });
    return claimCode;
  }
  if (liveVars.get(ENV_CODE_HASH) !== envVariables[ENV_CODE_HASH]) {
    await app.functions.updateFunctionCode({ func: { name: fn.name, installDependency: true }, ...common });
    changes.push({ kind: 'function', target: fn.name, action: 'update code' });
  }
  const sameVars =
    liveVars.size === Object.keys(envVariables).length && Object.entries(envVariables).every(([k, v]) => liveVars.get(k) === v);
  if (live.Timeout !== fn.timeout || (live.MemorySize ?? DEFAULT_MEMORY_MB) !== fn.memorySize || !sameVars) {
    await app.functions.updateFunctionConfig(config);
    changes.push({ kind: 'function', target: fn.name, action: 'update config' });
  }
  const liveTriggers = (live.Triggers ?? []).filter((t) => t.Type === 'timer');
  for (const trigger of fn.triggers) {
    const have = liveTriggers.find((t) => t.TriggerName === trigger.name);
    if (have && cronOf(have.TriggerDesc) === trigger.config) continue;
    if (have) await app.functions.deleteFunctionTrigger(fn.name, trigger.name);
    await app.functions.createFunctionTriggers(fn.name, [trigger]);
    changes.push({ kind: 'trigger', target: `${fn.name}.${trigger.name}`, action: have ? 'recreate' : 'create' });
  }
  for (const t of liveTriggers) if (!fn.triggers.some((p) => p.name === t.TriggerName)) extras.push(`trigger ${fn.name}.${t.TriggerName}`);
  return claimCode;
}

export async function applyPlan(app: CloudBaseLike, plan: DeployPlan, options: ApplyOptions): Promise<ApplyResult> {
  preflight(plan, options);
  const changes: Change[] = [];
  const extras: string[] = [];
  const log = options.log ?? (() => undefined);
  const note = (from: number) => changes.slice(from).forEach((c) => log(`  ${c.kind} ${c.target}: ${c.action}`));
  for (const collection of plan.collections) {
    const before = changes.length;
    await applyCollection(app, options.envId, collection, changes, extras);
    note(before);
  }
  const storage = await app.storage.getStorageAcl({ withRule: true });
  if (storage.acl !== 'CUSTOM' || !sameRules(storage.rule, plan.storage.rules)) {
    await app.storage.setStorageAcl('CUSTOM', plan.storage.rules);
    changes.push({ kind: 'storage', target: 'bucket', action: 'set rules' });
    note(changes.length - 1);
  }
  let adminClaimCode: string | null = null;
  for (const fn of plan.functions) {
    const before = changes.length;
    adminClaimCode = (await applyFunction(app, fn, options, changes, extras)) ?? adminClaimCode;
    note(before);
  }
  return { changes, extras, adminClaimCode };
}
