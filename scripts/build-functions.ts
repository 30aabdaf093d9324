/**
 * Bundles each cloudfunctions/<name>/index.ts (folders starting with "_" are shared code) into
 * dist/cloudfunctions/<name>/{index.js, package.json, config.json}: CommonJS for Node 16 with wx-server-sdk
 * external and pinned to the root package.json's exact version, i.e. exactly what is uploaded to WeChat.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..');
const SDK = 'wx-server-sdk';

export interface BuildOptions {
  /** folder holding one sub-folder per function; default <repo>/cloudfunctions */
  srcDir?: string;
  /** default <repo>/dist/cloudfunctions */
  outDir?: string;
}

export interface BuiltFunction {
  name: string;
  dir: string;
  bytes: number;
}

export interface FunctionConfig {
  timeout: number;
  permissions?: { openapi?: string[] };
  [key: string]: unknown;
}

/** The wx-server-sdk version pinned in the root package.json (must be exact). */
export function pinnedSdkVersion(): string {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const version = pkg.dependencies?.[SDK];
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`${SDK} must be pinned exactly in package.json`);
  return version;
}

/** Reads and checks a function's config.json (timeout in seconds, 1..60 as in WeChat). */
export function readFunctionConfig(dir: string): FunctionConfig {
  const file = join(dir, 'config.json');
  const config = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { timeout: 3 }) as FunctionConfig;
  if (!Number.isInteger(config.timeout) || config.timeout < 1 || config.timeout > 60) {
    throw new Error(`${file}: timeout must be an integer number of seconds between 1 and 60`);
  }
  return config;
}

export function functionNamesIn(srcDir: string): string[] {
  return readdirSync(srcDir)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .filter((name) => statSync(join(srcDir, name)).isDirectory() && existsSync(join(srcDir, name, 'index.ts')))
    .sort();
}

/** Readers (a runtime, a parallel test) never see a half-written file. */
function writeAtomically(file: string, contents: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

export async function buildFunctions(options: BuildOptions = {}): Promise<BuiltFunction[]> {
  const srcDir = options.srcDir ?? join(REPO_ROOT, 'cloudfunctions');
  const outDir = options.outDir ?? join(REPO_ROOT, 'dist', 'cloudfunctions');
  const sdkVersion = pinnedSdkVersion();
  return Promise.all(
    functionNamesIn(srcDir).map(async (name) => {
      const config = readFunctionConfig(join(srcDir, name));
      const dir = join(outDir, name);
      mkdirSync(dir, { recursive: true });
      const result = await build({
        entryPoints: [join(srcDir, name, 'index.ts')],
        outfile: join(dir, 'index.js'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node16',
        external: [SDK],
        tsconfig: join(REPO_ROOT, 'tsconfig.json'),
        legalComments: 'none',
        logLevel: 'silent',
        write: false,
      });
      const [code] = result.outputFiles;
      const pkg = { name, version: '1.0.0', private: true, main: 'index.js', dependencies: { [SDK]: sdkVersion } };
      const files: Record<string, string | Uint8Array> = {
        'index.js': code.contents,
        'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
        'config.json': `${JSON.stringify(config, null, 2)}\n`,
      };
      for (const stale of readdirSync(dir)) if (!(stale in files) && !stale.endsWith('.tmp')) rmSync(join(dir, stale), { recursive: true, force: true });
      for (const [file, contents] of Object.entries(files)) writeAtomically(join(dir, file), contents);
      return { name, dir, bytes: code.contents.byteLength };
    }),
  );
}

if (require.main === module) {
  const started = Date.now();
  buildFunctions()
    .then((built) => {
      for (const fn of built) console.log(`${fn.name.padEnd(16)} ${(fn.bytes / 1024).toFixed(1).padStart(7)} KB`);
      console.log(`built ${built.length} functions in ${Date.now() - started} ms`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
