/**
 * 就近入学 by real distance, through the real SDK into the emulator: the demo county's towns, campuses and venues
 * (local/seed/venues.ts), courses and activities sorted by distance from a given position or the member's home
 * town, distances checked against an independent great-circle computation, bad positions refused with a code,
 * nothing about the position stored, and every query served by a declared index.
 */
import { coverage } from '../../scripts/index-coverage';
import { buildActivities } from '../../local/seed/activities';
import { buildCourses, CAMPUSES, termOf } from '../../local/seed/university';
import { buildTowns, buildVenues, locationOf, venueOf, VENUES } from '../../local/seed/venues';
import type { SaveActivityRequest } from '../../src/shared/contracts-staff';
import type { ActivityDoc } from '../../src/shared/documents';
import type { QueryShape } from '../../local/emulator/query-shapes';
import { account, activity, member } from './fixtures';
import { dataOf, insert, startCloud, type CloudHarness } from './harness';

let cloud: CloudHarness;
const now = new Date();

// independent of the emulator's code: haversine on MongoDB's 2dsphere radius
const R = 6_378_100;
function metresBetween(a: [number, number], b: [number, number]): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b[1] - a[1]) / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(rad(b[0] - a[0]) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
const campusPoint = (id: string) => locationOf(CAMPUSES.find((c) => c._id === id)!.address).location!.coordinates;
const townPoint = (name: string) => buildTowns().find((t) => t.name === name)!.location.coordinates;
// standing at the door of 青山分校
const AT_QINGSHAN = { longitude: 117.0822, latitude: 36.1081 };
const here = (p: { longitude: number; latitude: number }): [number, number] => [p.longitude, p.latitude];

beforeAll(async () => {
  cloud = await startCloud();
  const { db } = cloud;
  const term = termOf(now);
  await insert(db, 'towns', buildTowns());
  await insert(db, 'venues', buildVenues());
  await insert(db, 'campuses', CAMPUSES.map((c) => ({ ...c, ...locationOf(c.address) })));
  await insert(db, 'courses', buildCourses(now));
  await insert(db, 'activities', [...buildActivities(now), activity('a-nowhere', 2, { place: '另行通知' })]);
  await insert(db, 'settings', [
    { _id: 'currentTerm', termId: term.id, name: term.name },
    { _id: 'enrollment', courseLimitPerTerm: 3, activityCancelCutoffHours: 2 },
  ]);
  await insert(db, 'members', [member('m-qs', { town: '青山镇' }), member('m-hk', { town: '河口镇' }), member('m-away', { town: '外县' })]);
  await insert(db, 'accounts', [
    account('near-qs', { memberId: 'm-qs' }),
    account('near-hk', { memberId: 'm-hk' }),
    account('near-hk-helper', { role: 'helper', actsFor: 'm-hk', name: '王晓梅' }),
    account('near-away', { memberId: 'm-away' }),
    account('near-staff', { role: 'staff', name: '刘干事' }),
  ]);
});
afterAll(() => cloud?.stop());

const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! <= x);

describe('the demo county is consistent', () => {
  it('every campus and every seeded activity is at a known venue in a known town, within the county', () => {
    const towns = new Set(buildTowns().map((t) => t.name));
    for (const v of VENUES) expect(towns.has(v.town)).toBe(true);
    for (const c of CAMPUSES) expect(venueOf(c.address)?.town).toBe(c.town);
    for (const a of buildActivities(now)) expect(venueOf(a.place)).not.toBeNull();
    // a county of about 30 × 30 km: every venue within 25 km of the county seat, and near its own town's centre
    for (const v of VENUES) {
      expect(metresBetween(v.location.coordinates, townPoint('城关镇'))).toBeLessThan(25_000);
      expect(metresBetween(v.location.coordinates, townPoint(v.town))).toBeLessThan(3_000);
    }
    expect(VENUES.some((v) => v.kind === 'screening')).toBe(true);
  });
});

