/**
 * A recorded fake of the @cloudbase/manager-node 5.6.5 surface the deploy uses (scripts/deploy/apply.ts
 * CloudBaseLike): an in-memory environment answering like the TCB API (cloudbase-deploy.md §1), recording every
 * call that changes something. It stands in for the cloud console API, not for our database.
 */
import type { CloudBaseLike } from '../../scripts/deploy/apply';

interface FakeIndex {
  Name: string;
  Keys: Array<{ Name: string; Direction: string }>;
  Unique: boolean;
}

interface FakeFunction {
  Timeout: number;
  MemorySize: number;
  Variables: Map<string, string>;
  Triggers: Array<{ TriggerName: string; Type: string; TriggerDesc: string }>;
  codeUploads: number;
}

export interface FakeCloudBase extends CloudBaseLike {
  /** mutating calls, in order, e.g. "createCollection members" */
  calls: string[];
  collections: Map<string, { indexes: FakeIndex[]; aclTag: string; rule: string | null }>;
  functionsState: Map<string, FakeFunction>;
  storageState: { acl: string; rule?: { read: boolean | string; write: boolean | string } };
  /** makes the n-th mutating call from now throw (a network cut) */
  failAfter(n: number): void;
}

export function fakeCloudBase(): FakeCloudBase {
  const calls: string[] = [];
  const collections = new Map<string, { indexes: FakeIndex[]; aclTag: string; rule: string | null }>();
  const functionsState = new Map<string, FakeFunction>();
  const storageState: FakeCloudBase['storageState'] = { acl: 'PRIVATE' };
  let budget = Infinity;
  const record = (call: string) => {
    if (budget-- <= 0) throw new Error(`network cut before ${call}`);
    calls.push(call);
  };
  const coll = (name: string) => {
    const c = collections.get(name);
    if (!c) throw Object.assign(new Error(`collection ${name} not exists`), { code: 'ResourceNotFound' });
    return c;
  };
  const fn = (name: string) => {
    const f = functionsState.get(name);
    if (!f) throw Object.assign(new Error(`[${name}] 函数不存在`), { code: 'ResourceNotFound.Function' });
    return f;
  };
  const setVars = (f: FakeFunction, vars: unknown) => {
    if (vars) f.Variables = new Map(Object.entries(vars as Record<string, string>));
  };

  return {
    calls,
    collections,
    functionsState,
    storageState,
    failAfter(n) {
      budget = n;
    },
    database: {
      async checkCollectionExists(name) {
        return { Exists: collections.has(name) };
      },
      async createCollection(name) {
        record(`createCollection ${name}`);
        if (collections.has(name)) throw new Error(`collection ${name} exists`);
        // a new collection: _id index, simple level rule (the real default is unconfirmed)
        collections.set(name, { indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }], aclTag: 'PRIVATE', rule: null });
        return {};
      },
      async describeCollection(name) {
        return { Indexes: coll(name).indexes.map((i) => ({ ...i, Keys: i.Keys.map((k) => ({ ...k })) })) };
      },
      async updateCollection(name, info) {
        const c = coll(name);
        for (const drop of info.DropIndexes ?? []) {
          record(`dropIndex ${name}.${drop.IndexName}`);
          c.indexes = c.indexes.filter((i) => i.Name !== drop.IndexName);
        }
        for (const create of info.CreateIndexes ?? []) {
          record(`createIndex ${name}.${create.IndexName}`);
          c.indexes = c.indexes.filter((i) => i.Name !== create.IndexName);
          c.indexes.push({ Name: create.IndexName, Keys: create.MgoKeySchema.MgoIndexKeys.map((k) => ({ ...k })), Unique: create.MgoKeySchema.MgoIsUnique });
        }
        return {};
      },
    },
    commonService() {
      return {
        async call({ Action, Param }) {
          const c = coll(String(Param.CollectionName));
          if (Action === 'DescribeSafeRule') return { AclTag: c.aclTag, Rule: c.rule, RequestId: 'fake' };
          if (Action === 'ModifySafeRule') {
            record(`ModifySafeRule ${String(Param.CollectionName)}`);
            if (Param.AclTag === 'CUSTOM' && typeof Param.Rule !== 'string') throw new Error('Rule must be a JSON string for CUSTOM');
            c.aclTag = String(Param.AclTag);
            c.rule = (Param.Rule as string | undefined) ?? null;
            return { RequestId: 'fake' };
          }
          throw new Error(`fake: unsupported action ${Action}`);
        },
      };
    },
    storage: {
      async getStorageAcl() {
        return { acl: storageState.acl, ...(storageState.rule ? { rule: { ...storageState.rule } } : {}) };
      },
      async setStorageAcl(acl, rule) {
        record('setStorageAcl');
        storageState.acl = acl;
        storageState.rule = { ...rule };
        return {};
      },
    },
    functions: {
      async getFunctionDetail(name) {
        const f = fn(name);
        return {
          Timeout: f.Timeout,
          MemorySize: f.MemorySize,
          Environment: { Variables: [...f.Variables].map(([Key, Value]) => ({ Key, Value })) },
          Triggers: f.Triggers.map((t) => ({ ...t })),
        };
      },
      async createFunction({ func }) {
        const name = String(func.name);
        record(`createFunction ${name}`);
        const f: FakeFunction = { Timeout: Number(func.timeout ?? 3), MemorySize: Number(func.memorySize ?? 256), Variables: new Map(), Triggers: [], codeUploads: 1 };
        setVars(f, func.envVariables);
        for (const t of (func.triggers as Array<{ name: string; type: string; config: string }>) ?? []) {
          f.Triggers.push({ TriggerName: t.name, Type: t.type, TriggerDesc: JSON.stringify({ cron: t.config }) });
        }
        functionsState.set(name, f);
        return {};
      },
      async updateFunctionCode({ func }) {
        record(`updateFunctionCode ${String(func.name)}`);
        fn(String(func.name)).codeUploads++;
        return {};
      },
      async updateFunctionConfig(func) {
        record(`updateFunctionConfig ${String(func.name)}`);
        const f = fn(String(func.name));
        if (func.timeout !== undefined) f.Timeout = Number(func.timeout);
        if (func.memorySize !== undefined) f.MemorySize = Number(func.memorySize);
        setVars(f, func.envVariables);
        return {};
      },
      async createFunctionTriggers(name, triggers) {
        record(`createTrigger ${name}`);
        const f = fn(name);
        for (const t of triggers) {
          if (f.Triggers.some((have) => have.TriggerName === t.name)) throw new Error(`trigger ${t.name} exists`);
          f.Triggers.push({ TriggerName: t.name, Type: t.type, TriggerDesc: JSON.stringify({ cron: t.config }) });
        }
        return {};
      },
      async deleteFunctionTrigger(name, triggerName) {
        record(`deleteTrigger ${name}.${triggerName}`);
        const f = fn(name);
        f.Triggers = f.Triggers.filter((t) => t.TriggerName !== triggerName);
        return {};
      },
    },
  };
}
