/**
 * npm run deploy -- --dry-run [--json]   the plan, from the repository alone (no network, no credentials)
 * npm run deploy -- --cloudbaserc        the functions part as cloudbaserc.json (for `tcb fn deploy`)
 * npm run deploy -- --env <envId> [--appid <AppID>]
 *                                        builds the functions and applies the plan to that CloudBase environment
 *                                        (idempotent); with --appid also points the weapp build at it
 *                                        (project.config.json appid, .env.production TARO_APP_CLOUD_ENV)
 * Credentials only from the environment: TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY (and
 * TENCENTCLOUD_SESSIONTOKEN for temporary keys). Functions are uploaded from dist/cloudfunctions.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFunctions, REPO_ROOT } from '../build-functions';
import { applyPlan, DeployError, preflight, type CloudBaseLike } from './apply';
import { buildPlan, readBundle, toCloudbaserc, type DeployPlan } from './plan';

const CLAIM_PAGE = 'pages/staff/settings/claim/index';

interface Args {
  dryRun: boolean;
  json: boolean;
  cloudbaserc: boolean;
  envId: string | null;
  appid: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dryRun: false, json: false, cloudbaserc: false, envId: null, appid: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--cloudbaserc') args.cloudbaserc = true;
    else if (arg === '--env') args.envId = argv[++i] ?? '';
    else if (arg.startsWith('--env=')) args.envId = arg.slice('--env='.length);
    else if (arg === '--appid') args.appid = argv[++i] ?? '';
    else throw new DeployError(`不认识的参数 ${arg}。用法：npm run deploy -- --dry-run [--json] | --cloudbaserc | --env <环境ID>`);
  }
  return args;
}

function summary(plan: DeployPlan): string {
  const indexes = plan.collections.reduce((n, c) => n + c.indexes.length, 0);
  const triggers = plan.functions.reduce((n, f) => n + f.triggers.length, 0);
  const lines = [
    `${plan.functions.length} functions (${triggers} timer triggers), ${plan.collections.length} collections, ${indexes} indexes, ` +
      `${plan.collections.length} collection rules + 1 storage rule, ${plan.settings.length} settings`,
    ...plan.functions.map((f) => `  function ${f.name}: ${f.timeout}s ${f.memorySize}MB openapi [${f.permissions.openapi.join(', ')}]` +
      `${f.triggers.map((t) => ` timer ${t.name} "${t.config}"`).join('')}`),
    ...plan.collections.map((c) => `  collection ${c.name}: read ${JSON.stringify(c.rules.read)} write ${JSON.stringify(c.rules.write)}; ` +
      `indexes ${c.indexes.map((i) => `${i.name}${i.unique ? ' (unique)' : ''}`).join(', ') || '-'}`),
    `  storage: read ${JSON.stringify(plan.storage.rules.read)} write ${JSON.stringify(plan.storage.rules.write)}`,
  ];
  return lines.join('\n');
}

function credentials(): { secretId: string; secretKey: string } {
  const secretId = process.env.TENCENTCLOUD_SECRETID;
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY;
  if (!secretId || !secretKey) {
    throw new DeployError(
      '没有云开发的访问密钥。请在腾讯云控制台“访问管理 → API密钥管理”新建密钥，然后设置环境变量 ' +
        'TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY 再运行（密钥不要写进代码仓库）。',
    );
  }
  return { secretId, secretKey };
}

type ManagerClass = new (config: Record<string, unknown>) => CloudBaseLike & { env: { getEnvInfo(): Promise<unknown> } };

/** A manager for the environment, once it answers (a wrong id or keys without access stop here, before any change). */
export async function connect(envId: string, keys: { secretId: string; secretKey: string }, Manager?: ManagerClass): Promise<CloudBaseLike> {
  // loaded only when deploying, so a dry run needs nothing of it
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ctor = Manager ?? (require('@cloudbase/manager-node') as ManagerClass);
  const app = new Ctor({ ...keys, token: process.env.TENCENTCLOUD_SESSIONTOKEN, envId });
  try {
    await app.env.getEnvInfo();
  } catch (error) {
    throw new DeployError(`找不到云开发环境 ${envId}，或这组密钥无权访问它（${(error as Error).message}）。请核对环境ID（云开发控制台 → 设置）。没有做任何改动。`);
  }
  return app;
}