describe('courses by distance (enrollment.courses)', () => {
  it('from where the member stands: nearest campus first, distances right, each course after its campus', async () => {
    const data = dataOf(await cloud.call('enrollment', 'courses', { near: AT_QINGSHAN }, 'near-qs'));
    expect(data.near).toEqual({ from: 'here' });
    expect(data.campuses[0]).toMatchObject({ id: 'campus-qingshan', nearest: true });
    expect(data.campuses.filter((c) => c.nearest)).toHaveLength(1);
    for (const c of data.campuses) {
      // within 0.5 % (the sphere's edges and rounding), and the main school about 13.8 km away
      expect(c.distanceM).toBeCloseTo(metresBetween(here(AT_QINGSHAN), campusPoint(c.id)), -1);
      expect(Math.abs(c.distanceM! - metresBetween(here(AT_QINGSHAN), campusPoint(c.id)))).toBeLessThan(0.005 * c.distanceM! + 1);
    }
    expect(data.campuses[0]!.distanceM).toBeLessThan(50);
    const main = data.campuses.find((c) => c.id === 'campus-main')!;
    expect(main.distanceM! / 1000).toBeGreaterThan(13);
    expect(main.distanceM! / 1000).toBeLessThan(15);
    expect(ascending(data.campuses.map((c) => c.distanceM!))).toBe(true);
    expect(ascending(data.courses.map((c) => c.distanceM!))).toBe(true);
    expect(data.courses[0]!.campusId).toBe('campus-qingshan');
    expect(data.courses).toHaveLength(buildCourses(now).length);
  });

  it('without a position: from the member\'s home town\'s centre, and it says so', async () => {
    const data = dataOf(await cloud.call('enrollment', 'courses', { near: 'home' }, 'near-hk'));
    expect(data.near).toEqual({ from: 'town', town: '河口镇' });
    expect(data.campuses[0]).toMatchObject({ id: 'campus-hekou', nearest: true });
    expect(data.campuses[0]!.distanceM).toBeCloseTo(metresBetween(townPoint('河口镇'), campusPoint('campus-hekou')), -1);
    expect(data.courses[0]!.campusId).toBe('campus-hekou');
  });

  it('a town without a known centre: told so, the usual order, no distances', async () => {
    const plain = dataOf(await cloud.call('enrollment', 'courses', {}, 'near-away'));
    const data = dataOf(await cloud.call('enrollment', 'courses', { near: 'home' }, 'near-away'));
    expect(data.near).toEqual({ from: 'none' });
    expect(plain.near).toBeUndefined();
    expect(data.courses.map((c) => c.id)).toEqual(plain.courses.map((c) => c.id));
    expect(data.courses.every((c) => c.distanceM === undefined)).toBe(true);
  });
});

describe('activities by distance (catalog.activities)', () => {
  it('nearest venue first with its distance; one without a known venue comes last', async () => {
    const at = { longitude: 117.028, latitude: 36.002 }; // 城东街道滨河社区党群服务中心
    const data = dataOf(await cloud.call('catalog', 'activities', { near: at }, 'near-qs'));
    expect(data.near).toEqual({ from: 'here' });
    const ids = data.activities.map((a) => a.id);
    expect(ids[0]).toBe('activity-jiangzuo');
    expect(data.activities[0]!.distanceM).toBeLessThan(10);
    expect(ids[ids.length - 1]).toBe('a-nowhere');
    expect(data.activities[ids.length - 1]!.distanceM).toBeNull();
    const known = data.activities.slice(0, -1);
    expect(ascending(known.map((a) => a.distanceM!))).toBe(true);
    const rongtui = data.activities.find((a) => a.id === 'activity-rongtui')!; // 县委党校, 城西
    expect(rongtui.distanceM).toBeCloseTo(metresBetween(here(at), venueOf('县委党校')!.location.coordinates), -1);
    // the same activities as the list by time (published, upcoming), none lost or added
    const byTime = dataOf(await cloud.call('catalog', 'activities', {}, 'near-qs'));
    expect([...ids].sort()).toEqual(byTime.activities.map((a) => a.id).sort());
    expect(byTime.near).toBeUndefined();
  });

  it('a helper sees the list from the home town of the member they act for', async () => {
    const data = dataOf(await cloud.call('catalog', 'activities', { near: 'home' }, 'near-hk-helper'));
    expect(data.near).toEqual({ from: 'town', town: '河口镇' });
    const first = data.activities[0]!;
    expect(first.distanceM).toBeCloseTo(metresBetween(townPoint('河口镇'), venueOf(first.place)!.location.coordinates), -1);
  });

  it('someone without a member record cannot use a home town', async () => {
    const data = dataOf(await cloud.call('catalog', 'activities', { near: 'home' }, 'near-stranger'));
    expect(data.near).toEqual({ from: 'none' });
    expect(data.activities.every((a) => a.distanceM === undefined)).toBe(true);
  });
});

