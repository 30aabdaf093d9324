/** src/shared is plain rules and types: it imports nothing of Taro, React, the SDK, the functions or local/. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SHARED = join(__dirname, '..', '..', 'src', 'shared');
const ALLOWED_PACKAGES = new Set(['valibot', 'dayjs']);

it('src/shared imports only its own modules, valibot and dayjs', () => {
  const offenders: string[] = [];
  for (const file of readdirSync(SHARED).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(join(SHARED, file), 'utf8');
    for (const [, spec] of source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
      const ok = spec.startsWith('./') || ALLOWED_PACKAGES.has(spec.split('/')[0]);
      if (!ok) offenders.push(`${file}: ${spec}`);
    }
  }
  expect(offenders).toEqual([]);
});
