/**
 * 就近: the point a list is sorted from and the distances of a collection's documents from it, by the $geoNear
 * stage (the collection declares its 2dsphere index on `location`, src/shared/collections.ts). The member's own
 * position comes with the request and is used for that answer only; without it their home town's centre stands in.
 */
import type { CollectionName } from '../../src/shared/collections';
import type { MemberDoc, TownDoc, VenueDoc } from '../../src/shared/documents';
import { venueNamed, type NearAnswer, type NearFrom } from '../../src/shared/distance';
import { aggregateRows } from './aggregate';
import type { Db } from './db';

export interface Origin {
  point: [number, number] | null;
  answer: NearAnswer;
}

const MAX_TOWNS = 200;
const MAX_VENUES = 1000;

/** [lng, lat] of a stored point: the SDK answers db.Geo.Point objects (longitude, latitude), GeoJSON otherwise. */
function lngLat(value: unknown): [number, number] | null {
  const p = value as { longitude?: unknown; latitude?: unknown; coordinates?: unknown } | null | undefined;
  if (typeof p?.longitude === 'number' && typeof p.latitude === 'number') return [p.longitude, p.latitude];
  const c = p?.coordinates;
  return Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' ? [c[0], c[1]] : null;
}

/** The member's home town's centre, when the member and the town are known. */
async function townCentre(db: Db, memberId: string | null): Promise<{ town: string; point: [number, number] } | null> {
  if (!memberId) return null;
  const [member, towns] = await Promise.all([
    db.byId<MemberDoc>('members', memberId),
    db.find<TownDoc>('towns', { limit: MAX_TOWNS }),
  ]);
  const town = member?.town ? towns.find((t) => t.name === member.town) : undefined;
  const point = town ? lngLat(town.location) : null;
  return town && point ? { town: town.name, point } : null;
}

/**
 * The point of the venue a place text names (venues collection), as a db.Geo.Point to store in `location`;
 * null when no venue matches (the activity is then listed last when sorting by distance).
 */
export async function venuePoint(db: Db, place: string): Promise<InstanceType<Db['raw']['Geo']['Point']> | null> {
  const venue = venueNamed(await db.find<VenueDoc>('venues', { limit: MAX_VENUES }), place);
  const point = venue ? lngLat(venue.location) : null;
  return point ? new db.raw.Geo.Point(point[0], point[1]) : null;
}

/** Where a list sorted by distance is measured from: the position given, else the member's home town. */
export async function originOf(db: Db, near: NearFrom, memberId: string | null): Promise<Origin> {
  if (near !== 'home') return { point: [near.longitude, near.latitude], answer: { from: 'here' } };
  const centre = await townCentre(db, memberId);
  return centre ? { point: centre.point, answer: { from: 'town', town: centre.town } } : { point: null, answer: { from: 'none' } };
}

/** Metres from `point` to every document with a location matching `query` (at most `max`), by _id. */
export async function distancesFrom(
  db: Db,
  collection: CollectionName,
  point: [number, number],
  query: Record<string, unknown>,
  max: number,
): Promise<Map<string, number>> {
  const rows = await aggregateRows<{ _id: string; metres: number }>(
    db,
    collection,
    (agg) =>
      agg
        .geoNear({ near: new db.raw.Geo.Point(point[0], point[1]), distanceField: 'metres', spherical: true, key: 'location', query })
        .project({ _id: 1, metres: 1 }),
    max,
  );
  return new Map(rows.map((row) => [row._id, row.metres]));
}

/** Items nearest first by their distance; those without one keep their order after the rest. */
export function byDistance<T>(items: readonly T[], metres: (item: T) => number | null | undefined): T[] {
  const known = items.filter((item) => typeof metres(item) === 'number');
  const unknown = items.filter((item) => typeof metres(item) !== 'number');
  return [...known.sort((a, b) => (metres(a) as number) - (metres(b) as number)), ...unknown];
}