describe('an activity staff publish at a known venue', () => {
  const input = (over: Partial<SaveActivityRequest> = {}): SaveActivityRequest => ({
    title: '书法交流会',
    kind: '书画展',
    description: '带上作品，互相切磋。',
    place: '县文化馆二楼书画室',
    startAt: new Date(now.getTime() + 5 * 86_400_000).toISOString(),
    endAt: new Date(now.getTime() + 5.1 * 86_400_000).toISOString(),
    signupDeadline: new Date(now.getTime() + 4 * 86_400_000).toISOString(),
    seats: 30,
    walkUpAllowed: true,
    ...over,
  });
  const stored = async (id: string) => (await cloud.db.collection('activities').doc(id).get()).data as ActivityDoc;
  const at = { longitude: 116.996, latitude: 36.004 }; // 县文化馆

  it('takes the venue’s point from its place, and drops it when the place names no venue', async () => {
    const row = dataOf(await cloud.call('staff', 'saveActivity', input({ requestKey: 'near-pub-1' }), 'near-staff'));
    const doc = await stored(row.id);
    // the SDK answers a db.Geo.Point; its JSON is the GeoJSON stored
    expect(JSON.parse(JSON.stringify(doc.location))).toEqual({ type: 'Point', coordinates: venueOf('县文化馆')!.location.coordinates });
    const near = dataOf(await cloud.call('catalog', 'activities', { near: at }, 'near-qs'));
    expect(near.activities.find((a) => a.id === row.id)!.distanceM).toBeLessThan(5);

    dataOf(await cloud.call('staff', 'saveActivity', input({ activityId: row.id, place: '城南山公园东门' }), 'near-staff'));
    expect((await stored(row.id)).location).toBeUndefined();
    const after = dataOf(await cloud.call('catalog', 'activities', { near: at }, 'near-qs'));
    expect(after.activities.find((a) => a.id === row.id)!.distanceM).toBeNull();
  });
});

describe('bad positions', () => {
  const codeOf = async (near: unknown, fn: 'catalog' | 'enrollment' = 'catalog') => {
    const answer = fn === 'catalog' ? await cloud.call('catalog', 'activities', { near }, 'near-qs') : await cloud.call('enrollment', 'courses', { near }, 'near-qs');
    return answer.ok ? 'ok' : answer.error.code;
  };

  it('out of range, not numbers, other words, extra or missing fields: INPUT.BAD_POSITION', async () => {
    for (const near of [
      { longitude: 181, latitude: 36 },
      { longitude: 117, latitude: -90.5 },
      { longitude: '117', latitude: 36 },
      { longitude: null, latitude: 36 },
      { longitude: 117 },
      { longitude: 117, latitude: 36, accuracy: 5 },
      [117, 36],
      'here',
      42,
    ]) {
      expect(await codeOf(near)).toBe('INPUT.BAD_POSITION');
      expect(await codeOf(near, 'enrollment')).toBe('INPUT.BAD_POSITION');
    }
    // a number JSON cannot carry (NaN, Infinity) arrives as null
    expect(await codeOf(JSON.parse(JSON.stringify({ longitude: NaN, latitude: Infinity })))).toBe('INPUT.BAD_POSITION');
  });

  it('operator objects are refused before anything reads them', async () => {
    expect(await codeOf({ longitude: { $gt: 0 }, latitude: 36 })).toBe('INPUT.INVALID');
    expect(await codeOf({ $geometry: { type: 'Point', coordinates: [117, 36] } }, 'enrollment')).toBe('INPUT.INVALID');
  });

  it('the position is used for the answer only: nothing about it is stored', async () => {
    const snapshot = async () => ({
      member: (await cloud.db.collection('members').doc('m-qs').get()).data,
      accounts: (await cloud.db.collection('accounts').where({ memberId: 'm-qs' }).get()).data,
    });
    const before = await snapshot();
    dataOf(await cloud.call('enrollment', 'courses', { near: AT_QINGSHAN }, 'near-qs'));
    dataOf(await cloud.call('catalog', 'activities', { near: AT_QINGSHAN }, 'near-qs'));
    expect(await snapshot()).toEqual(before);
    expect(JSON.stringify(await snapshot())).not.toContain('117.0822');
  });
});

it('every query these screens made is served by a declared index (the geo ones by their 2dsphere index)', async () => {
  const { shapes } = (await (await fetch(`${cloud.emulator.url}/_local/query-shapes`)).json()) as { shapes: QueryShape[] };
  const report = coverage(shapes);
  expect(report.uncovered).toEqual([]);
  expect(report.covered).toEqual(expect.arrayContaining([
    expect.objectContaining({ shape: expect.stringMatching(/^activities .*location/), index: expect.stringMatching(/location_2dsphere|status_startAt/) }),
  ]));
});
