/** One services module is the only caller of the cloud (import directions are checked by `npm run lint:deps`). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ONLY_CALLER = 'src/services/cloud.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

it(`no file of the app but ${ONLY_CALLER} calls a cloud function`, () => {
  const callers = sourceFiles(join(ROOT, 'src'))
    .filter((file) => /\bcallFunction\s*\(/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(ROOT, file));
  expect(callers).toEqual([ONLY_CALLER]);
});
