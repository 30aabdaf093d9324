/**
 * The deploy plan: the whole CloudBase environment the product needs, derived from the repository alone (no
 * network, no credentials). Sources, each the one place its facts live:
 * - functions: every cloudfunctions/<name>/config.json (WeChat's own format: timeout, permissions.openapi, at most
 *   one timer trigger; plus memorySize, which WeChat DevTools ignores);
 * - collections: src/shared/collections.ts (rules, unique and query indexes);
 * - storage: src/shared/storage-rules.ts;
 * - settings: src/shared/settings.ts (what the bureau must supply, edited on the staff page 系统设置).
 * `toCloudbaserc` gives the functions part in the CloudBase CLI's cloudbaserc.json format.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, indexKeysOf, rulesOf, type CollectionSpec, type IndexDirection } from '../../src/shared/collections';
import { SETTINGS } from '../../src/shared/settings';
import { STORAGE_RULES } from '../../src/shared/storage-rules';
import { functionNamesIn, readFunctionConfig, REPO_ROOT } from '../build-functions';

export interface TriggerPlan {
  name: string;
  type: 'timer';
  /** 7-field cron, UTC+8: sec min hour day month weekday year */
  config: string;
}

export interface FunctionPlan {
  name: string;
  timeout: number;
  memorySize: number;
  permissions: { openapi: string[] };
  triggers: TriggerPlan[];
}

export interface IndexPlan {
  name: string;
  keys: Array<{ field: string; direction: IndexDirection }>;
  unique: boolean;
}

export interface Rules {
  read: boolean | string;
  write: boolean | string;
}

export interface CollectionPlan {
  name: string;
  rules: Rules;
  indexes: IndexPlan[];
}

export interface DeployPlan {
  functions: FunctionPlan[];
  collections: CollectionPlan[];
  storage: { rules: Rules };
  settings: Array<{ key: string; required: boolean; description: string }>;
}

/** CloudBase runtime matching the bundles (scripts/build-functions.ts targets Node 16). */
export const FUNCTION_RUNTIME = 'Nodejs16.13';
export const DEFAULT_MEMORY_MB = 256;
const MEMORY_SIZES = new Set([128, 256, 512, 1024, 2048]);
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
const CRON_FIELD = /^[0-9*,\-/?LW#A-Za-z]+$/;

function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

/** Checks one trigger as WeChat does (cloudbase-deploy.md §3): name, type timer, a 7-field cron. */
export function checkTrigger(where: string, value: unknown): TriggerPlan {
  const t = value as Partial<TriggerPlan> | null;
  if (!t || typeof t !== 'object') fail(where, 'a trigger must be an object {name, type, config}');
  if (typeof t.name !== 'string' || !TRIGGER_NAME.test(t.name)) fail(where, `trigger name ${String(t.name)} must be ≤ 60 of [A-Za-z0-9_-], starting with a letter`);
  if (t.type !== 'timer') fail(where, `trigger ${t.name}: only type "timer" is supported`);
  const fields = typeof t.config === 'string' ? t.config.trim().split(/\s+/) : [];
  if (fields.length !== 7 || !fields.every((f) => CRON_FIELD.test(f))) {
    fail(where, `trigger ${t.name}: config must be a 7-field cron "sec min hour day month weekday year" (UTC+8)`);
  }
  return { name: t.name, type: 'timer', config: fields.join(' ') };
}

export function functionPlan(dir: string, name: string): FunctionPlan {
  const where = join(dir, 'config.json');
  const config = readFunctionConfig(dir);
  const memorySize = config.memorySize ?? DEFAULT_MEMORY_MB;
  if (typeof memorySize !== 'number' || !MEMORY_SIZES.has(memorySize)) fail(where, 'memorySize must be 128, 256, 512, 1024 or 2048');
  const openapi = config.permissions?.openapi ?? [];
  if (!Array.isArray(openapi) || !openapi.every((p) => typeof p === 'string' && /^[A-Za-z]+\.[A-Za-z]+$/.test(p))) {
    fail(where, 'permissions.openapi must list calls like "subscribeMessage.send"');
  }
  const rawTriggers = config.triggers ?? [];
  if (!Array.isArray(rawTriggers)) fail(where, 'triggers must be an array');
  if (rawTriggers.length > 1) fail(where, 'WeChat allows at most one trigger per function');
  return {
    name,
    timeout: config.timeout,
    memorySize,
    permissions: { openapi: [...openapi].sort() },
    triggers: rawTriggers.map((t) => checkTrigger(where, t)),
  };
}

export function collectionPlan(spec: CollectionSpec): CollectionPlan {
  const rules = rulesOf(spec);
  const indexes = indexKeysOf(spec);
  const names = new Set<string>();
  for (const index of indexes) {
    if (names.has(index.name) || index.name === '_id_') fail(`collection ${spec.name}`, `index name ${index.name} is used twice`);
    names.add(index.name);
  }
  return { name: spec.name, rules: { read: rules.read, write: rules.write }, indexes };
}

export function buildPlan(functionsDir = join(REPO_ROOT, 'cloudfunctions')): DeployPlan {
  if (!existsSync(functionsDir)) fail(functionsDir, 'no cloudfunctions folder');
  return {
    functions: functionNamesIn(functionsDir).map((name) => functionPlan(join(functionsDir, name), name)),
    collections: (COLLECTIONS as readonly CollectionSpec[]).map(collectionPlan),
    storage: { rules: { read: STORAGE_RULES.read, write: STORAGE_RULES.write } },
    settings: SETTINGS.map((s) => ({ key: s.key, required: s.required, description: `${s.label}：${s.description}` })),
  };
}

/** The functions part as the CloudBase CLI's cloudbaserc.json (version 2.0: {{env.ENV_ID}} from the environment). */
export function toCloudbaserc(plan: DeployPlan): object {
  return {
    version: '2.0',
    envId: '{{env.ENV_ID}}',
    functionRoot: './dist/cloudfunctions',
    functions: plan.functions.map((fn) => ({
      name: fn.name,
      handler: 'index.main',
      runtime: FUNCTION_RUNTIME,
      timeout: fn.timeout,
      memorySize: fn.memorySize,
      installDependency: true,
      ...(fn.triggers.length ? { triggers: fn.triggers } : {}),
    })),
  };
}

/** The bundle folder of a built function (npm run build:functions). */
export function bundleDir(name: string): string {
  return join(REPO_ROOT, 'dist', 'cloudfunctions', name);
}

export function readBundle(name: string): Buffer | null {
  const file = join(bundleDir(name), 'index.js');
  return existsSync(file) ? readFileSync(file) : null;
}
