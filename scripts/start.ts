/**
 * npm start: builds what the local preview needs and starts it (emulator + gateway + demo data).
 * Usage: [PORT=8080] npm start [-- --reset]
 *   PORT     gateway port, default 8080
 *   --reset  empty the preview database (.data/preview) and seed the demo county afresh
 * Stops cleanly on Ctrl-C (SIGINT) or SIGTERM. package.json runs it as `exec tsx ...` so a SIGTERM sent to npm
 * reaches it (without exec the shell between npm and tsx dies and leaves the preview running).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startPreview, type Preview } from '../local/preview';
import { buildFunctions } from './build-functions';

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_PORT = 8080;
const H5_INDEX = path.join(ROOT, 'dist', 'h5', 'index.html');
const H5_SOURCES = ['src', 'config'].map((dir) => path.join(ROOT, dir));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function h5IsStale(): boolean {
  if (!fs.existsSync(H5_INDEX)) return true;
  const built = fs.statSync(H5_INDEX).mtimeMs;
  return H5_SOURCES.some((dir) => fs.existsSync(dir) && newestMtime(dir) > built);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 不是有效的端口号：${value}`);
  return port;
}

async function main(): Promise<void> {
  const port = parsePort(process.env.PORT);
  const reset = process.argv.slice(2).includes('--reset');

  await buildFunctions();
  if (h5IsStale()) {
    console.error('正在构建网页版（约半分钟）…');
    const taro = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (taro.status !== 0) throw new Error('网页版构建失败（npx taro build --type h5），请查看上面的错误信息');
  }

  const preview: Preview = await startPreview({ port, dataDir: path.join(ROOT, '.data', 'preview'), reset, tickTriggers: true });
  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(1); // a second Ctrl-C does not wait
    stopping = true;
    preview.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('停止时出错：', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const shown = new URL(preview.url);
  console.log(`银龄通本地预览已启动：http://127.0.0.1:${shown.port}/ （按 Ctrl-C 停止）`);
}

main().catch((error: unknown) => {
  console.error('本地预览启动失败：', error instanceof Error ? error.message : error);
  process.exit(1);
});
