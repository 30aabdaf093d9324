/**
 * `npm test`: everything a fresh machine needs to prove the product, then every test suite.
 * 1. the browser tests' Chromium and CJK fonts (Debian packages; installed automatically when running as root),
 * 2. static checks: strict TypeScript over the whole repo, and the import directions (dependency-cruiser),
 * 3. the builds the tests run against (cloud functions, weapp, h5),
 * 4. jest over all projects (unit, emulator, cloud, weapp, e2e); extra arguments go to jest;
 * 5. index coverage: every query shape the functions made during the run is served by a declared index.
 * Ends with one plain line "N passed, N failed".
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const CHROMIUM = '/usr/bin/chromium';

function run(command: string, args: string[], label: string): void {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
  console.log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function hasCjkFonts(): boolean {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', 'fonts-noto-cjk'], { encoding: 'utf8' }).includes('installed');
  } catch {
    return false;
  }
}

function ensureBrowser(): void {
  if (existsSync(CHROMIUM) && hasCjkFonts()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error('Browser tests need Debian chromium and fonts-noto-cjk: sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk');
    process.exit(1);
  }
  console.log('Installing chromium and fonts-noto-cjk for the browser tests…');
  process.env.DEBIAN_FRONTEND = 'noninteractive'; // CI has no terminal to answer questions
  run('apt-get', ['update', '-qq'], 'apt-get update');
  run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], 'apt-get install');
}

ensureBrowser();
run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], 'typecheck');
run('npx', ['depcruise', 'src', 'cloudfunctions', 'local', 'scripts', '--config', '.dependency-cruiser.cjs'], 'import directions');
run('npx', ['tsx', 'scripts/build-functions.ts'], 'build cloud functions');
run('npx', ['taro', 'build', '--type', 'weapp'], 'build weapp');
run('npx', ['taro', 'build', '--type', 'h5'], 'build h5');

const reportDir = join(root, 'test-results');
mkdirSync(reportDir, { recursive: true });
const reportFile = join(reportDir, 'jest.json');
const shapesFile = join(reportDir, 'query-shapes.jsonl');
rmSync(shapesFile, { force: true });
// 2 cores: one jest worker runs every suite, replaced when it passes workerIdleMemoryLimit (jest.config.js); the
// heap limit is headroom for one large suite
const jest = spawnSync('npx', ['jest', '--json', '--outputFile', reportFile, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    YLT_QUERY_SHAPES_FILE: shapesFile,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-old-space-size=8192'].filter(Boolean).join(' '),
  },
});
const indexes = existsSync(shapesFile) ? spawnSync('npx', ['tsx', 'scripts/index-coverage.ts', shapesFile], { cwd: root, stdio: 'inherit' }) : null;

let passed = 0;
let failed = 0;
if (existsSync(reportFile)) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  passed = report.numPassedTests;
  failed = report.numFailedTests;
}
const indexesOk = indexes === null || indexes.status === 0;
if (!indexesOk) failed++;
console.log(`${passed} passed, ${failed} failed`);
process.exit(jest.status === 0 && passed > 0 && indexesOk ? 0 : 1);
