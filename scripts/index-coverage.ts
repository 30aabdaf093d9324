/**
 * Index coverage: every query shape the test suite made (recorded by the emulator into YLT_QUERY_SHAPES_FILE,
 * see local/emulator/query-shapes.ts) against the indexes declared in src/shared/collections.ts.
 *   npx tsx scripts/index-coverage.ts <shapes.jsonl>   prints the report; exits 1 when a shape is uncovered.
 * `npm test` records the shapes of the whole run and runs this at the end.
 */
import { readFileSync } from 'node:fs';
import { COLLECTIONS, geoIndexesOf, type CollectionSpec } from '../src/shared/collections';
import { coveredBy, shapeKey, type QueryShape } from '../local/emulator/query-shapes';

export interface CoverageReport {
  shapes: number;
  covered: Array<{ shape: string; index: string }>;
  uncovered: string[];
}

export function coverage(shapes: readonly QueryShape[]): CoverageReport {
  const specs = new Map((COLLECTIONS as readonly CollectionSpec[]).map((c) => [c.name, c]));
  const unique = new Map(shapes.map((s) => [shapeKey(s), s]));
  const report: CoverageReport = { shapes: unique.size, covered: [], uncovered: [] };
  for (const [key, shape] of [...unique].sort(([a], [b]) => a.localeCompare(b))) {
    const spec = specs.get(shape.collection);
    // a near query is served by the 2dsphere index on its field
    const geo = spec ? geoIndexesOf(spec).map((g) => ({ name: g.name, fields: [g.field] })) : [];
    const indexes = spec ? [...spec.unique, ...(spec.indexes ?? []), ...geo] : [];
    const index = coveredBy(shape, indexes, spec?.wholeReads === true);
    if (index) report.covered.push({ shape: key, index });
    else report.uncovered.push(key);
  }
  return report;
}

export function readShapes(file: string): QueryShape[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as QueryShape);
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx scripts/index-coverage.ts <shapes.jsonl>');
    process.exit(2);
  }
  const report = coverage(readShapes(file));
  if (process.argv.includes('--verbose')) for (const c of report.covered) console.log(`covered   ${c.shape}  by ${c.index}`);
  for (const shape of report.uncovered) console.log(`UNCOVERED ${shape}`);
  console.log(`index coverage: ${report.shapes} query shapes, ${report.covered.length} covered, ${report.uncovered.length} uncovered`);
  process.exit(report.uncovered.length === 0 ? 0 : 1);
}
