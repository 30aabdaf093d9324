/**
 * Geo queries as CloudBase answers them (2dsphere, MongoDB semantics): distances in metres on a sphere of
 * 6,378,100 m (one degree of latitude = 111,318.85 m), geoNear nearest first, geoWithin / geoIntersects, the $geoNear
 * aggregate stage, and a geo index required where the collection is declared.
 */
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { connectSdk, type Database } from '../helpers/sdk';

let emulator: TestEmulator;
let db: Database;
let _: Database['command'];

const ONE_DEGREE_LAT_M = (2 * Math.PI * 6_378_100) / 360; // 111,318.85 m
// 城关镇 and nearby places of a county (lng, lat)
const TOWN = [117.0, 36.0];
const places = [
  { _id: 'near', name: '城关分校', loc: [117.0, 36.005] }, // ~556 m north
  { _id: 'mid', name: '东关分校', loc: [117.02, 36.0] }, // ~1.8 km east
  { _id: 'far', name: '山区分校', loc: [117.3, 36.2] }, // ~35 km
];

beforeAll(async () => {
  emulator = await startTestEmulator();
  db = connectSdk(emulator.adminUrl).db;
  _ = db.command;
  await db.createCollection('geo_places');
  await db.collection('geo_places').add({
    data: [...places.map((p) => ({ _id: p._id, name: p.name, loc: new db.Geo.Point(p.loc[0], p.loc[1]) })), { _id: 'nowhere', name: '没有坐标' }],
  });
});
afterAll(() => emulator.stop());

const point = (lngLat: number[]) => new db.Geo.Point(lngLat[0], lngLat[1]);
const ids = (rows: Array<{ _id: string }>) => rows.map((r) => r._id);

test('geoNear answers within maxDistance / beyond minDistance, nearest first', async () => {
  const near = await db.collection('geo_places').where({ loc: _.geoNear({ geometry: point(TOWN), maxDistance: 2000 }) }).get();
  expect(ids(near.data)).toEqual(['near', 'mid']);
  const all = await db.collection('geo_places').where({ loc: _.geoNear({ geometry: point(TOWN) }) }).get();
  expect(ids(all.data)).toEqual(['near', 'mid', 'far']);
  const beyond = await db.collection('geo_places').where({ loc: _.geoNear({ geometry: point(TOWN), minDistance: 1000 }) }).get();
  expect(ids(beyond.data)).toEqual(['mid', 'far']);
});

test('geoWithin a polygon or a circle, geoIntersects a polygon', async () => {
  const ring = [[116.99, 35.99], [117.03, 35.99], [117.03, 36.01], [116.99, 36.01], [116.99, 35.99]].map(point);
  const polygon = new db.Geo.Polygon([new db.Geo.LineString(ring)]);
  expect(ids((await db.collection('geo_places').where({ loc: _.geoWithin({ geometry: polygon }) }).get()).data).sort()).toEqual(['mid', 'near']);
  expect(ids((await db.collection('geo_places').where({ loc: _.geoIntersects({ geometry: polygon }) }).get()).data).sort()).toEqual(['mid', 'near']);
  // radius in radians: 1 km / 6,378.1 km
  const circle = await db.collection('geo_places').where({ loc: _.geoWithin({ centerSphere: [TOWN, 1 / 6378.1] }) }).get();
  expect(ids(circle.data)).toEqual(['near']);
});

test('$geoNear stage: distances in metres, query, includeLocs, then the rest of the pipeline', async () => {
  const { list } = await db
    .collection('geo_places')
    .aggregate()
    .geoNear({ near: point(TOWN), distanceField: 'metres', spherical: true, key: 'loc', query: { _id: _.neq('far') }, includeLocs: 'where' })
    .limit(10)
    .end();
  expect(ids(list)).toEqual(['near', 'mid']);
  expect(list[0].metres).toBeCloseTo(0.005 * ONE_DEGREE_LAT_M, 0); // 556.6 m due north
  expect(list[0].where).toEqual({ type: 'Point', coordinates: [117.0, 36.005] });

  await db.createCollection('geo_lat');
  await db.collection('geo_lat').add({ data: [{ _id: 'one', loc: point([0, 1]) }] });
  const [one] = (await db.collection('geo_lat').aggregate().geoNear({ near: point([0, 0]), distanceField: 'd', key: 'loc' }).end()).list;
  expect(one.d).toBeCloseTo(ONE_DEGREE_LAT_M, 0);
});

test('$geoNear must come first; a declared collection needs its geo index', async () => {
  const notFirst = db.collection('geo_places').aggregate().match({}).geoNear({ near: point(TOWN), distanceField: 'd', key: 'loc' }).end();
  // (the SDK's aggregate path reports errCode -1 with the server's message)
  await expect(notFirst).rejects.toMatchObject({ errMsg: expect.stringContaining('$geoNear is only valid as the first stage') });
  // campuses declares location_2dsphere (src/shared/collections.ts); members declares none
  await db.collection('campuses').add({ data: { _id: 'c1', name: '本部', location: point(TOWN) } });
  const campuses = await db.collection('campuses').where({ location: _.geoNear({ geometry: point(TOWN), maxDistance: 10 }) }).get();
  expect(ids(campuses.data)).toEqual(['c1']);
  const stage = await db.collection('campuses').aggregate().geoNear({ near: point(TOWN), distanceField: 'd' }).end();
  expect(stage.list[0]).toMatchObject({ _id: 'c1', d: 0 });
  const unindexed = db.collection('members').where({ location: _.geoNear({ geometry: point(TOWN) }) }).get();
  await expect(unindexed).rejects.toMatchObject({ errCode: -502001 });
});
