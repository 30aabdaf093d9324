/** The deploy plan (what `npm run deploy -- --dry-run --json` prints) and applying it to a recorded fake manager. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPlan, DeployError, ENV_ADMIN_CLAIM_HASH, ENV_CODE_HASH, sha256, type ApplyOptions } from '../../scripts/deploy/apply';
import { connect } from '../../scripts/deploy/cli';
import { buildPlan, toCloudbaserc, type DeployPlan } from '../../scripts/deploy/plan';
import { REPO_ROOT } from '../../scripts/build-functions';
import { COLLECTIONS } from '../../src/shared/collections';
import { SETTINGS } from '../../src/shared/settings';
import { fakeCloudBase } from '../helpers/fake-cloudbase';

const plan = buildPlan();
const code = (name: string) => Buffer.from(`// bundle of ${name}`);
const options = (bundle: ApplyOptions['bundle'] = code): ApplyOptions => ({ envId: 'ylt-test-1a2b', functionRootPath: '/dist/cloudfunctions', bundle });

describe('the deploy plan', () => {
  it('covers every function folder and every declared collection', () => {
    const folders = readdirSync(join(REPO_ROOT, 'cloudfunctions')).filter((n) => !n.startsWith('_') && existsSync(join(REPO_ROOT, 'cloudfunctions', n, 'index.ts')));
    expect(plan.functions.map((f) => f.name).sort()).toEqual(folders.sort());
    expect(plan.collections.map((c) => c.name)).toEqual(COLLECTIONS.map((c) => c.name));
    expect(plan.settings.map((s) => s.key)).toEqual(SETTINGS.map((s) => s.key));
    for (const fn of plan.functions) {
      expect(fn.timeout).toBeGreaterThanOrEqual(1);
      expect([128, 256, 512, 1024, 2048]).toContain(fn.memorySize);
      expect(fn.triggers.length).toBeLessThanOrEqual(1);
    }
  });

  it('lets no client write any collection and reads nothing wholesale', () => {
    for (const c of plan.collections) {
      expect(c.rules.write).toBe(false);
      expect(c.rules.read).not.toBe(true);
    }
    expect(plan.storage.rules.read).not.toBe(true);
    expect(plan.storage.rules.write).toContain('resource.openid == auth.openid');
  });

  it('backs every no-duplicate guarantee with a unique index', () => {
    const unique = (coll: string) => plan.collections.find((c) => c.name === coll)?.indexes.filter((i) => i.unique).map((i) => i.keys.map((k) => k.field).join('+'));
    expect(unique('accounts')).toEqual(expect.arrayContaining(['openid']));
    expect(unique('noticeReads')).toEqual(['noticeId+memberId']);
    expect(unique('suggestions')).toEqual(['trackingNo']);
    expect(unique('members')).toEqual(['rosterNo']);
  });

  it('refuses a function config WeChat would refuse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ylt-plan-'));
    try {
      const fn = (name: string, config: object) => {
        mkdirSync(join(dir, name));
        writeFileSync(join(dir, name, 'index.ts'), '');
        writeFileSync(join(dir, name, 'config.json'), JSON.stringify(config));
      };
      fn('a', { timeout: 5, triggers: [{ name: 'daily', type: 'timer', config: '0 0 2 * * * *' }] });
      expect(buildPlan(dir).functions[0].triggers).toEqual([{ name: 'daily', type: 'timer', config: '0 0 2 * * * *' }]);
      fn('b', { timeout: 5, triggers: [{ name: 'daily', type: 'timer', config: '0 0 2 * * *' }] });
      expect(() => buildPlan(dir)).toThrow(/7-field cron/);
      rmSync(join(dir, 'b'), { recursive: true });
      fn('c', { timeout: 5, triggers: [{ name: 'x', type: 'timer', config: '0 0 2 * * * *' }, { name: 'y', type: 'timer', config: '0 0 3 * * * *' }] });
      expect(() => buildPlan(dir)).toThrow(/at most one trigger/);
      rmSync(join(dir, 'c'), { recursive: true });
      fn('d', { timeout: 5, memorySize: 300 });
      expect(() => buildPlan(dir)).toThrow(/memorySize/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('derives cloudbaserc.json for the CLI', () => {
    const rc = toCloudbaserc(plan) as { version: string; functions: Array<{ name: string; timeout: number; runtime: string }> };
    expect(rc.version).toBe('2.0');
    expect(rc.functions.map((f) => f.name)).toEqual(plan.functions.map((f) => f.name));
    expect(rc.functions.every((f) => f.runtime === 'Nodejs16.13')).toBe(true);
  });

  it('prints the plan as JSON with no network and no credentials', () => {
    const env = { ...process.env, TENCENTCLOUD_SECRETID: '', TENCENTCLOUD_SECRETKEY: '' };
    const out = execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/deploy/cli.ts', '--dry-run', '--json'], { cwd: REPO_ROOT, env, encoding: 'utf8' });
    const printed = JSON.parse(out) as DeployPlan;
    expect(Object.keys(printed)).toEqual(['functions', 'collections', 'storage', 'settings']);
    expect(Object.keys(printed.functions[0])).toEqual(['name', 'timeout', 'memorySize', 'permissions', 'triggers']);
    expect(Object.keys(printed.collections[0])).toEqual(['name', 'rules', 'indexes']);
    expect(Object.keys(printed.collections[0].indexes[0])).toEqual(['name', 'keys', 'unique']);
    expect(printed).toEqual(JSON.parse(JSON.stringify(plan)));
  });

  it('refuses a malformed env id or AppID before anything else', () => {
    const env = { ...process.env, TENCENTCLOUD_SECRETID: 'x', TENCENTCLOUD_SECRETKEY: 'y' };
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/deploy/cli.ts', ...args], { cwd: REPO_ROOT, env, encoding: 'utf8' });
    const badEnv = cli('--env', 'not an env!');
    expect(badEnv.status).toBe(1);
    expect(badEnv.stderr).toMatch(/环境ID/);
    const badAppid = cli('--env', 'ylt-test-1a2b', '--appid', 'touristappid');
    expect(badAppid.status).toBe(1);
    expect(badAppid.stderr).toMatch(/AppID/);
  });

  it('without credentials says so and changes nothing', () => {
    const env = { ...process.env, TENCENTCLOUD_SECRETID: '', TENCENTCLOUD_SECRETKEY: '' };
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/deploy/cli.ts', '--env', 'ylt-test-1a2b'], { cwd: REPO_ROOT, env, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/TENCENTCLOUD_SECRETID/);
  });
});

describe('connecting', () => {
  it('a wrong environment id stops with a clear message before any change', async () => {
    const fake = fakeCloudBase();
    class WrongEnv {
      env = { getEnvInfo: () => Promise.reject(new Error('[ResourceNotFound] env not exists')) };
      database = fake.database;
      storage = fake.storage;
      functions = fake.functions;
      commonService = fake.commonService;
    }
    await expect(connect('ylt-nope-0000', { secretId: 'id', secretKey: 'key' }, WrongEnv as never)).rejects.toThrow(/找不到云开发环境 ylt-nope-0000.*没有做任何改动/);
    expect(fake.calls).toEqual([]);
  });
});

describe('applying the plan', () => {
  it('creates everything once; a second run changes nothing', async () => {
    const app = fakeCloudBase();
    const first = await applyPlan(app, plan, options());
    const indexCount = plan.collections.reduce((n, c) => n + c.indexes.length, 0);
    expect(first.changes.filter((c) => c.kind === 'collection')).toHaveLength(plan.collections.length);
    expect(first.changes.filter((c) => c.kind === 'index')).toHaveLength(indexCount);
    expect(first.changes.filter((c) => c.kind === 'rules')).toHaveLength(plan.collections.length);
    expect(first.changes.filter((c) => c.kind === 'function')).toHaveLength(plan.functions.length);
    expect(app.storageState).toEqual({ acl: 'CUSTOM', rule: plan.storage.rules });
    for (const c of plan.collections) expect(JSON.parse(app.collections.get(c.name)?.rule ?? 'null')).toEqual(c.rules);

    const callsBefore = app.calls.length;
    const second = await applyPlan(app, plan, options());
    expect(second.changes).toEqual([]);
    expect(app.calls.length).toBe(callsBefore);
    expect(second.adminClaimCode).toBeNull();
  });

  it('prints the admin claim code once and keeps only its hash', async () => {
    const app = fakeCloudBase();
    const { adminClaimCode } = await applyPlan(app, plan, options());
    expect(adminClaimCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const member = app.functionsState.get('member');
    expect(member?.Variables.get(ENV_ADMIN_CLAIM_HASH)).toBe(sha256((adminClaimCode as string).replace(/-/g, '')));
    expect(JSON.stringify([...app.functionsState.values()].map((f) => [...f.Variables]))).not.toContain(adminClaimCode);
  });

  it('uploads code only for the function whose bundle changed', async () => {
    const app = fakeCloudBase();
    await applyPlan(app, plan, options());
    app.calls.length = 0;
    const changed = (name: string) => (name === 'notice' ? Buffer.from('// new notice') : code(name));
    const run = await applyPlan(app, plan, options(changed));
    expect(app.calls).toEqual(['updateFunctionCode notice', 'updateFunctionConfig notice']);
    expect(run.changes.map((c) => `${c.target} ${c.action}`)).toEqual(['notice update code', 'notice update config']);
    expect(app.functionsState.get('notice')?.Variables.get(ENV_CODE_HASH)).toBe(sha256(Buffer.from('// new notice')));
  });

  it('repairs what the console changed and keeps what it added', async () => {
    const app = fakeCloudBase();
    await applyPlan(app, plan, options());
    const accounts = app.collections.get('accounts');
    if (!accounts) throw new Error('no accounts');
    accounts.rule = JSON.stringify({ read: true, write: true });
    accounts.indexes = accounts.indexes.filter((i) => i.Name !== 'openid_unique');
    accounts.indexes.push({ Name: 'console_added', Keys: [{ Name: 'name', Direction: '1' }], Unique: false });
    app.functionsState.get('roster')!.Timeout = 3;
    app.calls.length = 0;
    const run = await applyPlan(app, plan, options());
    expect(app.calls.sort()).toEqual(['ModifySafeRule accounts', 'createIndex accounts.openid_unique', 'updateFunctionConfig roster'].sort());
    expect(run.extras).toEqual(['index accounts.console_added']);
  });

  it('a run cut off half-way is finished by the next one', async () => {
    const app = fakeCloudBase();
    app.failAfter(30);
    await expect(applyPlan(app, plan, options())).rejects.toThrow(/network cut/);
    app.failAfter(Infinity);
    const repair = await applyPlan(app, plan, options());
    expect(repair.changes.length).toBeGreaterThan(0);
    expect((await applyPlan(app, plan, options())).changes).toEqual([]);
  });

  it('with an unbuilt function refuses before changing anything', async () => {
    const app = fakeCloudBase();
    await expect(applyPlan(app, plan, options((name) => (name === 'staff' ? null : code(name))))).rejects.toThrow(DeployError);
    expect(app.calls).toEqual([]);
  });
});
