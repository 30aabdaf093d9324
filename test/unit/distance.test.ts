/** The words for distance (src/shared/distance.ts) and the position a list request may carry. */
import { distanceLine, distanceWords, isPosition, nearWords } from '../../src/shared/distance';
import { parsePayload, schemas } from '../../src/shared/schemas';

test('distances in plain words: metres to the hundred, kilometres to one decimal, whole kilometres from 10 km', () => {
  expect(distanceWords(0)).toBe('不到 100 米');
  expect(distanceWords(99)).toBe('不到 100 米');
  expect(distanceWords(120)).toBe('约 100 米');
  expect(distanceWords(780)).toBe('约 800 米');
  expect(distanceWords(960)).toBe('约 1 公里');
  expect(distanceWords(1000)).toBe('约 1 公里');
  expect(distanceWords(2340)).toBe('约 2.3 公里');
  expect(distanceWords(9960)).toBe('约 10 公里');
  expect(distanceWords(13_760)).toBe('约 14 公里');
  expect(distanceLine(2340)).toBe('距离：约 2.3 公里');
  expect(distanceLine(null)).toContain('不清楚');
  expect(nearWords({ from: 'town', town: '青山镇' })).toBe('按离您家所在的青山镇由近到远排列');
  expect(nearWords({ from: 'here' })).toContain('不保存');
});

test('a position is two finite numbers in range, nothing more', () => {
  expect(isPosition({ longitude: 117.1, latitude: 36.2 })).toBe(true);
  expect(isPosition({ longitude: -180, latitude: 90 })).toBe(true);
  for (const bad of [{ longitude: 180.1, latitude: 0 }, { longitude: 0, latitude: NaN }, { longitude: 0 }, { longitude: 0, latitude: 0, x: 1 }, [0, 0], null, '0,0']) {
    expect(isPosition(bad)).toBe(false);
  }
  expect(parsePayload(schemas.catalog.activities, { near: { longitude: 200, latitude: 0 } })).toMatchObject({ ok: false, code: 'INPUT.BAD_POSITION', field: 'near' });
  expect(parsePayload(schemas.enrollment.courses, { near: 'home' })).toEqual({ ok: true, value: { near: 'home' } });
  expect(parsePayload(schemas.catalog.activities, {})).toEqual({ ok: true, value: {} });
});