/** The weapp build for this environment: project.config.json's appid (read by DevTools) and .env.production. */
function pointWeappAt(appid: string, envId: string): void {
  const projectFile = join(REPO_ROOT, 'project.config.json');
  const project = JSON.parse(readFileSync(projectFile, 'utf8')) as Record<string, unknown>;
  if (project.appid !== appid) writeFileSync(projectFile, `${JSON.stringify({ ...project, appid }, null, 2)}\n`);
  const envFile = join(REPO_ROOT, '.env.production');
  const lines = existsSync(envFile) ? readFileSync(envFile, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('TARO_APP_CLOUD_ENV=')) : [];
  writeFileSync(envFile, `${[...lines, `TARO_APP_CLOUD_ENV=${envId}`].join('\n')}\n`);
  console.log(`weapp: appid ${appid} in project.config.json, TARO_APP_CLOUD_ENV=${envId} in .env.production — now npm run build:weapp`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const plan = buildPlan();
  if (args.cloudbaserc) {
    console.log(JSON.stringify(toCloudbaserc(plan), null, 2));
    return;
  }
  if (args.dryRun || args.envId === null) {
    console.log(args.json ? JSON.stringify(plan, null, 2) : summary(plan));
    if (!args.dryRun) console.error('\n(dry run: add --env <环境ID> to apply it)');
    return;
  }
  if (!/^[a-z0-9][a-z0-9-]{3,60}$/i.test(args.envId)) throw new DeployError(`环境ID“${args.envId}”格式不对（云开发控制台 → 设置 里的环境ID，例如 ylt-prod-1a2b3c）。`);
  const options = { envId: args.envId, functionRootPath: join(REPO_ROOT, 'dist', 'cloudfunctions'), bundle: readBundle, log: (l: string) => console.log(l) };
  if (args.appid !== null && !/^wx[0-9a-f]{16}$/.test(args.appid)) throw new DeployError(`AppID“${args.appid}”格式不对（wx 加16位，在小程序后台“开发 → 开发管理 → 开发设置”里）。`);
  const keys = credentials();
  await buildFunctions();
  preflight(plan, options);
  const app = await connect(args.envId, keys);
  console.log(`deploying to ${args.envId}`);
  const result = await applyPlan(app, plan, options);
  for (const extra of result.extras) console.log(`  kept (not in the plan): ${extra}`);
  console.log(result.changes.length === 0 ? 'nothing to change' : `${result.changes.length} changes applied`);
  if (args.appid) pointWeappAt(args.appid, args.envId);
  if (result.adminClaimCode) {
    console.log(
      `\n首位管理员认领码（只显示这一次，请抄下来交给管理员）：${result.adminClaimCode}\n` +
        `管理员在小程序里打开页面 ${CLAIM_PAGE}?code=${result.adminClaimCode}（微信开发者工具：添加编译模式，启动页面填这个路径，` +
        '点“预览”后用管理员的微信扫码），输入姓名即成为管理员；之后只有管理员能给别人设角色。\n' +
        '认领码只在这台电脑上显示这一次，服务器只存它的哈希。丢了也不要紧：在云开发控制台删掉 member 函数的环境变量 ADMIN_CLAIM_HASH，再部署一次会给出新码（已有管理员后不再能认领）。',
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof DeployError) console.error(`部署未完成：${error.message}`);
    else console.error(`部署中断：${(error as Error).message ?? String(error)}\n再运行一次同样的命令即可从中断处补齐（已完成的不会重做）。`);
    process.exit(1);
  });
}
