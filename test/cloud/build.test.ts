/** The bundles are what gets uploaded: check their shape, not just that they run. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFunctions, REPO_ROOT } from '../../scripts/build-functions';

const rootPackage = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

describe('build:functions', () => {
  it('bundles every function (not _lib) with wx-server-sdk external and pinned like the root', async () => {
    const built = await buildFunctions();
    expect(built.map((fn) => fn.name)).toEqual(expect.arrayContaining(['catalog', 'member']));
    expect(built.map((fn) => fn.name)).not.toContain('_lib');
    for (const fn of built) {
      const pkg = JSON.parse(readFileSync(join(fn.dir, 'package.json'), 'utf8'));
      expect(pkg).toMatchObject({ name: fn.name, main: 'index.js', dependencies: { 'wx-server-sdk': rootPackage.dependencies['wx-server-sdk'] } });
      expect(pkg.dependencies['wx-server-sdk']).toMatch(/^\d+\.\d+\.\d+$/);
      const source = JSON.parse(readFileSync(join(REPO_ROOT, 'cloudfunctions', fn.name, 'config.json'), 'utf8'));
      expect(JSON.parse(readFileSync(join(fn.dir, 'config.json'), 'utf8'))).toEqual(source);
      const code = readFileSync(join(fn.dir, 'index.js'), 'utf8');
      expect(code).toContain('require("wx-server-sdk")');
      expect(code).not.toMatch(/@cloudbase\/node-sdk|from "valibot"|require\("valibot"\)/);
      expect(code).not.toMatch(/^\s*(import|export) /m);
      expect(existsSync(join(fn.dir, 'index.js'))).toBe(true);
    }
  });
});
